import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SelectQueryBuilder } from 'typeorm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type ApiInput } from '@shared/api/contract'
import type { Core } from '../../src/main/core'
import { sectorDayCountsQuery, sectorYearCountsQuery } from '../../src/main/reports/sectorByYear'
import { COUNTED_SQL } from '../../src/main/services/appeals/counted'
import { startTestCore } from '../helpers/core'

/**
 * The query plans of the hot queries, read with EXPLAIN QUERY PLAN from the SQL the code
 * builds (the services' own query builders), so that a change which makes SQLite read the whole
 * register fails here, without timing anything (docs/PERFORMANCE.md has the timings).
 *
 * An office database has no statistics (ANALYZE never runs), so SQLite chooses its plan from
 * the schema and the SQL alone: an empty database gets the same plans as a million appeals.
 *
 * Plans name the alias `a` for appeals. "SEARCH a USING INDEX x (…)" reads a range of an index;
 * "SCAN a" reads the whole table; "USE TEMP B-TREE" sorts everything selected first.
 */

const TODAY = '2026-04-20'
let core: Core
let dir: string

// One database for the whole file (plans do not depend on rows).
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'akimat-desk-plans-'))
  core = await startTestCore(join(dir, 'plans.sqlite'), { clock: () => new Date(`${TODAY}T10:00:00`) })
})
afterAll(async () => {
  await core?.close()
  rmSync(dir, { recursive: true, force: true })
})

async function planOf(query: SelectQueryBuilder<object>): Promise<string[]> {
  const [sql, params] = query.getQueryAndParameters()
  const rows: { id: number; parent: number; detail: string }[] = await core.database.dataSource.query(
    `EXPLAIN QUERY PLAN ${sql}`,
    params,
  )
  return withoutAnnulledIds(sql, rows)
}

/**
 * Leaving annulled entries out (COUNTED_SQL) adds a subquery of annulled ids, read once from an
 * index by status: checked here, wherever a query has it, and left out of the plan the tests
 * read, which is the query's own.
 */
function withoutAnnulledIds(sql: string, rows: { id: number; parent: number; detail: string }[]): string[] {
  if (!sql.includes(COUNTED_SQL.slice(COUNTED_SQL.indexOf('(')))) return rows.map((r) => r.detail)
  const reads = rows.filter((r) => /^SEARCH appeals USING (COVERING )?INDEX \S+ \(status=\?\)/.test(r.detail))
  expect(reads.length, rows.map((r) => r.detail).join('\n')).toBe(1)
  const subquery = reads[0]!.parent
  return rows.filter((r) => r.id !== subquery && r.parent !== subquery).map((r) => r.detail)
}

/** The indexes of appeals whose first column is `column` (a migration may add a wider one). */
async function indexesLeadingWith(column: string): Promise<string[]> {
  const indexes: { name: string }[] = await core.database.dataSource.query(
    "SELECT name FROM pragma_index_list('appeals')",
  )
  const leading: string[] = []
  for (const { name } of indexes) {
    const columns: { seqno: number; name: string }[] = await core.database.dataSource.query(
      'SELECT seqno, name FROM pragma_index_info(?)',
      [name],
    )
    if (columns.find((c) => c.seqno === 0)?.name === column) leading.push(name)
  }
  return leading
}

const fullScan = (plan: string[]) => plan.filter((line) => /^SCAN a\b/.test(line))
const sorts = (plan: string[]) => plan.filter((line) => line.includes('TEMP B-TREE'))
/** The index a step searches appeals with, e.g. 'idx_appeals_status_due'. */
const searchIndex = (plan: string[]) =>
  plan.map((l) => /^SEARCH a USING (?:COVERING )?INDEX (\S+)/.exec(l)?.[1]).find(Boolean) ?? null

function listFilters(input: ApiInput<'appeals.list'>) {
  return contract['appeals.list'].input.parse(input)
}

const listQueries = (input: ApiInput<'appeals.list'>) =>
  core.services.appeals.queries.listQueries(listFilters(input), TODAY)

