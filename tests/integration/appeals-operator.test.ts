import { describe, expect, it } from 'vitest'
import type { StaffMember } from '@shared/api/contract'
import { appealInput, OPERATOR, openDesk, storedApplicant, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { userContext } from '../helpers/context'

/**
 * The signed-in user and the staff list: who accepts appeals (printed on the receipt through
 * the account's staff link, written in the audit trail by name) and who executes them.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

const deactivate = (desk: Desk, member: Pick<StaffMember, 'id' | 'fullName' | 'position'>) =>
  desk.call('staff.update', { id: member.id, fullName: member.fullName, position: member.position, active: false })

describe('the operator is the signed-in user', () => {
  it('names them on the appeals they accept (through their staff link) and in the audit trail', async () => {
    const desk = await openDesk(cleanup, NOW)
    const appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    expect(appeal.acceptedBy).toEqual({ id: desk.operatorId, positionRu: null, ...OPERATOR })
    expect(appeal.history[0]!.operator).toBe(OPERATOR.fullName)
  })

  it('an account not linked to the staff list: its name in the history, no one as accepting on the receipt', async () => {
    const desk = await openDesk(cleanup, NOW)
    desk.ctx = userContext('clerk', { id: 7, fullName: 'Ахметов Болат', staffId: null })
    const appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    expect(appeal.acceptedBy).toBeNull()
    expect(appeal.history[0]!.operator).toBe('Ахметов Болат')
  })

  it('a context naming another operator than its user is not believed: the user is the operator', async () => {
    const desk = await openDesk(cleanup, NOW)
    desk.ctx = { ...desk.ctx, operator: 'Басқа біреу', operatorId: null }
    const appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    expect(appeal.history[0]!.operator).toBe(OPERATOR.fullName)
    expect(appeal.acceptedBy?.id).toBe(desk.operatorId)
  })
})

describe('executors', () => {
  it('a deactivated executor keeps the appeals given to them, but cannot be given new ones', async () => {
    const desk = await openDesk(cleanup, NOW)
    const housing = await desk.sector('housing')
    const executor = await desk.ok('staff.create', { fullName: 'Бекжанов Ержан', position: 'ТҮКШ маманы' })
    const appeal = await desk.ok('appeals.create', appealInput(housing, { executorId: executor.id }))
    expect((await deactivate(desk, executor)).ok).toBe(true)

    expect(await desk.ok('appeals.get', { id: appeal.id })).toMatchObject({
      executorId: executor.id,
      executorName: 'Бекжанов Ержан',
    })
    expect((await desk.ok('staff.list', { includeInactive: false })).map((s) => s.id)).not.toContain(executor.id)
    const error = await desk.fail('appeals.create', appealInput(housing, { executorId: executor.id }))
    expect(error.issues).toEqual([{ path: ['executorId'], messageKey: 'validation.inactiveReference' }])
    // an edit of that appeal that leaves the executor as it was is still allowed
    const edited = await desk.ok('appeals.update', {
      id: appeal.id,
      channel: appeal.channel,
      appealType: appeal.appealType,
      sectorId: appeal.sectorId,
      applicant: await storedApplicant(desk, appeal.id),
      summary: 'Мазмұны нақтыланды',
      executorId: executor.id,
    })
    expect(edited).toMatchObject({ summary: 'Мазмұны нақтыланды', executorId: executor.id })
  })
})
