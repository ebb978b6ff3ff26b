/**
 * Query plans of the hot queries at this size (--plans), and the evidence for the indexes of
 * migration 0005: the queries each one serves are timed with it and with the schema as it was
 * before, in the work copy, which is then restored.
 */
import type Database from 'better-sqlite3'
import { sectorDayCountsQuery, sectorYearCountsQuery } from '../src/main/reports/sectorByYear'
import { listStatements, listVariants, searchVariants } from './cases'
import { plan, type BenchContext } from './context'
import { time, type Stats } from './measure'

/** The hot statements, as the app builds them, by name. */
export async function hotStatements(b: BenchContext): Promise<{ name: string; sql: string; params: unknown[] }[]> {
  const q = b.core.services.appeals.queries
  const out: { name: string; sql: string; params: unknown[] }[] = []
  const add = (name: string, [sql, params]: [string, unknown[]]) => out.push({ name, sql, params })
  for (const v of [
    ...listVariants(b),
    ...searchVariants(b).map((s) => ({ name: s.name, input: { query: s.query } })),
  ]) {
    const { count, page } = listStatements(b, v.input)
    out.push({ name: `${v.name} — count`, sql: count.sql, params: count.params })
    out.push({ name: `${v.name} — page`, sql: page.sql, params: page.params })
  }
  for (const source of ['meetings', 'all'] as const) {
    const params = { from: b.meta.years[0]!, to: b.meta.years.at(-1)!, source, localityId: null }
    add(
      `sector-by-year, source ${source}`,
      (await sectorYearCountsQuery(b.core.database.dataSource, params)).getQueryAndParameters(),
    )
  }
  const d = b.core.services.dashboard.queries(Number(b.today.slice(0, 4)), b.today)
  for (const [name, query] of Object.entries(d)) add(`dashboard ${name}`, query.getQueryAndParameters())
  const iin = b.meta.samples.iins[0] ?? '850515300000'
  add('IIN lookup', q.idNumberPrefixQuery(iin.slice(0, 6)).getQueryAndParameters())
  return out
}

export async function printPlans(b: BenchContext): Promise<void> {
  b.log(`\nQuery plans at ${b.label}:`)
  for (const s of await hotStatements(b))
    b.log(
      `  ${s.name}\n${plan(b.raw, s.sql, s.params)
        .map((l) => `      ${l}`)
        .join('\n')}`,
    )
  b.log('')
}

interface MigratedIndex {
  /** An index migration 0005 added. */
  name: string
  /** The narrower index it replaced (null: it replaced nothing), as migration 0001/0002 created it. */
  replaced: string | null
  /** The statements it is for. */
  serves: (b: BenchContext) => Promise<{ name: string; run: () => unknown; sql: string; params: unknown[] }[]>
}

const statement = (raw: Database.Database, name: string, sql: string, params: unknown[]) => {
  const s = raw.prepare(sql)
  return { name, sql, params, run: () => s.all(...params) }
}

/** The app's statements for a list input, count then page, as appeals.list runs them. */
function appListStatements(b: BenchContext, name: string, input: object) {
  const { count, page } = listStatements(b, input)
  return [
    statement(b.raw, `${name}, count`, count.sql, count.params),
    statement(b.raw, `${name}, page`, page.sql, page.params),
  ]
}

/** The GROUP BY of appeals by day (the report's fallback; on SQLite it reads appeal_year_counts since migration 0006). */
async function sectorByYearStatement(b: BenchContext, source: 'meetings' | 'all', localityId: number | null = null) {
  const params = { from: b.meta.years[0]!, to: b.meta.years.at(-1)!, source, localityId }
  const [sql, p] = (await sectorDayCountsQuery(b.core.database.dataSource, params)).getQueryAndParameters()
  return statement(b.raw, `sector-by-year ${source}${localityId ? ', one okrug' : ''}`, sql, p)
}

/**
 * The indexes of migration 0005 (src/main/db/migrations/0005-hot-path-indexes.ts) and what
 * they are for; tests/integration/query-plans.test.ts requires the plans they give.
 *
 * The locality index holds every catalog filter column, so that an okrug's total is counted
 * inside it; a narrower (locality_id, registered_on) would leave the okrug's sixth of the
 * register to be read row by row. Its page is chosen in AppealQueries (mayWalk). Note: with the
 * index dropped, the page statement below is the one the app builds for the schema with it.
 */
