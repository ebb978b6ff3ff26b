import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { DataSource, Table, TableColumn, type QueryRunner } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/database'
import { entities } from '../../src/main/db/entities'
import { DatabaseTooNewError, migrate, schemaVersion } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../src/main/db/migrations'
import { useCleanup } from '../helpers/cleanup'

const cleanup = useCleanup()
const initialSchema = MIGRATIONS[0]!

/** A DataSource on the file that runs no migrations by itself, for calling migrate() directly. */
async function bareDataSource(file: string): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities, synchronize: false })
  await dataSource.initialize()
  cleanup.defer(() => (dataSource.isInitialized ? dataSource.destroy() : undefined))
  return dataSource
}

/**
 * A closed database at schema version 1 holding rows an office would have added: a sector,
 * a locality, an appeal tagged with both, an audit entry and a setting. Written with the
 * version-1 columns, so it stays valid whatever later migrations add.
 */
async function version1DatabaseWithRows(file: string): Promise<void> {
  const dataSource = await bareDataSource(file)
  expect(await migrate(dataSource, [initialSchema])).toEqual([1])
  const stamp = "'2025-01-10T08:00:00.000Z'"
  await dataSource.query(
    `INSERT INTO sectors (code, name_kk, name_ru, name_en, sort_order, active, created_at, updated_at)
     VALUES ('tourism', 'Туризм', 'Туризм', 'Tourism', 9, 1, ${stamp}, ${stamp})`,
  )
  await dataSource.query(
    `INSERT INTO localities (parent_id, kind, name_kk, name_ru, name_en, active, created_at, updated_at)
     VALUES (NULL, 'okrug', 'Қарабас ауылдық округі', 'Карабасский сельский округ', NULL, 1, ${stamp}, ${stamp})`,
  )
  await dataSource.query(
    `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, locality_id,
       applicant_kind, applicant_name, applicant_id_number, summary, status, due_on, created_at, updated_at)
     SELECT '7d1c0a52-0000-4000-8000-000000000001', '2025-000001', '2025-01-11T09:30:00.000Z', '2025-01-11',
       'reception', 'request', s.id, l.id, 'individual', 'Серікбаев Нұрлан', '900101300123',
       'Туристік маршрут белгілері жоқ', 'registered', '2025-02-10', ${stamp}, ${stamp}
     FROM sectors s, localities l WHERE s.code = 'tourism'`,
  )
  await dataSource.query(
    `INSERT INTO audit_entries (at, operator, entity, entity_id, action, field, old_value, new_value)
     VALUES (${stamp}, 'Тест Операторов', 'sector', '9', 'create', NULL, NULL, '{}')`,
  )
  await dataSource.query(
    `INSERT INTO settings (key, value, updated_at) VALUES ('preferences', '{"language":"ru"}', ${stamp})`,
  )
  await dataSource.destroy()
}

const VERSION_1_TABLES = ['sectors', 'localities', 'report_meetings', 'appeals', 'settings', 'audit_entries'] as const

type Snapshot = Record<string, unknown[]>

/** Everything a reader sees in the file, table by table, read with a connection of its own. */
function snapshot(file: string): Snapshot {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    const result: Snapshot = {
      __schema: db
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
        .all(),
    }
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[]
    for (const table of tables) {
      // sorted by content: some tables (full-text shadow tables) have no rowid
      const rows = db.prepare(`SELECT * FROM "${table}"`).all()
      result[table] = rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
    }
    return result
  } finally {
    db.close()
  }
}

/** The version-1 columns of a table's rows, whatever columns later versions added. */
function version1Columns(before: Snapshot, after: Snapshot, table: string): unknown[] {
  const columns = Object.keys((before[table]![0] ?? {}) as object)
  return (after[table] as Record<string, unknown>[]).map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])))
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

const failingMigration = (version: number): Migration => ({
  version,
  name: 'fails-halfway',
  async up(qr: QueryRunner) {
    // does real work first, so the rollback has something to undo
    await qr.createTable(new Table({ name: 'half_done', columns: [{ name: 'id', type: 'integer', isPrimary: true }] }))
    await qr.query("UPDATE sectors SET name_en = 'changed by a failed migration'")
    throw new Error(`migration ${version} failed on purpose`)
  },
})

const addAppealPriority: Migration = {
  version: 2,
  name: 'appeal-priority',
  async up(qr) {
    await qr.addColumn(
      'appeals',
      new TableColumn({ name: 'priority', type: 'varchar', length: '16', isNullable: true }),
    )
  },
}

describe('a database written by a newer version', () => {
  it('is refused with DatabaseTooNewError and left exactly as it was', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const db = await openDatabase({ file })
    await db.dataSource.query(
      "INSERT INTO settings (key, value, updated_at) VALUES ('preferences', '{\"language\":\"en\"}', '2030-01-01T00:00:00.000Z')",
    )
    await db.close()
    const raw = new BetterSqlite3(file)
    raw
      .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
      .run(LATEST_SCHEMA_VERSION + 1, 'from-the-future', '2030-01-01T00:00:00.000Z')
    raw.close()
    expect(existsSync(`${file}-wal`)).toBe(false) // closing the last connection checkpointed it

    const before = { hash: sha256(file), size: statSync(file).size, content: snapshot(file) }

    const refused = openDatabase({ file })
    await expect(refused).rejects.toBeInstanceOf(DatabaseTooNewError)
    await expect(refused).rejects.toMatchObject({
      databaseVersion: LATEST_SCHEMA_VERSION + 1,
      appVersion: LATEST_SCHEMA_VERSION,
    })

    expect(sha256(file)).toBe(before.hash)
    expect(statSync(file).size).toBe(before.size)
    // nothing was left in a write-ahead log for the next reader to see
    expect(!existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0).toBe(true)
    expect(snapshot(file)).toEqual(before.content)
    expect(before.content.schema_migrations).toHaveLength(MIGRATIONS.length + 1)
    expect(before.content.settings).toContainEqual(expect.objectContaining({ key: 'preferences' }))
  })
})

