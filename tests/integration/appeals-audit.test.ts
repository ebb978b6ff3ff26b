import { beforeEach, describe, expect, it } from 'vitest'
import type { Appeal } from '@shared/api/contract'
import { appealInput, IIN, OPERATOR, openDesk, person, wrongCheckDigit, type Desk, editInput } from '../helpers/appeals'
import { userContext } from '../helpers/context'
import { useCleanup } from '../helpers/cleanup'

/**
 * The audit trail of an appeal: who registered it, every field changed by an edit (old and
 * new value as JSON), every status change and extension, written in the same transaction as
 * the change; a refused call writes none. The office clock stands at Monday 20 April 2026.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

interface AuditRow {
  operator: string | null
  entity: string
  entity_id: string
  action: string
  field: string | null
  old_value: string | null
  new_value: string | null
}

let desk: Desk
let housing: number
let appeal: Appeal

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  housing = await desk.sector('housing')
  appeal = await desk.ok('appeals.create', appealInput(housing))
})

/** The appeal's audit rows, without id and time. */
const auditOf = (id: number) =>
  desk.sql<AuditRow>(
    "SELECT operator, entity, entity_id, action, field, old_value, new_value FROM audit_entries WHERE entity = 'appeal' AND entity_id = ? ORDER BY id",
    [String(id)],
  )

describe('registration', () => {
  it('writes one create entry with the operator name and the first state', async () => {
    const rows = await auditOf(appeal.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      operator: OPERATOR.fullName,
      entity: 'appeal',
      action: 'create',
      field: null,
      old_value: null,
    })
    expect(JSON.parse(rows[0]!.new_value!)).toEqual({
      regNumber: '2026-000001',
      registeredOn: '2026-03-16',
      dueOn: '2026-04-09',
      status: 'registered',
      summary: appeal.summary,
    })
    expect(appeal.acceptedBy).toEqual({ id: desk.operatorId, positionRu: null, ...OPERATOR })
  })
})

describe('editing', () => {
  it('writes one entry per changed field, with old and new values as JSON', async () => {
    const executor = await desk.ok('staff.create', { fullName: 'Бекжанов Ержан', position: 'ТҮКШ маманы' })
    const before = await desk.count('audit_entries')
    const edited = await desk.ok(
      'appeals.update',
      await editInput(desk, appeal, { summary: 'Су құбыры жарылған', executorId: executor.id }),
    )
    expect(edited).toMatchObject({
      summary: 'Су құбыры жарылған',
      executorId: executor.id,
      executorName: 'Бекжанов Ержан',
    })
    expect(await desk.count('audit_entries')).toBe(before + 2)
    expect((await auditOf(appeal.id)).slice(1)).toEqual([
      {
        operator: OPERATOR.fullName,
        entity: 'appeal',
        entity_id: String(appeal.id),
        action: 'update',
        field: 'summary',
        old_value: JSON.stringify(appeal.summary),
        new_value: '"Су құбыры жарылған"',
      },
      {
        operator: OPERATOR.fullName,
        entity: 'appeal',
        entity_id: String(appeal.id),
        action: 'update',
        field: 'executorId',
        old_value: 'null',
        new_value: String(executor.id),
      },
    ])
  })

  it('records an applicant change as the applicant name', async () => {
    await desk.ok('appeals.update', await editInput(desk, appeal, { applicant: person({ surname: 'Жұмабаев' }) }))
    const rows = await auditOf(appeal.id)
    expect(rows.slice(1).map((r) => [r.field, r.old_value, r.new_value])).toEqual([
      ['applicantName', '"Жұмабеков Нұрлан Серікұлы"', '"Жұмабаев Нұрлан Серікұлы"'],
    ])
  })

  it('an edit that changes nothing writes nothing', async () => {
    const before = await desk.count('audit_entries')
    await desk.ok('appeals.update', await editInput(desk, appeal))
    expect(await desk.count('audit_entries')).toBe(before)
  })

  it('keeps search in step with the edit', async () => {
    await desk.ok('appeals.update', await editInput(desk, appeal, { summary: 'Жол жөндеу' }))
    const find = async (query: string) => (await desk.ok('appeals.list', { query })).total
    expect(await find('жондеу')).toBe(1)
    expect(await find('кубыры')).toBe(0)
  })
})