export const MIGRATED_INDEXES: MigratedIndex[] = [
  {
    name: 'idx_appeals_registered_sector_status',
    replaced: 'CREATE INDEX idx_appeals_registered_sector ON appeals (registered_on, sector_id)',
    serves: async (b) => appListStatements(b, 'list: year + sector + status', listVariants(b)[1]!.input),
  },
  {
    name: 'idx_appeals_status_due_executor',
    replaced: 'CREATE INDEX idx_appeals_status_due ON appeals (status, due_on)',
    serves: async (b) => appListStatements(b, 'list: executor + open + overdue', listVariants(b)[3]!.input),
  },
  {
    name: 'idx_appeals_locality_filters',
    replaced: null,
    serves: async (b) => appListStatements(b, 'list: okrug + channel + type', listVariants(b)[2]!.input),
  },
  {
    name: 'idx_appeals_meeting_questions',
    replaced: null,
    serves: async (b) => [await sectorByYearStatement(b, 'meetings')],
  },
]

/**
 * What each index of migration 0005 changes: its statements are timed with it (the schema as
 * migrated), then with the schema as it was before (the index dropped in the work copy, the
 * narrower one it replaced put back), and the schema is restored.
 */
export async function indexEvidence(b: BenchContext): Promise<void> {
  const timing = { warmup: 1, runs: 7, maxMs: 20_000 }
  for (const index of MIGRATED_INDEXES) {
    const createSql = String(
      b.raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(index.name),
    )
    const targets = await index.serves(b)
    const withIndex: Stats[] = []
    for (const t of targets) withIndex.push(await time(t.run, timing))
    const plansWith = targets.map((t) => plan(b.raw, t.sql, t.params))

    b.raw.exec(`DROP INDEX ${index.name}`)
    if (index.replaced) b.raw.exec(index.replaced)
    // Prepared again: a statement's plan is chosen when it is prepared.
    const before = targets.map((t) => statement(b.raw, t.name, t.sql, t.params))
    const without: Stats[] = []
    for (const t of before) without.push(await time(t.run, timing))
    const plansWithout = targets.map((t) => plan(b.raw, t.sql, t.params))
    if (index.replaced) b.raw.exec(`DROP INDEX ${/INDEX (\S+)/.exec(index.replaced)![1]}`)
    const started = process.hrtime.bigint()
    b.raw.exec(createSql)
    const buildMs = Number(process.hrtime.bigint() - started) / 1e6

    for (const [i, t] of targets.entries()) {
      b.results.push({
        size: b.label,
        operation: `${index.name}: ${t.name}`,
        app: withIndex[i]!,
        raw: without[i]!,
        baseline: 'raw = the schema before migration 0005, median/p95 = with the index (same SQL, raw)',
        budget: null,
        note: `index built in ${(buildMs / 1000).toFixed(1)} s`,
      })
      b.log(
        `  ${index.name} / ${t.name}\n    before 0005: ${plansWithout[i]!.join(' | ')}\n    with it:     ${plansWith[i]!.join(' | ')}`,
      )
    }
  }
  await pragmaEvidence(b)
}

/** mmap: the same statements on a second connection that maps the file instead of reading it page by page. */
async function pragmaEvidence(b: BenchContext): Promise<void> {
  const { default: Database } = await import('better-sqlite3')
  const mapped = new Database(b.file, { readonly: true })
  mapped.pragma('mmap_size = 268435456')
  try {
    const search = searchVariants(b)[0]!
    const targets = [
      ...appListStatements(b, search.name, { query: search.query }),
      await sectorByYearStatement(b, 'all'),
    ]
    for (const t of targets) {
      const plain = await time(t.run, { warmup: 1, runs: 7, maxMs: 15_000 })
      const m = statement(mapped, t.name, t.sql, t.params)
      const withMmap = await time(m.run, { warmup: 1, runs: 7, maxMs: 15_000 })
      b.results.push({
        size: b.label,
        operation: `+ PRAGMA mmap_size=256 MB: ${t.name}`,
        app: withMmap,
        raw: plain,
        baseline: "raw = the app's pragmas, median/p95 = with mmap (same SQL, raw)",
        budget: null,
      })
    }
  } finally {
    mapped.close()
  }
}