describe('migrate', () => {
  it('on a new file, a migration that fails after the real ones leaves nothing behind', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const dataSource = await bareDataSource(file)
    const failing = failingMigration(LATEST_SCHEMA_VERSION + 1)

    await expect(migrate(dataSource, [...MIGRATIONS, failing])).rejects.toThrow(
      `migration ${failing.version} failed on purpose`,
    )

    expect(await schemaVersion(dataSource)).toBe(0)
    expect(await dataSource.query("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")).toEqual([])
    expect(await dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }])
    await dataSource.destroy()
    expect(snapshot(file)).toEqual({ __schema: [] })
  })

  it('on a new file, a failing second migration leaves nothing behind (not even migration 1)', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const dataSource = await bareDataSource(file)

    await expect(migrate(dataSource, [initialSchema, failingMigration(2)])).rejects.toThrow(
      'migration 2 failed on purpose',
    )

    expect(await schemaVersion(dataSource)).toBe(0)
    expect(await dataSource.query("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")).toEqual([])
  })

  it('on a file at version 1 with rows, a failing migration 2 keeps version 1 and every row', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    await version1DatabaseWithRows(file)
    const before = snapshot(file)
    const dataSource = await bareDataSource(file)

    await expect(migrate(dataSource, [initialSchema, failingMigration(2)])).rejects.toThrow(
      'migration 2 failed on purpose',
    )

    expect(await schemaVersion(dataSource)).toBe(1)
    expect(await dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }])
    await dataSource.destroy()
    const after = snapshot(file)
    expect(after).toEqual(before)
    expect(after.sectors).toHaveLength(9)
    expect(after.appeals).toHaveLength(1)
    expect(after.audit_entries).toHaveLength(1)
  })

  it('a successful migration 2 upgrades a database holding rows and keeps every row', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    await version1DatabaseWithRows(file)
    const before = snapshot(file)
    const dataSource = await bareDataSource(file)

    expect(await migrate(dataSource, [initialSchema, addAppealPriority])).toEqual([2])
    expect(await schemaVersion(dataSource)).toBe(2)
    // a second run has nothing to do
    expect(await migrate(dataSource, [initialSchema, addAppealPriority])).toEqual([])

    // the rebuilt appeals table still enforces its foreign keys
    expect(await dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }])
    await expect(
      dataSource.query("UPDATE appeals SET sector_id = 9999 WHERE reg_number = '2025-000001'"),
    ).rejects.toThrow(/FOREIGN KEY constraint failed/)
    await dataSource.destroy()

    const after = snapshot(file)
    for (const table of VERSION_1_TABLES.filter((t) => t !== 'appeals')) {
      expect(after[table], table).toEqual(before[table])
    }
    expect(after.appeals).toEqual(before.appeals!.map((row) => ({ ...(row as object), priority: null })))
    expect(after.schema_migrations).toEqual([
      ...before.schema_migrations!,
      { version: 2, name: 'appeal-priority', applied_at: expect.any(String) },
    ])
    const appealIndexes = (after.__schema as { type: string; name: string; tbl_name: string }[])
      .filter((s) => s.type === 'index' && s.tbl_name === 'appeals' && s.name.startsWith('idx_'))
      .map((s) => s.name)
      .sort()
    expect(appealIndexes).toEqual([
      'idx_appeals_applicant_id_number',
      'idx_appeals_meeting',
      'idx_appeals_registered_sector',
    ])
  })

  it('the shipped migrations upgrade a version-1 database holding rows and keep every row', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    await version1DatabaseWithRows(file)
    const before = snapshot(file)

    const db = await openDatabase({ file })
    expect(db.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    await db.close()

    const after = snapshot(file)
    for (const table of VERSION_1_TABLES) {
      // Later migrations may add rows of their own (the office's identity in settings), never remove one.
      const kept = version1Columns(before, after, table).filter((row) =>
        (before[table] as unknown[]).some((b) => JSON.stringify(b) === JSON.stringify(row)),
      )
      expect(kept, table).toEqual(before[table])
    }
  })

  it('refuses a database newer than the list it is given, before running anything', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    await version1DatabaseWithRows(file)
    const before = snapshot(file)
    const dataSource = await bareDataSource(file)
    const ran: string[] = []
    const spy: Migration = { version: 1, name: 'spy', up: async () => void ran.push('spy') }

    await expect(migrate(dataSource, [])).rejects.toBeInstanceOf(DatabaseTooNewError)
    await expect(migrate(dataSource, [spy])).resolves.toEqual([])
    expect(ran).toEqual([])
    await dataSource.destroy()
    expect(snapshot(file)).toEqual(before)
  })
})
