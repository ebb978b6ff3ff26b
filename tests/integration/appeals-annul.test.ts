import { beforeEach, describe, expect, it } from 'vitest'
import type { Appeal, ApiInput, ReportModel } from '@shared/api/contract'
import type { CallContext, CallUser } from '../../src/main/services/context'
import { appealInput, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/**
 * Annulling an entry made by mistake. The office clock stands at Thursday 10 April 2025, 10:00;
 * Q1 2025 is over. The register, by hand:
 *
 *   2025-000001  housing  received Tuesday 4 February 2025 10:00 → registered that day
 *   2025-000002  housing  the same day: a test record, annulled by the head
 *   2025-000003  land     received Wednesday 5 February 2025 10:00 → registered that day
 *
 * With 000002 annulled, every count is that of a register holding 000001 and 000003 only: the
 * sector-by-year report (from the yearly counts table) and the quarterly report are compared
 * with those of a second desk that never held the test record, and with numbers worked out
 * here. The next appeal gets 2025-000004: the annulled number is never given again.
 */

const cleanup = useCleanup()
const NOW = '2025-04-10T10:00:00'
const TEST_RECORD = 'Сынақ жазба: бағдарламаны тексеру'

const user = (role: CallUser['role']): CallContext => ({
  operator: 'Сәрсенбаев Ерлан Қуанышұлы',
  door: 'web',
  user: { id: 7, username: role, fullName: 'Сәрсенбаев Ерлан Қуанышұлы', role, staffId: null },
})

async function annulAs(desk: Desk, ctx: CallContext, input: ApiInput<'appeals.annul'>) {
  return desk.core.dispatch('appeals.annul', input, ctx)
}

/** The register without the test record: two appeals, housing on 4 and land on 5 February. */
async function twoAppeals(desk: Desk): Promise<[Appeal, Appeal | null, Appeal]> {
  const [housing, land] = [await desk.sector('housing'), await desk.sector('land')]
  const first = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2025-02-04T10:00' }))
  return [first, null, await desk.ok('appeals.create', appealInput(land, { receivedAt: '2025-02-05T10:00' }))]
}

const reports = async (desk: Desk) => ({
  sectorByYear: await desk.ok('reports.build', {
    lang: 'kk',
    params: { kind: 'sector-by-year', from: 2025, to: 2025, source: 'all', localityId: null },
  }),
  quarterly: await desk.ok('reports.build', { lang: 'kk', params: { kind: 'quarterly', quarter: '2025-Q1' } }),
})

/** A model's tables as plain values, for comparing two registers. */
const tablesOf = (model: ReportModel) => JSON.parse(JSON.stringify(model.tables)) as unknown

let desk: Desk
let mistaken: Appeal

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  const housing = await desk.sector('housing')
  const first = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2025-02-04T10:00' }))
  mistaken = await desk.ok(
    'appeals.create',
    appealInput(housing, { receivedAt: '2025-02-04T11:00', summary: TEST_RECORD }),
  )
  const third = await desk.ok(
    'appeals.create',
    appealInput(await desk.sector('land'), { receivedAt: '2025-02-05T10:00' }),
  )
  expect([first.regNumber, mistaken.regNumber, third.regNumber]).toEqual(['2025-000001', '2025-000002', '2025-000003'])
  expect([first.registeredOn, mistaken.registeredOn, third.registeredOn]).toEqual([
    '2025-02-04',
    '2025-02-04',
    '2025-02-05',
  ])
})

describe('who may annul', () => {
  it('not a call without a signed-in user, nor a clerk: nothing is annulled, the refusals are recorded', async () => {
    const audit = await desk.count('audit_entries')
    const signedOut = await annulAs(desk, { operator: null, door: 'web' } as CallContext, {
      id: mistaken.id,
      reason: 'Сынақ',
    })
    expect(signedOut).toEqual({ ok: false, error: { code: 'signed_out', messageKey: 'errors.signed_out', issues: [] } })
    for (const ctx of [user('clerk'), user('press')]) {
      const result = await annulAs(desk, ctx, { id: mistaken.id, reason: 'Сынақ' })
      expect(result).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden', issues: [] } })
    }
    // the dispatcher records each refusal of a signed-in user (action 'forbidden'), nothing else
    expect(await desk.count('audit_entries')).toBe(audit + 2)
    expect((await desk.ok('appeals.get', { id: mistaken.id })).status).toBe('registered')
  })

  it('the head and an administrator may; a reason is required', async () => {
    const missing = await annulAs(desk, user('head'), { id: mistaken.id, reason: '' })
    expect(missing.ok).toBe(false)
    const head = await annulAs(desk, user('head'), { id: mistaken.id, reason: TEST_RECORD })
    expect(head.ok).toBe(true)
    const other = (await desk.ok('appeals.list', {})).rows.find((r) => r.regNumber === '2025-000001')!
    expect((await annulAs(desk, user('administrator'), { id: other.id, reason: 'Қайталап енгізілген' })).ok).toBe(true)
  })
})

