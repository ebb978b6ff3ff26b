/**
 * The bench's cases on PostgreSQL (`--engine postgres`): the same calls through the core's
 * dispatcher as on SQLite (cases.ts, reports.ts, importCase.ts), each against the same work
 * done with `pg` alone, interleaved. The baseline's SQL is written by hand for PostgreSQL
 * (pgBaseline.ts) and sent as unnamed statements with parameters, planned for their values at
 * each run, as the core's are. Not as named (prepared) statements: after five runs PostgreSQL
 * may keep a generic plan, which for a search's regular expressions reads both trigram indexes
 * whole (5× slower at 10k appeals).
 */
import type { Client } from 'pg'
import { appealSearchText } from '@shared/domain/search'
import { localNow } from '@shared/domain/dates'
import { concurrencyOf } from '../src/main/db/dialect'
import { listVariants, saveInput, searchVariants, validIin } from './cases'
import type { CoreBench } from './context'
import * as D from './data'
import { IMPORT_ROWS, importRuns } from './importCase'
import { stats, timePair, type Budget } from './measure'
import {
  dashboardBaseline,
  idNumberBaseline,
  listBaselines,
  searchBaseline,
  sectorByYearBaseline,
  type RawList,
  type RawQuery,
} from './pgBaseline'
import { registerFiles, sectorTableFiles } from './reports'

/** A case on PostgreSQL: with a `pg` connection of its own to the same database, the baseline. */
export interface PgBench extends CoreBench {
  postgresUrl: string
  raw: Client
}

const LIST_BUDGET: Budget = { ms: 30, on: 'p95', ratio: 1.5 }
const SEARCH_BUDGET: Budget = { ms: 50, on: 'p95' }

/** Runs a statement of the baseline. */
export async function runRaw(raw: Client, q: RawQuery): Promise<Record<string, unknown>[]> {
  return (await raw.query(q.sql, q.params)).rows as Record<string, unknown>[]
}

const rawListRun = (raw: Client, q: RawList) => async () => [await runRaw(raw, q.count), await runRaw(raw, q.page)]

export async function pgListCases(b: PgBench): Promise<void> {
  const baselines = listBaselines(b.meta, b.today)
  for (const v of listVariants(b)) {
    const baseline = baselines[v.name]
    if (!baseline) throw new Error(`no PostgreSQL baseline for ${v.name}`)
    const t = await timePair(() => b.call('appeals.list', v.input), rawListRun(b.raw, baseline), {
      warmup: 3,
      runs: 30,
      maxMs: 10_000,
    })
    const rows = await b.call('appeals.list', v.input)
    b.results.push({
      size: b.label,
      operation: v.name,
      ...t,
      baseline: 'count + page with the executor, by hand, raw pg',
      budget: LIST_BUDGET,
      note: `${rows.total} match`,
    })
  }
}

export async function pgSearchCases(b: PgBench): Promise<void> {
  for (const v of searchVariants(b)) {
    const input = { query: v.query }
    const t = await timePair(() => b.call('appeals.list', input), rawListRun(b.raw, searchBaseline(v.query)), {
      warmup: 3,
      runs: 30,
      maxMs: 10_000,
    })
    const rows = await b.call('appeals.list', input)
    b.results.push({
      size: b.label,
      operation: v.name,
      ...t,
      baseline: 'word-prefix regex count + page, by hand, raw pg',
      budget: SEARCH_BUDGET,
      note: `${rows.total} match`,
    })
  }
}

export async function pgAggregationCases(b: PgBench): Promise<void> {
  const from = b.meta.years[0]!
  const to = b.meta.years.at(-1)!
  for (const source of ['meetings', 'all'] as const) {
    const params = { kind: 'sector-by-year' as const, from, to, source, localityId: null }
    const statements = sectorByYearBaseline(from, to, source)
    const t = await timePair(
      () => b.call('reports.build', { lang: 'kk', params }),
      async () => {
        for (const s of statements) await runRaw(b.raw, s)
      },
      { warmup: 2, runs: 15, maxMs: 10_000 },
    )
    b.results.push({
      size: b.label,
      operation: `sector-by-year, ten years, source ${source}`,
      ...t,
      baseline: 'sum over appeal_year_counts + sectors, by hand, raw pg',
      budget: { ms: 100, on: 'median' },
    })
  }

  const year = Number(b.today.slice(0, 4))
  const statements = Object.values(dashboardBaseline(year, b.today))
  const t = await timePair(
    () => b.call('dashboard.summary', { year }),
    async () => {
      for (const s of statements) await runRaw(b.raw, s)
    },
    { warmup: 2, runs: 15, maxMs: 10_000 },
  )
  b.results.push({
    size: b.label,
    operation: 'dashboard numbers',
    ...t,
    baseline: `the ${statements.length} counts, by hand, raw pg`,
    budget: { ms: 150, on: 'median' },
  })
}

