import { existsSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { DataSource } from 'typeorm'
import type { BackupFileReport } from '@shared/api/contract'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'

/** The better-sqlite3 connection under a TypeORM data source (for the online backup API). */
export function rawConnection(dataSource: DataSource): Database.Database {
  return (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
}

export type DatabaseFileReport = BackupFileReport

const EMPTY: DatabaseFileReport = {
  ok: false,
  problem: null,
  schemaVersion: 0,
  counts: { appeals: 0, meetings: 0, sectors: 0, staff: 0 },
  appealsFrom: null,
  appealsTo: null,
  lastChangeAt: null,
  sizeBytes: 0,
}

/**
 * Looks into a database file without changing it (read-only): is it whole (integrity_check),
 * is it an Akimat Desk database (its tables), which schema version, and what it holds.
 */
export function inspectDatabaseFile(file: string, nativeBinding?: string): DatabaseFileReport {
  if (!existsSync(file) || !statSync(file).isFile()) return { ...EMPTY, problem: 'missing' }
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding })
  } catch {
    return { ...EMPTY, problem: 'unreadable' }
  }
  try {
    const report = { ...EMPTY, sizeBytes: statSync(file).size }
    let integrity: string
    try {
      integrity = String(db.pragma('integrity_check', { simple: true }))
    } catch {
      return { ...report, problem: 'unreadable' }
    }
    if (integrity !== 'ok') return { ...report, problem: 'corrupt' }
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    )
    if (!['schema_migrations', 'sectors', 'appeals', 'audit_entries'].every((t) => tables.has(t)))
      return { ...report, problem: 'foreign' }
    const scalar = (sql: string) => (db.prepare(sql).pluck().get() as number | string | null) ?? null
    const schemaVersion = Number(scalar('SELECT MAX(version) FROM schema_migrations') ?? 0)
    const filled: DatabaseFileReport = {
      ...report,
      schemaVersion,
      counts: {
        appeals: Number(scalar('SELECT COUNT(*) FROM appeals')),
        meetings: Number(scalar('SELECT COUNT(*) FROM report_meetings')),
        sectors: Number(scalar('SELECT COUNT(*) FROM sectors')),
        staff: tables.has('staff') ? Number(scalar('SELECT COUNT(*) FROM staff')) : 0,
      },
      appealsFrom: scalar('SELECT MIN(registered_on) FROM appeals') as string | null,
      appealsTo: scalar('SELECT MAX(registered_on) FROM appeals') as string | null,
      lastChangeAt: scalar('SELECT MAX(at) FROM audit_entries') as string | null,
    }
    if (schemaVersion > LATEST_SCHEMA_VERSION) return { ...filled, problem: 'newer' }
    return { ...filled, ok: true }
  } finally {
    db.close()
  }
}
