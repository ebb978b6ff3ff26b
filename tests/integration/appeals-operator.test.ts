import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { StaffMember } from '@shared/api/contract'
import { appealInput, OPERATOR, openDesk, storedApplicant, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/**
 * The operator at the keyboard (session.setOperator) and the staff list: who accepts appeals
 * (printed on the receipt, written in the audit trail) and who executes them.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

const deactivate = (desk: Desk, member: Pick<StaffMember, 'id' | 'fullName' | 'position'>) =>
  desk.call('staff.update', { id: member.id, fullName: member.fullName, position: member.position, active: false })

describe('choosing the operator', () => {
  it('names the operator on the appeals they accept and in the audit trail', async () => {
    const desk = await openDesk(cleanup, NOW)
    expect((await desk.ok('session.get', {})).operator).toMatchObject({
      id: desk.operatorId,
      ...OPERATOR,
      active: true,
    })
    const appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    expect(appeal.acceptedBy).toEqual({ id: desk.operatorId, ...OPERATOR })
    expect(appeal.history[0]!.operator).toBe(OPERATOR.fullName)
  })

  it('refuses a deactivated staff member, keeping the current operator', async () => {
    const desk = await openDesk(cleanup, NOW)
    const former = await desk.ok('staff.create', { fullName: 'Ахметов Болат', position: 'Маман' })
    expect((await deactivate(desk, former)).ok).toBe(true)
    const error = await desk.fail('session.setOperator', { staffId: former.id })
    expect(error).toEqual({
      code: 'validation',
      messageKey: 'errors.validation',
      issues: [{ path: ['staffId'], messageKey: 'validation.operatorUnknown' }],
    })
    expect((await desk.ok('session.get', {})).operator?.id).toBe(desk.operatorId)
  })

  it('refuses someone not on the staff list', async () => {
    const desk = await openDesk(cleanup, NOW)
    const error = await desk.fail('session.setOperator', { staffId: 999 })
    expect(error.issues).toEqual([{ path: ['staffId'], messageKey: 'validation.operatorUnknown' }])
  })

  it('deactivating the current operator clears the session; later work is accepted by nobody', async () => {
    const desk = await openDesk(cleanup, NOW)
    expect((await deactivate(desk, { id: desk.operatorId, ...OPERATOR })).ok).toBe(true)
    expect(await desk.ok('session.get', {})).toEqual({ operator: null })
    const appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    expect(appeal.acceptedBy).toBeNull()
    expect(appeal.history[0]!.operator).toBeNull()
  })

  it('renaming the current operator shows in the session and in later audit entries', async () => {
    const desk = await openDesk(cleanup, NOW)
    await desk.ok('staff.update', {
      id: desk.operatorId,
      fullName: 'Жұмағалиева-Серік Әсем',
      position: OPERATOR.position,
      active: true,
    })
    expect((await desk.ok('session.get', {})).operator?.fullName).toBe('Жұмағалиева-Серік Әсем')
    const appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    expect(appeal.history[0]!.operator).toBe('Жұмағалиева-Серік Әсем')
  })

  it('is remembered when the program starts again, unless deactivated meanwhile', async () => {
    const dir = cleanup.tempDir()
    const file = join(dir, 'akimat.sqlite')
    const first = await openDesk(cleanup, { now: NOW, file })
    await first.core.close()

    const second = await openDesk(cleanup, { now: NOW, file, noOperator: true })
    expect((await second.ok('session.get', {})).operator?.fullName).toBe(OPERATOR.fullName)
    // deactivated by someone else, with a connection of its own
    await second.sql('UPDATE staff SET active = 0 WHERE id = ?', [first.operatorId])
    await second.core.close()

    const third = await openDesk(cleanup, { now: NOW, file, noOperator: true })
    expect(await third.ok('session.get', {})).toEqual({ operator: null })
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