export async function pgLookupCases(b: PgBench): Promise<void> {
  const iin = b.meta.samples.iins[0]
  if (!iin) return
  for (const [name, query] of [
    ['IIN lookup: full IIN', iin],
    ['IIN lookup: first 6 digits', iin.slice(0, 6)],
  ] as const) {
    const t = await timePair(
      () => b.call('appeals.findApplicants', { query }),
      () => runRaw(b.raw, idNumberBaseline(query)),
      { warmup: 3, runs: 30, maxMs: 10_000 },
    )
    b.results.push({
      size: b.label,
      operation: name,
      ...t,
      baseline: 'range on applicant_id_number, rows, raw pg',
      budget: null,
    })
  }
}

/**
 * Saving one appeal (see cases.ts saveCase). Raw: in one transaction, the history's lock (the
 * core takes it on PostgreSQL so that two saves never read the same history tail), the year's
 * counter moved on, the appeal row (its yearly-counts trigger firing), the tail read and the
 * audit row, committed with the server's synchronous commit.
 */
export async function pgSaveCase(b: PgBench): Promise<void> {
  const s = b.meta.samples
  const now = localNow()
  const receivedAt = `${now.date}T${now.time > '18:00' ? '10:00' : now.time}`
  const year = Number(now.date.slice(0, 4))
  const lock = concurrencyOf(b.core.database.dataSource).historyLock
  const rawSave = async (i: number) => {
    await b.raw.query('BEGIN')
    try {
      if (lock) await b.raw.query(lock)
      const [counter] = await runRaw(b.raw, {
        sql: `INSERT INTO appeal_counters (year, last_number) VALUES ($1, 1)
          ON CONFLICT (year) DO UPDATE SET last_number = appeal_counters.last_number + 1 RETURNING last_number`,
        params: [year],
      })
      const reg = `${year}-${String(counter!.last_number).padStart(6, '0')}`
      const at = new Date().toISOString()
      const name = `Тестов Бенч Серікұлы${i}`
      const summary = `Абай көшесіндегі жолды жөндеу, ${i}`
      const [row] = await runRaw(b.raw, {
        sql: `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, locality_id,
          applicant_kind, applicant_name, applicant_id_number, summary, status, due_on, review_due_on, executor_id,
          accepted_by_id, search_text, created_at, updated_at)
          VALUES ($1, $2, $3, $4, 'reception', 'application', $5, $6, 'individual', $7, $8, $9, 'registered', $10, $11, $12,
          $13, $14, $15, $16) RETURNING id`,
        params: [
          crypto.randomUUID(),
          reg,
          receivedAt,
          now.date,
          s.housingId,
          s.okrugLocalityIds[1] ?? null,
          name,
          validIin(i + 50_000),
          summary,
          now.date,
          now.date,
          s.executorId,
          1,
          appealSearchText(reg, name, summary),
          at,
          at,
        ],
      })
      const [last] = await runRaw(b.raw, { sql: 'SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1', params: [] })
      const prev = String(last!.hash)
      await runRaw(b.raw, {
        sql: `INSERT INTO audit_entries (at, operator, entity, entity_id, action, new_value, prev_hash, hash)
          VALUES ($1, 'bench', 'appeal', $2, 'create', $3, $4, $5)`,
        params: [
          at,
          String(row!.id),
          JSON.stringify({ regNumber: reg, summary }),
          prev,
          prev.split('').reverse().join(''),
        ],
      })
      await b.raw.query('COMMIT')
    } catch (error) {
      await b.raw.query('ROLLBACK')
      throw error
    }
  }
  const t = await timePair((i) => b.call('appeals.create', saveInput(s, receivedAt, i)), rawSave, {
    warmup: 10,
    runs: 150,
  })
  b.results.push({
    size: b.label,
    operation: 'save one appeal (API: validation, audit, commit)',
    ...t,
    baseline: 'history lock + counter + row + audit in one transaction, raw pg',
    budget: { ms: 10, on: 'p95' },
  })
}

