import { DataSource } from 'typeorm'
import { types } from 'pg'
import { entities } from './entities'
import { isPostgresUrl } from './postgresUrl'

/**
 * Values read back from PostgreSQL as the core reads them from SQLite: a `date` as its text
 * (2025-03-14, never a Date shifted by the time zone), and COUNT/SUM results (bigint, numeric)
 * as numbers rather than strings. Registered once, for every connection of the process.
 */
types.setTypeParser(types.builtins.DATE, (value) => value)
types.setTypeParser(types.builtins.INT8, (value) => Number(value))
types.setTypeParser(types.builtins.NUMERIC, (value) => Number(value))

/**
 * Connections the core keeps to the server. A call holds one at a time, and a write holds its
 * own while it waits for the history lock (db/dialect.ts), so with pg's default of 10 the
 * writes queued for the lock took the pool, and reads, which wait for no lock, waited for a
 * connection behind them (measured with 30 desks: most of a read's time). Thirty desks with a
 * call each and the pages' polling fit in 40; PostgreSQL's default limit of 100 leaves the rest
 * to the administrator's tools and backups.
 */
export const POOL_SIZE = 40

/** A data source on a PostgreSQL database (not yet initialised). */
export function postgresDataSource(url: string): DataSource {
  if (!isPostgresUrl(url)) throw new Error(`--db must be postgres://user:password@host:port/database, got ${url}`)
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    synchronize: false,
    migrationsRun: false,
    poolSize: POOL_SIZE,
  })
}
