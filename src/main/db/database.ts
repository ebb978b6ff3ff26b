import { DataSource } from 'typeorm'
import type BetterSqlite3 from 'better-sqlite3'
import { entities } from './entities'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { migrate, schemaVersion } from './migrate'
import { LATEST_SCHEMA_VERSION } from './migrations'
import { AKIMAT_APPLICATION_ID, rawConnection } from '../backup/databaseFile'
import { discardIncoming } from '../backup/incomingFile'
import { backupFileName } from '../backup/names'
import { postgresDataSource } from './postgres'
import { withoutPassword } from './postgresUrl'

export interface OpenDatabaseOptions {
  /** Path of the SQLite file; created with its folder when missing. Ignored with `postgresUrl`. */
  file: string
  /** A PostgreSQL database (`--db postgres://…`) instead of the SQLite file: the office server. */
  postgresUrl?: string
  /**
   * Path of a better-sqlite3 native module built for the running runtime. Unset under Node;
   * set by the Electron entry to the Electron-ABI build (see docs/NATIVE-MODULES.md).
   */
  nativeBinding?: string
  /**
   * Where to put a backup of the database before migrating it (an upgrade must never be the
   * thing that loses an office's data). Unset: no backup (tests, new files).
   */
  backupsDir?: string
}

export interface Database {
  dataSource: DataSource
  /** The SQLite file, or the PostgreSQL address without its password. */
  file: string
  schemaVersion: number
  close(): Promise<void>
}

/**
 * The pragmas every connection runs with, and why:
 * - WAL: readers never block the writer, and a crash leaves the main file consistent.
 * - synchronous=FULL: an acknowledged save survives a power cut (≈0.3 ms per commit).
 * - foreign_keys=ON: SQLite leaves it off by default.
 * - busy_timeout: wait for another process (a backup, the web mode) instead of failing.
 */
export const REQUIRED_PRAGMAS = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1 } as const

function applyPragmas(db: BetterSqlite3.Database): void {
  try {
    checkPragmas(db)
  } catch (error) {
    // TypeORM keeps no hold of a connection whose preparation failed: close it here.
    db.close()
    throw error
  }
}

function closeUninitialized(dataSource: DataSource): void {
  const connection = (dataSource.driver as unknown as { databaseConnection?: BetterSqlite3.Database })
    .databaseConnection
  if (connection?.open) connection.close()
}

function checkPragmas(db: BetterSqlite3.Database): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  const actual = {
    journal_mode: String(db.pragma('journal_mode', { simple: true })).toLowerCase(),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreign_keys: Number(db.pragma('foreign_keys', { simple: true })),
  }
  for (const [name, expected] of Object.entries(REQUIRED_PRAGMAS)) {
    const value = actual[name as keyof typeof actual]
    // WAL cannot be set on some network drives; refuse rather than run without it silently.
    if (value !== expected) throw new Error(`PRAGMA ${name} is ${value}, expected ${expected} (${db.name})`)
  }
}

async function backupBeforeMigrating(dataSource: DataSource, backupsDir: string): Promise<void> {
  const current = await schemaVersion(dataSource)
  if (current === 0 || current >= LATEST_SCHEMA_VERSION) return
  mkdirSync(backupsDir, { recursive: true })
  await rawConnection(dataSource).backup(join(backupsDir, backupFileName('pre-migration', new Date())))
}

/**
 * Opens (or creates) the database, checks its pragmas (SQLite) and brings its schema up to
 * date. The one place the engine is chosen: a `postgresUrl` opens PostgreSQL.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.postgresUrl) return openPostgres(options.postgresUrl)
  // A restore cut off before its final rename left the live file as it was: finish the roll-back.
  if (discardIncoming(options.file)) console.warn(`An interrupted restore was rolled back: ${options.file}`)
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: options.file,
    nativeBinding: options.nativeBinding,
    entities,
    synchronize: false,
    migrationsRun: false,
    prepareDatabase: applyPragmas,
  })
  try {
    await dataSource.initialize()
  } catch (error) {
    // A file that is not a database (or is damaged) fails here, after the connection opened:
    // close it, or the file stays held and recovery cannot rename it aside (Windows).
    closeUninitialized(dataSource)
    throw error
  }
  try {
    if (options.backupsDir) await backupBeforeMigrating(dataSource, options.backupsDir)
    await migrate(dataSource)
    // Marks the file as ours ('AKMD'), so a restore can tell an Akimat Desk database from others.
    await dataSource.query(`PRAGMA application_id = ${AKIMAT_APPLICATION_ID}`)
    return {
      dataSource,
      file: options.file,
      schemaVersion: await schemaVersion(dataSource),
      close: () => dataSource.destroy(),
    }
  } catch (error) {
    await dataSource.destroy()
    throw error
  }
}

/**
 * PostgreSQL: the same migrations and derived tables as SQLite (db/migrate.ts). No backup
 * before migrating here: the server's backups are the database administrator's (pg_dump).
 */
async function openPostgres(url: string): Promise<Database> {
  const dataSource = postgresDataSource(url)
  await dataSource.initialize()
  try {
    await migrate(dataSource)
    return {
      dataSource,
      file: withoutPassword(url),
      schemaVersion: await schemaVersion(dataSource),
      close: () => dataSource.destroy(),
    }
  } catch (error) {
    await dataSource.destroy()
    throw error
  }
}