/** The sector table's files (reports.ts), against the counts read by hand. */
export async function pgSectorTableCases(b: PgBench): Promise<void> {
  const [counts] = sectorByYearBaseline(b.meta.years[0]!, b.meta.years.at(-1)!, 'all')
  await sectorTableFiles(b, () => runRaw(b.raw, counts!))
}

/** The register's files (reports.ts), against reading the period's rows with their names through a cursor. */
export async function pgRegisterCases(b: PgBench): Promise<void> {
  await registerFiles(b, async (from, to) => {
    await b.raw.query('BEGIN')
    try {
      await b.raw.query(
        `DECLARE register CURSOR FOR SELECT a.*, s.name_kk, l.name_kk, ex.full_name FROM appeals a
        LEFT JOIN sectors s ON s.id = a.sector_id LEFT JOIN localities l ON l.id = a.locality_id
        LEFT JOIN staff ex ON ex.id = a.executor_id WHERE a.registered_on BETWEEN $1 AND $2 ORDER BY a.reg_number`,
        [from, to],
      )
      while ((await b.raw.query('FETCH 1000 FROM register')).rows.length > 0);
    } finally {
      await b.raw.query('ROLLBACK')
    }
  })
}

/** The import (importCase.ts). Raw: the same number of appeals and audit rows, 500 rows per INSERT, one transaction. */
export async function pgImportCase(b: PgBench): Promise<void> {
  const CHUNK = 500
  await importRuns(b, async () => {
    const samples: number[] = []
    for (let run = 0; run < 2; run++) {
      const t = process.hrtime.bigint()
      await b.raw.query('BEGIN')
      try {
        for (let from = 0; from < IMPORT_ROWS; from += CHUNK) {
          const values: unknown[] = []
          const tuples: string[] = []
          const audits: unknown[] = []
          for (let i = from; i < Math.min(IMPORT_ROWS, from + CHUNK); i++) {
            const reg = `9${run}${String(i).padStart(3, '0')}-${String(i).padStart(6, '0')}`
            const at = new Date().toISOString()
            const name = `${D.KK_SURNAMES[i % 50]} ${D.KK_MALE[i % 20]}`
            const summary = `Жолды жөндеу ${i}`
            const row = [
              crypto.randomUUID(),
              reg,
              `${b.meta.end}T10:00`,
              b.meta.end,
              name,
              summary,
              b.meta.end,
              b.meta.end,
              appealSearchText(reg, name, summary),
              at,
              at,
            ]
            tuples.push(
              `(${row.map((_, k) => `$${values.length + k + 1}`).join(', ')}, 'written', 'application', 1, 'individual', 'registered')`,
            )
            values.push(...row)
            audits.push(at, JSON.stringify({ reg, summary }))
          }
          const ids = await b.raw.query(
            `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, applicant_name, summary, due_on, review_due_on,
            search_text, created_at, updated_at, channel, appeal_type, sector_id, applicant_kind, status)
            VALUES ${tuples.join(', ')} RETURNING id`,
            values,
          )
          const auditValues: unknown[] = []
          const auditTuples = ids.rows.map((r: { id: number }, k) => {
            auditValues.push(audits[2 * k], String(r.id), audits[2 * k + 1])
            const n = auditValues.length
            return `($${n - 2}, 'bench', 'appeal', $${n - 1}, 'create', $${n}, 'x', 'y')`
          })
          await b.raw.query(
            `INSERT INTO audit_entries (at, operator, entity, entity_id, action, new_value, prev_hash, hash) VALUES ${auditTuples.join(', ')}`,
            auditValues,
          )
        }
        await b.raw.query('COMMIT')
      } catch (error) {
        await b.raw.query('ROLLBACK')
        throw error
      }
      samples.push(Number(process.hrtime.bigint() - t) / 1e6)
    }
    return stats(samples)
  })
}
