import { existsSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { DataSource } from 'typeorm'
import type { BackupFileReport } from '@shared/api/contract'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'

/** The better-sqlite3 connection under a TypeORM data source (for the online backup API). */
export function rawConnection(dataSource: DataSource): Database.Database {
  return (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
}

/** Stamped on every database the app opens ('AKMD'), so a restore can tell ours from others. */
export const AKIMAT_APPLICATION_ID = 0x414b4d44

export type DatabaseFileReport = BackupFileReport

/** A report of nothing read: a refusal's base (`problem` says why). */
export const EMPTY_REPORT: DatabaseFileReport = {
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
  if (!existsSync(file) || !statSync(file).isFile()) return { ...EMPTY_REPORT, problem: 'missing' }
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding })
  } catch {
    return { ...EMPTY_REPORT, problem: 'unreadable' }
  }
  try {
    const report = { ...EMPTY_REPORT, sizeBytes: statSync(file).size }
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
    if (!FIRST_SCHEMA_TABLES.every((t) => tables.has(t)) || !marksOurs(db)) return { ...report, problem: 'foreign' }
    const scalar = (sql: string) => (db.prepare(sql).pluck().get() as number | string | null) ?? null
    let filled: DatabaseFileReport
    try {
      filled = readContents(scalar, tables, report)
    } catch {
      // A look-alike with the right table names but not their columns.
      return { ...report, problem: 'foreign' }
    }
    if (filled.schemaVersion > LATEST_SCHEMA_VERSION) return { ...filled, problem: 'newer' }
    return { ...filled, ok: true }
  } finally {
    db.close()
  }
}

/**
 * The file's own marks: Akimat Desk stamps application_id 'AKMD' on every database it opens
 * (files from before that stamp carry 0), and keeps its version in schema_migrations, never in
 * user_version. A file marked otherwise was written by something else, whatever tables it copies.
 */
function marksOurs(db: Database.Database): boolean {
  const applicationId = Number(db.pragma('application_id', { simple: true }))
  const userVersion = Number(db.pragma('user_version', { simple: true }))
  return (applicationId === 0 || applicationId === AKIMAT_APPLICATION_ID) && userVersion === 0
}

/** The tables every Akimat Desk database has had since its first schema. */
const FIRST_SCHEMA_TABLES = [
  'schema_migrations',
  'sectors',
  'localities',
  'report_meetings',
  'appeals',
  'settings',
  'audit_entries',
]

const COLUMN_PROBES = [
  'SELECT version, name FROM schema_migrations LIMIT 0',
  'SELECT id, code, sort_order, active FROM sectors LIMIT 0',
  'SELECT id, parent_id, kind, active FROM localities LIMIT 0',
  'SELECT id, held_on, locality_id, place FROM report_meetings LIMIT 0',
  'SELECT id, reg_number, registered_on, status, sector_id, channel, summary FROM appeals LIMIT 0',
  'SELECT key, value FROM settings LIMIT 0',
  'SELECT id, at, entity, action FROM audit_entries LIMIT 0',
]

function readContents(
  scalar: (sql: string) => number | string | null,
  tables: Set<string>,
  report: DatabaseFileReport,
): DatabaseFileReport {
  // The columns the app reads first: a table that only shares the name fails here.
  for (const probe of COLUMN_PROBES) scalar(probe)
  const schemaVersion = Number(scalar('SELECT MAX(version) FROM schema_migrations') ?? 0)
  return {
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
}
