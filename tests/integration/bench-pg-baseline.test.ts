import { join } from 'node:path'
import { Client } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportModel } from '@shared/reports/model'
import { startCore, type Core } from '../../src/main/core'
import { withoutPassword } from '../../src/main/db/postgresUrl'
import { listVariants, searchVariants } from '../../bench/cases'
import { makeCall, today, type BenchContext } from '../../bench/context'
import { benchKeys, generateDatabase, trustHead, type BenchMeta } from '../../bench/generate'
import {
  dashboardBaseline,
  idNumberBaseline,
  listBaselines,
  searchBaseline,
  sectorByYearBaseline,
  type RawList,
} from '../../bench/pgBaseline'
import { copyInto, trustPostgresHead } from '../../bench/pgData'
import { runRaw } from '../../bench/pgCases'
import { postgresDatabase } from '../helpers/engines'
import { useFileTempDirs } from '../helpers/cleanup'

/**
 * The bench's raw PostgreSQL baseline (bench/pgBaseline.ts, SQL written by hand) asks the same
 * questions as the core: on a small generated database, copied into PostgreSQL with the
 * product's copier as the bench copies it, each list, search, lookup, sector-by-year and
 * dashboard statement returns the rows and numbers the core returns, on PostgreSQL and on the
 * SQLite file it was copied from. A baseline that matched nothing, or other rows, would make
 * its ratio meaningless.
 */
const APPEALS = 2000

let meta: BenchMeta
let url: string
let raw: Client
const cores: { engine: string; core: Core; call: BenchContext['call'] }[] = []

const tempDir = useFileTempDirs()

beforeAll(async () => {
  const file = join(tempDir('akimat-bench-pg-'), 'akimat.sqlite')
  meta = await generateDatabase(file, APPEALS, join(process.cwd(), 'resources'), () => undefined)
  url = await postgresDatabase()
  await copyInto(file, url, () => undefined)
  await trustPostgresHead(url)
  trustHead(file)
  raw = new Client({ connectionString: url })
  await raw.connect()
  const common = { version: 'bench', resourcesDir: join(process.cwd(), 'resources'), auditKeys: benchKeys() }
  for (const [engine, options] of [
    ['postgres', { databaseFile: withoutPassword(url), postgresUrl: url, attachmentsDir: join(file, '..', 'pg') }],
    ['sqlite', { databaseFile: file }],
  ] as const) {
    const core = await startCore({ ...common, ...options })
    cores.push({ engine, core, call: makeCall(core) })
  }
}, 300_000)

afterAll(async () => {
  await raw?.end()
  for (const { core } of cores) await core.close()
})

async function rawPage(q: RawList): Promise<{ total: number; ids: number[] }> {
  const [count] = await runRaw(raw, q.count)
  return { total: Number(count!.n), ids: (await runRaw(raw, q.page)).map((r) => Number(r.id)) }
}

describe('the PostgreSQL baseline returns what the core returns', () => {
  it('list pages: the same total and the same rows in the same order, on both engines', async () => {
    const baselines = listBaselines(meta, today())
    const variants = listVariants({ meta })
    expect(Object.keys(baselines).sort()).toEqual(variants.map((v) => v.name).sort())
    let matched = 0
    for (const v of variants) {
      const expected = await rawPage(baselines[v.name]!)
      for (const { engine, call } of cores) {
        const page = await call('appeals.list', v.input)
        expect({ engine, name: v.name, total: page.total, ids: page.rows.map((r) => r.id) }).toEqual({
          engine,
          name: v.name,
          ...expected,
        })
      }
      matched += expected.total > 0 ? 1 : 0
    }
    expect(matched).toBeGreaterThanOrEqual(3)
  })

  it('searches: the same total and rows, words, numbers and phone numbers alike', async () => {
    // the bench's own queries, and a phone number of this database typed in full and by its end
    const [phone] = await runRaw(raw, {
      sql: 'SELECT applicant_phone AS p FROM appeals WHERE applicant_phone IS NOT NULL ORDER BY id LIMIT 1',
      params: [],
    })
    const typed = String(phone!.p)
    const queries = [...searchVariants({ meta }).map((v) => v.query), typed, typed.slice(-4)]
    let matched = 0
    for (const query of queries) {
      const v = { query }
      const expected = await rawPage(searchBaseline(v.query))
      for (const { engine, call } of cores) {
        const page = await call('appeals.list', { query: v.query })
        expect({ engine, query: v.query, total: page.total, ids: page.rows.map((r) => r.id) }).toEqual({
          engine,
          query: v.query,
          ...expected,
        })
      }
      matched += expected.total > 0 ? 1 : 0
    }
    expect(matched).toBeGreaterThanOrEqual(6)
  })

  it('the IIN lookup reads the rows the core reads', async () => {
    // a returning citizen's IIN at the bench's sizes; at this one, any applicant's
    const [known] = await runRaw(raw, {
      sql: 'SELECT applicant_id_number AS iin FROM appeals WHERE length(applicant_id_number) = 12 ORDER BY id LIMIT 1',
      params: [],
    })
    const iin = meta.samples.iins[0] ?? String(known!.iin)
    for (const digits of [iin, iin.slice(0, 6)]) {
      const ids = (await runRaw(raw, idNumberBaseline(digits))).map((r) => Number(r.id))
      expect(ids.length).toBeGreaterThan(0)
      for (const { core } of cores) {
        const rows = await core.services.appeals.queries.idNumberPrefixQuery(digits).getRawMany<{ id: number }>()
        expect(rows.map((r) => Number(r.id))).toEqual(ids)
      }
    }
  })

  it("sector-by-year: the counts add up to the report's totals, for both sources", async () => {
    const from = meta.years[0]!
    const to = meta.years.at(-1)!
    for (const source of ['meetings', 'all'] as const) {
      const [counts] = sectorByYearBaseline(from, to, source)
      const rows = await runRaw(raw, counts!)
      const years = Array.from({ length: to - from + 1 }, (_, i) => from + i)
      const totals = years.map((y) => rows.filter((r) => Number(r.year) === y).reduce((s, r) => s + Number(r.n), 0))
      const sectors = new Set(rows.map((r) => Number(r.sector_id))).size
      for (const { call } of cores) {
        const model: ReportModel = await call('reports.build', {
          lang: 'kk',
          params: { kind: 'sector-by-year', from, to, source, localityId: null },
        })
        const table = model.tables[0]!
        expect(table.rows).toHaveLength(sectors)
        expect(years.map((_, yi) => (table.total![2 + 2 * yi] as { value: number }).value)).toEqual(totals)
      }
      if (source === 'all') expect(totals.reduce((a, b) => a + b, 0)).toBe(APPEALS)
    }
  })

  it("the dashboard's ten numbers", async () => {
    const year = Number(today().slice(0, 4))
    const q = dashboardBaseline(year, today())
    const n = async (key: string) => Number((await runRaw(raw, q[key]!))[0]!.n)
    const bySector = (await runRaw(raw, q.bySector!)).map((r) => ({
      sectorId: Number(r.sector_id),
      count: Number(r.n),
    }))
    const expected: Record<string, unknown> = { year, total: bySector.reduce((s, r) => s + r.count, 0), bySector }
    for (const key of Object.keys(q).filter((k) => k !== 'bySector')) expected[key] = await n(key)
    expect(expected.total).toBeGreaterThan(0)
    for (const { call } of cores) expect(await call('dashboard.summary', { year })).toEqual(expected)
  })
})
