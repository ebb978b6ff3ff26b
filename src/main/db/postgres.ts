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

/** A data source on a PostgreSQL database (not yet initialised). */
export function postgresDataSource(url: string): DataSource {
  if (!isPostgresUrl(url)) throw new Error(`--db must be postgres://user:password@host:port/database, got ${url}`)
  return new DataSource({ type: 'postgres', url, entities, synchronize: false, migrationsRun: false })
}