describe('an annulled entry', () => {
  beforeEach(async () => {
    const result = await annulAs(desk, user('head'), {
      id: mistaken.id,
      reason: 'Бағдарламаны тексеру үшін енгізілген',
    })
    expect(result.ok).toBe(true)
  })

  it('stays on its card with the reason, in its history, and cannot be changed or annulled again', async () => {
    const card = await desk.ok('appeals.get', { id: mistaken.id })
    expect(card).toMatchObject({
      regNumber: '2025-000002',
      status: 'annulled',
      overdue: false,
      annulment: { reason: 'Бағдарламаны тексеру үшін енгізілген' },
    })
    expect(card.history.filter((e) => e.action === 'annul').map((e) => [e.field, e.oldValue, e.newValue])).toEqual([
      ['status', '"registered"', '"annulled"'],
      ['closingReason', 'null', '"Бағдарламаны тексеру үшін енгізілген"'],
    ])
    const annulledIssue = [{ path: ['id'], messageKey: 'validation.appealAnnulled' }]
    expect((await desk.fail('appeals.transition', { id: mistaken.id, to: 'in_progress' })).issues).toEqual(
      annulledIssue,
    )
    const again = await annulAs(desk, user('head'), { id: mistaken.id, reason: 'Тағы' })
    expect(again.ok ? [] : again.error.issues).toEqual(annulledIssue)
  })

  it('its number is never given again: the next appeal is 2025-000004', async () => {
    const next = await desk.ok(
      'appeals.create',
      appealInput(await desk.sector('housing'), { receivedAt: '2025-04-10T09:30' }),
    )
    expect(next.regNumber).toBe('2025-000004')
  })

  it('is left out of sector-by-year and quarterly: the same tables as a register that never held it', async () => {
    const withAnnulled = await reports(desk)
    const clean = await openDesk(cleanup, NOW)
    await twoAppeals(clean)
    const without = await reports(clean)
    expect(tablesOf(withAnnulled.sectorByYear)).toEqual(tablesOf(without.sectorByYear))
    expect(tablesOf(withAnnulled.quarterly)).toEqual(tablesOf(without.quarterly))
    // by hand: 2025 holds one housing and one land appeal; Q1 2025 received 2 (Q1 2024: 0)
    const total = withAnnulled.quarterly.tables[0]!.total!.slice(2, 5).map((c) => ('value' in c ? c.value : ''))
    expect(total).toEqual([2, 0, 2])
    const yearCounts = await desk.sql<{ n: number }>('SELECT SUM(n) AS n FROM appeal_year_counts WHERE year = 2025')
    expect(Number(yearCounts[0]!.n)).toBe(2)
  })

  it('is left out of the dashboard and the lists unless asked for', async () => {
    const dashboard = await desk.ok('dashboard.summary', { year: 2025 })
    expect(dashboard).toMatchObject({ total: 2, open: 2 })
    const numbers = async (input: ApiInput<'appeals.list'>) => {
      const page = await desk.ok('appeals.list', input)
      return { total: page.total, numbers: page.rows.map((r) => r.regNumber).sort() }
    }
    expect(await numbers({})).toEqual({ total: 2, numbers: ['2025-000001', '2025-000003'] })
    expect(await numbers({ annulled: 'include' })).toEqual({
      total: 3,
      numbers: ['2025-000001', '2025-000002', '2025-000003'],
    })
    expect(await numbers({ annulled: 'only' })).toEqual({ total: 1, numbers: ['2025-000002'] })
    // a search alone is counted in the full-text index, less its annulled matches
    expect(await numbers({ query: 'сынак' })).toEqual({ total: 0, numbers: [] })
    expect(await numbers({ query: 'сынак', annulled: 'include' })).toEqual({ total: 1, numbers: ['2025-000002'] })
    expect(await numbers({ query: 'су кубыры' })).toEqual({ total: 2, numbers: ['2025-000001', '2025-000003'] })
  })
})
