import { DataSource } from 'typeorm'
import { inspectDatabaseFile, type DatabaseFileReport } from '../backup/databaseFile'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'

/** Why a move (or a restore onto the server) did not start; told as it is, exit code 1. */
export class MoveRefusal extends Error {
  override readonly name = 'MoveRefusal'
}

/**
 * An office's SQLite file opened to be read only: checked first (whole, ours, at this program's
 * schema version), then opened read-only, so that nothing in it can change, not even by a
 * migration. An older file is refused rather than upgraded on the way: its upgrade belongs to
 * the program's own start on that PC, which backs the file up first and signs the upgrade's
 * history entries with that PC's key; upgrading a temporary copy instead would give the server
 * a history the office's own file does not have.
 */
export async function openSqliteSource(file: string, nativeBinding?: string): Promise<DataSource> {
  const report = inspectDatabaseFile(file, nativeBinding)
  if (!report.ok) throw new MoveRefusal(SOURCE_PROBLEMS[report.problem ?? 'unreadable'](file))
  if (report.schemaVersion < LATEST_SCHEMA_VERSION)
    throw new MoveRefusal(
      `${file} is at schema version ${report.schemaVersion}, this program at ${LATEST_SCHEMA_VERSION}: start the program once with this data folder (it upgrades the database, backing it up first), then run the move again`,
    )
  const source = new DataSource({
    type: 'better-sqlite3',
    database: file,
    readonly: true,
    fileMustExist: true,
    nativeBinding,
  })
  await source.initialize()
  return source
}

const SOURCE_PROBLEMS: Record<NonNullable<DatabaseFileReport['problem']>, (file: string) => string> = {
  missing: (file) => `no database at ${file}; check --data`,
  unreadable: (file) => `${file} cannot be read as a database`,
  corrupt: (file) => `${file} is damaged (its integrity check failed): restore a backup first`,
  foreign: (file) => `${file} is not an Akimat Desk database`,
  newer: (file) => `${file} was written by a newer Akimat Desk: update this program first`,
  encrypted: (file) => `${file} is encrypted: give its passphrase`,
}