describe('the appeals list', () => {
  it('first screen: the total is a plain count of appeals, the page walks the received-at index newest first', async () => {
    const { count, page } = listQueries({})
    const countPlan = await planOf(count)
    // no join in the count: SQLite answers COUNT(*) of a whole table from its b-tree alone
    expect(countPlan.join('\n')).not.toMatch(/ex\b|staff/)
    const pagePlan = await planOf(page)
    expect(pagePlan).toContain('SCAN a USING COVERING INDEX idx_appeals_received_at')
    expect(pagePlan.filter((l) => /^SCAN a\b/.test(l) && !l.includes('idx_appeals_received_at'))).toEqual([])
    // the page's 50 ids come in index order; only the 50 rows are sorted again
    expect(sorts(pagePlan)).toHaveLength(1)
  })

  it('period + sector + "answered", by received: searched by the period, never through the status index', async () => {
    const { count, page } = listQueries({
      from: '2025-01-01',
      to: '2025-12-31',
      sectorIds: [2],
      statuses: ['answered'],
      sort: 'receivedAt',
      order: 'desc',
    })
    // covered: the status and the received-at of every appeal of the year come from the index,
    // not from reading each row (migration 0005)
    for (const plan of [await planOf(count), await planOf(page)]) {
      expect(fullScan(plan)).toEqual([])
      expect(plan).toContain(
        'SEARCH a USING COVERING INDEX idx_appeals_registered_sector_status (registered_on>? AND registered_on<?)',
      )
    }
  })

  it('open appeals of an executor, overdue, by due date: counted and chosen inside (status, due_on, executor_id)', async () => {
    const { count, page } = listQueries({
      executorIds: [1],
      statuses: ['registered', 'in_progress'],
      overdue: true,
      sort: 'dueOn',
      order: 'asc',
    })
    for (const plan of [await planOf(count), await planOf(page)]) {
      expect(fullScan(plan)).toEqual([])
      expect(plan).toContain('SEARCH a USING COVERING INDEX idx_appeals_status_due_executor (status=? AND due_on<?)')
    }
  })

  it('an okrug with a channel and a type: counted inside the locality index', async () => {
    const { count } = listQueries({ localityIds: [3, 4, 5], channels: ['e_otinish'], appealTypes: ['complaint'] })
    expect(await planOf(count)).toEqual(['SEARCH a USING COVERING INDEX idx_appeals_locality_filters (locality_id=?)'])
  })

  const pageFor = (input: ApiInput<'appeals.list'>, total: number) =>
    planOf(core.services.appeals.queries.listQueries(listFilters(input), TODAY, { total, appeals: 1_000_000 }).page)

  it("an okrug matching many appeals: the page walks the sort's index and stops when full; no lookup and sort of every match", async () => {
    for (const [sort, index] of [
      ['receivedAt', 'idx_appeals_received_at'],
      ['regNumber', 'sqlite_autoindex_appeals_1'],
    ] as const) {
      const plan = await pageFor({ localityIds: [3, 4, 5], statuses: ['answered'], sort }, 150_000)
      expect(plan).toContain(`SCAN a USING INDEX ${index}`)
      expect(sorts(plan)).toHaveLength(1) // the page's own rows
    }
  })

  it('a village matching few appeals: the page seeks them through the locality index', async () => {
    const plan = await pageFor({ localityIds: [4], sectorIds: [2], channels: ['phone'] }, 300)
    expect(searchIndex(plan)).toBe('idx_appeals_locality_filters')
    expect(fullScan(plan)).toEqual([])
  })

  it('a rarely used status still goes through the status index', async () => {
    const { count } = listQueries({ statuses: ['withdrawn'] })
    expect(await indexesLeadingWith('status')).toContain(searchIndex(await planOf(count)))
  })

  it("one meeting's questions: through the meeting index", async () => {
    const { count, page } = listQueries({ meetingId: 7 })
    for (const plan of [await planOf(count), await planOf(page)]) {
      expect(fullScan(plan)).toEqual([])
      expect(searchIndex(plan)).toBe('idx_appeals_meeting')
    }
  })
})

describe('search', () => {
  it.each([
    ['Kazakh surname typed without Kazakh letters', 'жумабеков'],
    ['two words', 'кайрат омирбеков'],
    ['Russian words', 'ремонт дороги'],
    ['a registration number', '2025-000123'],
  ])('%s: counted in the full-text index alone; the page reads only the matching rows, by id', async (_name, query) => {
    const { count, page } = listQueries({ query })
    const countPlan = await planOf(count)
    expect(countPlan[0]).toMatch(/^SCAN f VIRTUAL TABLE INDEX \d+:M/)
    // less the annulled matches: the annulled entries read by their status, never every appeal
    expect(countPlan.slice(1).filter((l) => /^(SCAN|SEARCH) (a|appeals)\b/.test(l))).toEqual([
      expect.stringMatching(/^SEARCH (a|appeals) USING (COVERING )?INDEX \S+ \(status=\?\)/),
    ])
    expect(fullScan(countPlan)).toEqual([])
    const pagePlan = await planOf(page)
    expect(pagePlan.some((l) => /^SCAN appeals_fts VIRTUAL TABLE INDEX \d+:M/.test(l))).toBe(true)
    expect(pagePlan).toContain('SEARCH a USING INTEGER PRIMARY KEY (rowid=?)')
    expect(fullScan(pagePlan)).toEqual([])
  })

  const searchPage = (input: ApiInput<'appeals.list'>, total: number) =>
    planOf(core.services.appeals.queries.listQueries(listFilters(input), TODAY, { total, appeals: 1_000_000 }).page)

  it("a search matching many appeals walks the sort's index and stops after the page: no lookup of every match, no sort of them", async () => {
    const byReceived = await searchPage({ query: 'жумабеков' }, 20_000)
    expect(byReceived).toContain('SCAN a USING COVERING INDEX idx_appeals_received_at')
    expect(sorts(byReceived)).toHaveLength(1) // the page's own 50 rows
    const byNumber = await searchPage({ query: 'жумабеков', sort: 'regNumber', order: 'asc' }, 20_000)
    expect(byNumber.some((l) => /^SCAN a USING COVERING INDEX sqlite_autoindex_appeals_\d$/.test(l))).toBe(true)
    expect(sorts(byNumber)).toHaveLength(1)
  })

  it('a search matching few appeals looks them up by id and sorts them', async () => {
    const plan = await searchPage({ query: 'кайрат омирбеков' }, 300)
    expect(plan.filter((l) => l === 'SEARCH a USING INTEGER PRIMARY KEY (rowid=?)')).toHaveLength(2)
    expect(fullScan(plan)).toEqual([])
  })

  it('a search with other filters still starts from the full-text index', async () => {
    const { count, page } = listQueries({ query: 'жол', from: '2025-01-01', to: '2025-12-31', sectorIds: [2] })
    for (const plan of [await planOf(count), await planOf(page)]) {
      expect(fullScan(plan)).toEqual([])
      expect(plan.some((l) => /^SCAN appeals_fts VIRTUAL TABLE INDEX \d+:M/.test(l))).toBe(true)
    }
  })
})

