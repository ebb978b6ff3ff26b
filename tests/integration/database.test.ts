import { existsSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../src/main/db/database'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import { useCleanup } from '../helpers/cleanup'
import { referenceSectors } from '../helpers/referenceTable'

const cleanup = useCleanup()

async function open(file: string): Promise<Database> {
  const db = await openDatabase({ file })
  cleanup.defer(() => (db.dataSource.isInitialized ? db.close() : undefined))
  return db
}

/** Reads the file with a connection of its own, outside TypeORM. */
function rawRead<T>(file: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

async function idOf(db: Database, code: string): Promise<number> {
  const rows = (await db.dataSource.query('SELECT id FROM sectors WHERE code = ?', [code])) as { id: number }[]
  if (!rows[0]) throw new Error(`no sector ${code}`)
  return rows[0].id
}

const insertAppealSql = `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type,
  sector_id, applicant_kind, summary, status, due_on, created_at, updated_at)
  VALUES (?, ?, '2025-03-01T09:00:00.000Z', '2025-03-01', 'reception', 'complaint', ?, 'individual',
  'Көше жарығы жоқ', 'registered', '2025-03-31', '2025-03-01T09:00:00.000Z', '2025-03-01T09:00:00.000Z')`

describe('openDatabase', () => {
  it('creates the file, and its missing folders, on first open', async () => {
    const file = join(cleanup.tempDir(), 'nested', 'data', 'akimat.sqlite')
    expect(existsSync(file)).toBe(false)
    const db = await open(file)
    expect(db.file).toBe(file)
    expect(existsSync(file)).toBe(true)
  })

  it('runs with synchronous=FULL and foreign keys on, and leaves the file in WAL mode', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const db = await open(file)
    expect(await db.dataSource.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }])
    expect(await db.dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }])
    expect(await db.dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }])
    await db.close()

    // journal_mode=wal is stored in the file itself: a plain connection sees it too.
    const mode = rawRead(file, (raw) => raw.pragma('journal_mode', { simple: true }))
    expect(mode).toBe('wal')
  })

  it('brings a new file to the latest schema version', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const db = await open(file)
    expect(db.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    await db.close()

    // Every listed migration, in list order (versions rising), applied once under its name.
    const applied = rawRead(file, (raw) =>
      raw.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all(),
    )
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })))
    expect(applied[0]).toEqual({ version: 1, name: 'initial-schema' })
    const tables = rawRead(file, (raw) =>
      raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .pluck()
        .all(),
    )
    expect(tables).toEqual(
      expect.arrayContaining([
        'appeals',
        'audit_entries',
        'localities',
        'report_meetings',
        'schema_migrations',
        'sectors',
        'settings',
      ]),
    )
  })

  it('on reopening applies nothing again and keeps the rows', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const first = await open(file)
    const sectorId = await idOf(first, 'land')
    await first.dataSource.query(insertAppealSql, ['uuid-1', '2025-000001', sectorId])
    await first.dataSource.query("UPDATE sectors SET name_en = 'Land (edited)' WHERE code = 'land'")
    const migrationsBefore: unknown[] = await first.dataSource.query('SELECT * FROM schema_migrations ORDER BY version')
    await first.close()

    const second = await open(file)
    expect(second.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(await second.dataSource.query('SELECT * FROM schema_migrations ORDER BY version')).toEqual(migrationsBefore)
    expect(await second.dataSource.query('SELECT COUNT(*) AS n FROM sectors')).toEqual([{ n: 8 }])
    expect(await second.dataSource.query("SELECT name_en FROM sectors WHERE code = 'land'")).toEqual([
      { name_en: 'Land (edited)' },
    ])
    expect(await second.dataSource.query('SELECT reg_number, sector_id FROM appeals')).toEqual([
      { reg_number: '2025-000001', sector_id: sectorId },
    ])
  })

  it('seeds the eight sectors in the order and wording of the official report table, then "other"', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const db = await open(file)
    const rows: {
      code: string
      name_kk: string
      name_ru: string
      name_en: string
      sort_order: number
      active: number
    }[] = await db.dataSource.query(
      'SELECT code, name_kk, name_ru, name_en, sort_order, active FROM sectors ORDER BY sort_order',
    )

    const expected = referenceSectors()
    expect(expected).toHaveLength(8)
    expect(expected.at(-1)?.code).toBe('other')
    expect(rows).toEqual(
      expected.map((s, i) => ({
        code: s.code,
        name_kk: s.kk,
        name_ru: s.ru,
        name_en: s.en,
        sort_order: i + 1,
        active: 1,
      })),
    )
  })

  it('refuses a row that points at a sector that does not exist', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const db = await open(file)
    const sectorId = await idOf(db, 'housing')

    await expect(db.dataSource.query(insertAppealSql, ['uuid-bad', '2025-000002', 9999])).rejects.toThrow(
      /FOREIGN KEY constraint failed/,
    )
    // the same row with a real sector goes in, so the refusal was about the key alone
    await db.dataSource.query(insertAppealSql, ['uuid-ok', '2025-000003', sectorId])
    expect(await db.dataSource.query('SELECT reg_number FROM appeals')).toEqual([{ reg_number: '2025-000003' }])
  })
})
