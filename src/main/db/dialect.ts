import type { DataSource } from 'typeorm'

/**
 * The two engines the core runs on: SQLite (one PC, the default) and PostgreSQL (an office
 * server). The engine is decided once, when the database is opened (db/database.ts, from
 * `--db`); services ask this module how SQL differs instead of testing the driver themselves.
 */
export type Engine = 'sqlite' | 'postgres'

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres']

/** The engine a data source runs on. */
export function engineOf(db: Pick<DataSource, 'options'>): Engine {
  return db.options.type === 'postgres' ? 'postgres' : 'sqlite'
}

/**
 * The condition that an appeal's folded search texts hold every word as the start of one of
 * their words (each word in any of `columns`), on PostgreSQL: what SQLite's FTS5 prefix query (`"word"*`, unicode61 tokens)
 * matches. The words come from ftsQuery's splitting (letters and digits only, folded), so they
 * carry no regular-expression syntax; a word starts the text or follows a character that is
 * neither a digit nor a letter of the folded alphabets (Kazakh letters are folded to Russian
 * ones before they are stored). A regular expression rather than `\m` or [[:alnum:]], which
 * depend on the server's locale (parameters in the query builder's `:name` form); pg_trgm's GIN index on search_text (migration 0002) serves it.
 */
export function postgresWordPrefixes(
  columns: readonly string[],
  words: readonly string[],
  name = 'searchWord',
): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {}
  const conditions = words.map((word, i) => {
    params[`${name}${i}`] = `(^|[^0-9a-zа-яё])${word}`
    const each = columns.map((column) => `${column} ~ :${name}${i}`)
    return each.length === 1 ? each[0]! : `(${each.join(' OR ')})`
  })
  return { sql: conditions.join(' AND '), params }
}

/**
 * The placeholder of the `index`-th (0-based) parameter of raw SQL on this data source's
 * engine: `?` on SQLite, `$1`, `$2`, … on PostgreSQL.
 */
export function parameter(db: Pick<DataSource, 'driver'>, index: number): string {
  return db.driver.createParameter(`p${index}`, index)
}

/**
 * The rows of an UPDATE … RETURNING: TypeORM's PostgreSQL driver answers an UPDATE or DELETE
 * with `[rows, rowCount]`, SQLite's with the rows themselves.
 */
export function updatedRows<T>(result: unknown): T[] {
  const rows = result as unknown[]
  return (Array.isArray(rows[0]) && typeof rows[1] === 'number' ? rows[0] : rows) as T[]
}

/**
 * How calls may overlap on each engine, decided here and nowhere else:
 * - `callsOneAtATime`: better-sqlite3 is synchronous and TypeORM shares its one connection, so
 *   two interleaved async transactions would see each other's writes: the dispatcher queues
 *   calls. PostgreSQL gives every transaction a connection of its own from the pool, and calls
 *   run side by side.
 * - `historyLock`: the audit chain links each entry to the one before it, so two transactions
 *   must not read the same tail. On SQLite the queue already orders them; on PostgreSQL a
 *   transaction-scoped advisory lock is taken before the tail is read and held to the commit
 *   (the key is arbitrary but fixed: 'AKMD' as a number, like the SQLite file's application id).
 *
 * The order of the locks a write holds to its commit on PostgreSQL: the history first, then
 * the year's registration counter (reserveRegNumbers takes the history before it), then the
 * rows of the yearly counts (their trigger takes the history before it changes one:
 * derived/appealYearCounts.ts). A transaction waiting for the history holds neither of the
 * other two, so registrations and edits wait in one queue, not registrations in a queue behind
 * the history's, and none of them deadlock.
 */
export interface Concurrency {
  callsOneAtATime: boolean
  historyLock: string | null
}

/** The history lock's key on PostgreSQL: 'AKMD' as a number. */
export const HISTORY_LOCK_KEY = 1095453508

const CONCURRENCY: Record<Engine, Concurrency> = {
  sqlite: { callsOneAtATime: true, historyLock: null },
  postgres: { callsOneAtATime: false, historyLock: `SELECT pg_advisory_xact_lock(${HISTORY_LOCK_KEY})` },
}

export function concurrencyOf(db: Pick<DataSource, 'options'>): Concurrency {
  return CONCURRENCY[engineOf(db)]
}