describe('returning citizens by IIN', () => {
  it.each([
    ['a whole IIN', '850515300012'],
    ['its first digits', '850515'],
  ])('%s: a range of the IIN index, not a scan', async (_name, digits) => {
    const plan = await planOf(core.services.appeals.queries.idNumberPrefixQuery(digits))
    expect(fullScan(plan)).toEqual([])
    expect(plan.join('\n')).toMatch(
      /SEARCH a USING INDEX idx_appeals_applicant_id_number \(applicant_id_number>\? AND applicant_id_number<\?\)/,
    )
  })
})

describe('sector-by-year', () => {
  // The report reads the counts kept by triggers (appeal_year_counts, migration 0006), never appeals.
  it.each([
    ['every appeal of ten years', 'all', null],
    ["report-meeting questions only (the report's default)", 'meetings', null],
    ['one okrug and its settlements', 'all', 1],
  ] as const)(
    '%s: a range of the primary key of appeal_year_counts, never appeals',
    async (_name, source, localityId) => {
      const plan = await planOf(
        await sectorYearCountsQuery(core.database.dataSource, { from: 2017, to: 2026, source, localityId }),
      )
      const text = plan.join('\n')
      expect(text).toMatch(
        /SEARCH c USING (COVERING )?INDEX sqlite_autoindex_appeal_year_counts_1 \(year>\? AND year<\?\)/,
      )
      expect(text).not.toMatch(/\bappeals\b|\bSCAN c\b|SEARCH a\b|SCAN a\b/)
    },
  )

  // The fallback GROUP BY of appeals by day (PostgreSQL; the bench's measure of the partial index).
  it('fallback, every appeal: counted from the (registered_on, sector_id) index in its own order, nothing sorted', async () => {
    const plan = await planOf(
      await sectorDayCountsQuery(core.database.dataSource, { from: 2017, to: 2026, source: 'all', localityId: null }),
    )
    expect(plan).toHaveLength(1)
    expect(plan[0]).toMatch(/^SEARCH a USING COVERING INDEX \S+ \(registered_on>\? AND registered_on<\?\)$/)
    expect(await indexesLeadingWith('registered_on')).toContain(searchIndex(plan))
  })

  it('fallback, report-meeting questions: a range of the partial index of meeting questions, nothing sorted', async () => {
    const plan = await planOf(
      await sectorDayCountsQuery(core.database.dataSource, {
        from: 2017,
        to: 2026,
        source: 'meetings',
        localityId: null,
      }),
    )
    expect(plan).toEqual([
      'SEARCH a USING COVERING INDEX idx_appeals_meeting_questions (registered_on>? AND registered_on<?)',
    ])
  })
})

describe('dashboard', () => {
  it('the year by sector: the period range of the index, in its own order', async () => {
    const plan = await planOf(core.services.dashboard.queries(2026, TODAY).bySector)
    expect(plan).toHaveLength(1)
    expect(plan[0]).toMatch(/^SEARCH a USING COVERING INDEX \S+ \(registered_on>\? AND registered_on<\?\)$/)
  })

  it.each(['open', 'overdue', 'dueThisWeek'] as const)(
    '%s: counted inside the (status, due_on) index',
    async (name) => {
      const plan = await planOf(core.services.dashboard.queries(2026, TODAY)[name])
      expect(plan).toHaveLength(1)
      expect(plan[0]).toMatch(/^SEARCH a USING COVERING INDEX \S+ \(status=\?/)
      expect(await indexesLeadingWith('status')).toContain(searchIndex(plan))
    },
  )

  it('meetings held: inside the held_on index', async () => {
    const plan = await planOf(core.services.dashboard.queries(2026, TODAY).meetingsHeld)
    expect(plan).toEqual(['SEARCH a USING COVERING INDEX idx_report_meetings_held_on (held_on>? AND held_on<?)'])
  })

  it('measures overdue: inside the (due_on, done_on) index', async () => {
    const plan = await planOf(core.services.dashboard.queries(2026, TODAY).measuresOverdue)
    expect(plan).toEqual(['SEARCH a USING COVERING INDEX idx_meeting_measures_due (due_on<?)'])
  })
})