describe('status changes and extensions', () => {
  it('write transition entries for the status and the answer fields', async () => {
    await desk.ok('appeals.transition', { id: appeal.id, to: 'in_progress' })
    await desk.ok('appeals.transition', {
      id: appeal.id,
      to: 'answered',
      outcome: 'explained',
      answerText: 'Түсіндірілді',
      answeredOn: '2026-04-08',
    })
    const rows = (await auditOf(appeal.id)).slice(1)
    expect(rows.every((r) => r.action === 'transition' && r.operator === OPERATOR.fullName)).toBe(true)
    expect(rows.map((r) => [r.field, r.old_value, r.new_value])).toEqual([
      ['status', '"registered"', '"in_progress"'],
      ['status', '"in_progress"', '"answered"'],
      ['outcome', 'null', '"explained"'],
      ['answerText', 'null', '"Түсіндірілді"'],
      ['answeredOn', 'null', '"2026-04-08"'],
    ])
  })

  it('write extend entries for the new deadline and the decision', async () => {
    await desk.ok('appeals.extend', {
      id: appeal.id,
      extendedDueOn: '2026-05-15',
      reason: 'Комиссия қорытындысы күтілуде',
      decidedOn: '2026-04-06',
    })
    const rows = (await auditOf(appeal.id)).slice(1)
    expect(rows.map((r) => [r.action, r.field, r.old_value, r.new_value])).toEqual([
      ['extend', 'dueOn', '"2026-04-09"', '"2026-05-15"'],
      ['extend', 'extensionReason', 'null', '"Комиссия қорытындысы күтілуде"'],
      ['extend', 'extensionDecidedOn', 'null', '"2026-04-06"'],
      // Monday 6 April + 3 working days: 7, 8, 9 April
      ['extend', 'noticeDueOn', 'null', '"2026-04-09"'],
    ])
  })
})

describe('refused calls write no audit entry', () => {
  it.each([
    [
      'a forbidden transition',
      'appeals.transition',
      () => ({ id: appeal.id, to: 'answered', outcome: 'explained', answerText: 'x', answeredOn: '2026-04-08' }),
    ],
    [
      'a redirection dated in the future',
      'appeals.transition',
      () => ({ id: appeal.id, to: 'redirected', redirectedTo: 'Аудан', redirectedOn: '2026-05-01' }),
    ],
    [
      'an edit with a wrong IIN',
      'appeals.update',
      () => editInput(desk, appeal, { applicant: person({ iin: wrongCheckDigit(IIN.nurlan) }) }),
    ],
    ['an edit to an unknown sector', 'appeals.update', () => editInput(desk, appeal, { sectorId: 777 })],
    [
      'an extension beyond two months',
      'appeals.extend',
      () => ({ id: appeal.id, extendedDueOn: '2026-06-01', reason: 'x', decidedOn: '2026-04-06' }),
    ],
    ['a registration with a missing summary', 'appeals.create', () => appealInput(housing, { summary: '' })],
  ])('%s', async (_label, method, input) => {
    const before = { audit: await desk.count('audit_entries'), row: await desk.sql('SELECT * FROM appeals') }
    await desk.fail(method, await input())
    expect({ audit: await desk.count('audit_entries'), row: await desk.sql('SELECT * FROM appeals') }).toEqual(before)
  })
})

describe('history in appeals.get', () => {
  it('lists every entry in order, with the operator who made it', async () => {
    await desk.ok('appeals.update', await editInput(desk, appeal, { summary: 'Су құбыры жарылған' }))
    const second = await desk.ok('staff.create', { fullName: 'Серікбаев Дәулет', position: 'Маман', isExecutor: false })
    desk.ctx = userContext('clerk', { id: 2, fullName: second.fullName, staffId: second.id })
    await desk.ok('appeals.transition', { id: appeal.id, to: 'in_progress' })

    const { history } = await desk.ok('appeals.get', { id: appeal.id })
    expect(
      history.map(({ operator, action, field, oldValue, newValue }) => ({
        operator,
        action,
        field,
        oldValue,
        newValue,
      })),
    ).toEqual([
      {
        operator: OPERATOR.fullName,
        action: 'create',
        field: null,
        oldValue: null,
        newValue: expect.stringContaining('"regNumber":"2026-000001"'),
      },
      {
        operator: OPERATOR.fullName,
        action: 'update',
        field: 'summary',
        oldValue: JSON.stringify(appeal.summary),
        newValue: '"Су құбыры жарылған"',
      },
      {
        operator: 'Серікбаев Дәулет',
        action: 'transition',
        field: 'status',
        oldValue: '"registered"',
        newValue: '"in_progress"',
      },
    ])
    expect(history.every((h) => !Number.isNaN(Date.parse(h.at)))).toBe(true)
  })

  it("does not mix in another appeal's history", async () => {
    const other = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-03-17T10:00' }))
    await desk.ok('appeals.transition', { id: other.id, to: 'in_progress' })
    expect((await desk.ok('appeals.get', { id: appeal.id })).history).toHaveLength(1)
    expect((await desk.ok('appeals.get', { id: other.id })).history).toHaveLength(2)
  })
})
