import Database from 'better-sqlite3'
import type { SelectQueryBuilder } from 'typeorm'
import type { ApiInput, ApiOutput } from '@shared/api/contract'
import type { ApiMethod } from '@shared/api/methods'
import { localNow } from '@shared/domain/dates'
import type { Core } from '../src/main/core'
import type { CallContext } from '../src/main/services/context'
import type { BenchMeta } from './generate'
import type { Result } from './measure'

/** What every case that goes through the core gets, on either engine: the core on the work copy, the data's facts. */
export interface CoreBench {
  label: string
  meta: BenchMeta
  /** The work copy of the SQLite database (a fresh copy of the cached one, for each run); on PostgreSQL, what names it to the history's head. */
  file: string
  /** The work database on PostgreSQL (`--engine postgres`); unset on SQLite. */
  postgresUrl?: string
  core: Core
  today: string
  /** A call through the API door, as the web door makes it (validation, the dispatcher's queue). */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>
  results: Result[]
  /** The largest size of this run: cases that hardly depend on the size run there only. */
  largest: boolean
  log(line: string): void
}

/** A case on SQLite: with a raw connection to the same file, the baseline. */
export interface BenchContext extends CoreBench {
  /** better-sqlite3 on the same file, with the app's pragmas: the baseline. */
  raw: Database.Database
}

export function openRaw(file: string): Database.Database {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  return db
}

/**
 * The bench's caller: an administrator named in the context (an in-process caller, like the
 * CLI), so every case reaches its method; the sign-in path itself is measured by authCase.
 */
export const BENCH_CTX: CallContext = {
  user: { id: 0, username: 'bench', fullName: 'Bench', role: 'administrator', staffId: null },
  operator: 'Bench',
  door: 'web',
}

export function makeCall(core: Core): BenchContext['call'] {
  return async (method, input) => {
    const result = await core.dispatch(method, input, BENCH_CTX)
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
    return result.data as never
  }
}

export const today = () => localNow().date

/**
 * A statement of the app's query builder, prepared once on the raw connection: the baseline
 * runs the very SQL the app runs, without the app's layers (validation, builder, mapping).
 */
export function rawStatement(
  raw: Database.Database,
  query: SelectQueryBuilder<object>,
): { sql: string; params: unknown[]; all(): unknown[]; get(): unknown } {
  const [sql, params] = query.getQueryAndParameters()
  const statement = raw.prepare(sql)
  return { sql, params, all: () => statement.all(...params), get: () => statement.get(...params) }
}

/** EXPLAIN QUERY PLAN, one line per step, indented by depth. */
export function plan(raw: Database.Database, sql: string, params: unknown[]): string[] {
  const rows = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
    id: number
    parent: number
    detail: string
  }[]
  const depth = new Map<number, number>([[0, 0]])
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? 0) + 1
    depth.set(r.id, d)
    return `${'  '.repeat(d - 1)}${r.detail}`
  })
}
