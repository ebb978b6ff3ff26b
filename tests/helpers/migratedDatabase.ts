import { createHash } from 'node:crypto'
import BetterSqlite3 from 'better-sqlite3'
import { Client } from 'pg'
import { DataSource } from 'typeorm'
import { migrate } from '../../src/main/db/migrate'
import { postgresDataSource } from '../../src/main/db/postgres'
import type { Migration } from '../../src/main/db/migrations'

/**
 * Databases migrated by the shipped migrations, read back as plain data that two runs can be
 * compared by: the schema (sqlite_master with its SQL), every table's rows, and the terms of
 * the full-text index. Values that differ on every run (a migration's "now", random UUIDs)
 * are replaced by placeholders; everything else is kept as it is.
 */

const FIXED_STAMP = '2025-01-10T08:00:00.000Z'

/** Runs `migrations` on the file with a connection of its own (no entities, no pragmas). */
export async function migrateFile(file: string, migrations: readonly Migration[]): Promise<void> {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  try {
    await migrate(dataSource, migrations)
  } finally {
    await dataSource.destroy()
  }
}

/**
 * Where a migrated database lives: a SQLite file (its path) or a PostgreSQL database (its
 * postgres:// address). The rows below are written in SQL both engines take.
 */
export type MigrationTarget = string

const isPostgres = (target: MigrationTarget) => target.startsWith('postgres://')

/** Runs `migrations` on the target with a connection of its own (no entities, no pragmas). */
export async function migrateTarget(target: MigrationTarget, migrations: readonly Migration[]): Promise<void> {
  if (!isPostgres(target)) return migrateFile(target, migrations)
  // The app's PostgreSQL data source: dates read back as text, counts as numbers (db/postgres.ts).
  const dataSource = postgresDataSource(target)
  await dataSource.initialize()
  try {
    await migrate(dataSource, migrations)
  } finally {
    await dataSource.destroy()
  }
}

/** Runs SQL on the target with a plain connection (foreign keys on, as the app has them). */
async function write(target: MigrationTarget, statements: string[]): Promise<void> {
  if (isPostgres(target)) {
    const client = new Client({ connectionString: target })
    await client.connect()
    try {
      for (const sql of statements) await client.query(sql)
    } finally {
      await client.end()
    }
    return
  }
  const db = new BetterSqlite3(target)
  try {
    db.pragma('foreign_keys = ON')
    for (const sql of statements) db.exec(sql)
  } finally {
    db.close()
  }
}

/**
 * Rows an office had at schema version 1, in version-1 columns: what the later migrations
 * backfill from (search text and counters in 0002, the audit hash chain in 0003, locality
 * UUIDs in 0003, the yearly counts in 0006). Kazakh letters and ё exercise the search folding.
 */
export function insertVersion1Rows(target: MigrationTarget): Promise<void> {
  const s = `'${FIXED_STAMP}'`
  // TRUE rather than 1 for booleans: PostgreSQL takes no integer there, SQLite stores TRUE as 1.
  return write(target, [
    `INSERT INTO sectors (code, name_kk, name_ru, name_en, sort_order, active, created_at, updated_at)
     VALUES ('tourism', 'Туризм', 'Туризм', 'Tourism', 9, TRUE, ${s}, ${s})`,
    `INSERT INTO localities (id, parent_id, kind, name_kk, name_ru, name_en, active, created_at, updated_at) VALUES
     (1, NULL, 'okrug', 'Қарабас ауылдық округі', 'Карабасский сельский округ', NULL, TRUE, ${s}, ${s}),
     (2, 1, 'village', 'Үштөбе', 'Уштобе', 'Ushtobe', TRUE, ${s}, ${s})`,
    `INSERT INTO report_meetings (id, uuid, held_on, locality_id, place, speaker_name, speaker_position, format, attendance, notes, created_at, updated_at)
     VALUES (1, '00000000-0000-4000-8000-0000000000a1', '2024-12-20', 1, 'Ауыл клубы', 'Әбілқасымов Серік', 'Ауыл әкімі', 'in_person', 85, NULL, ${s}, ${s})`,
    `INSERT INTO appeals (id, uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, locality_id, meeting_id,
       applicant_kind, applicant_name, applicant_id_number, summary, status, due_on, created_at, updated_at) VALUES
     (1, '00000000-0000-4000-8000-000000000001', '2024-000007', '2024-12-20T11:00', '2024-12-20', 'report_meeting', 'request', 1, 1, 1,
       'individual', 'Нұрғалиева Әйгерім', '900101300123', 'Мектепке спорт залы керек', 'registered', '2025-01-14', ${s}, ${s}),
     (2, '00000000-0000-4000-8000-000000000002', '2025-000001', '2025-01-09T09:30', '2025-01-09', 'reception', 'complaint', 9, 2, NULL,
       'individual', 'Серікбаев Нұрлан', NULL, 'Туристік маршрут белгілері жоқ, ёлка', 'in_progress', '2025-01-30', ${s}, ${s}),
     (3, '00000000-0000-4000-8000-000000000003', '2025-000002', '2025-01-10T16:45', '2025-01-10', 'e_otinish', 'request', 2, NULL, NULL,
       'legal', NULL, '123456789012', 'Һауа райы: шатыр ағады', 'registered', '2025-01-31', ${s}, ${s})`,
    `INSERT INTO audit_entries (at, operator, entity, entity_id, action, field, old_value, new_value) VALUES
     ('2025-01-09T09:31:00.000Z', 'Тест Операторов', 'appeal', '2', 'create', NULL, NULL, '{"reg":"2025-000001"}'),
     ('2025-01-10T16:46:00.000Z', NULL, 'appeal', '3', 'create', NULL, NULL, '{}'),
     ('2025-01-10T17:00:00.000Z', 'Тест Операторов', 'appeal', '2', 'update', 'status', '"registered"', '"in_progress"')`,
    `INSERT INTO settings (key, value, updated_at) VALUES ('preferences', '{"language":"ru"}', ${s})`,
  ])
}

/**
 * Consolidation sources as version 3 could hold them (no codes yet), imported in the opposite
 * order to their rowids, and a conflict: what 0004 numbers and indexes.
 */
export function insertVersion3Rows(target: MigrationTarget): Promise<void> {
  return write(target, [
    `INSERT INTO consolidation_sources (office_uuid, name_kk, name_ru, last_exported_at, last_checksum, imported_at) VALUES
     ('00000000-0000-4000-8000-0000000000b2', 'Екінші', 'Второй', '${FIXED_STAMP}', '${'a'.repeat(64)}', '2025-01-12T00:00:00.000Z'),
     ('00000000-0000-4000-8000-0000000000b1', 'Бірінші', 'Первый', '${FIXED_STAMP}', '${'b'.repeat(64)}', '2025-01-11T00:00:00.000Z')`,
    `INSERT INTO consolidation_conflicts (office_uuid, entity, uuid, local_value, incoming_value, created_at)
     VALUES ('00000000-0000-4000-8000-0000000000b1', 'appeal', '00000000-0000-4000-8000-000000000002', '{}', '{}', '${FIXED_STAMP}')`,
  ])
}

/**
 * A database at the last of `migrations`, either new (from = 0) or upgraded from version
 * `from` holding the rows above (version-1 rows from 1 on, version-3 rows from 3 on).
 */
export async function migratedDatabase(
  target: MigrationTarget,
  migrations: readonly Migration[],
  from: number,
): Promise<void> {
  if (from >= 1) {
    await migrateTarget(target, migrations.slice(0, 1))
    await insertVersion1Rows(target)
  }
  if (from >= 3) {
    await migrateTarget(target, migrations.slice(0, 3))
    await insertVersion3Rows(target)
  }
  if (from >= 1) await migrateTarget(target, migrations.slice(0, from))
  await migrateTarget(target, migrations)
}

export interface SchemaObject {
  type: string
  name: string
  tbl_name: string
  sql: string | null
}

export interface DatabaseDump {
  schema: SchemaObject[]
  /** Rows of every table but the full-text index's own and the calendar, sorted. */
  rows: Record<string, Record<string, unknown>[]>
  /** The shipped calendar is long: its row count and a digest of its rows in date order. */
  calendarDays: { count: number; sha256: string }
  /** What the full-text index holds: each term with the appeal ids it points to. */
  searchTerms: Record<string, number[]>
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** A value with what differs on every run replaced: instants from `since` on, random UUIDs. */
export function steady(value: unknown, since: string): unknown {
  if (typeof value !== 'string') return value
  if (ISO_INSTANT.test(value) && value >= since) return '<now>'
  // the rows above use UUIDs starting 00000000-; any other one was drawn by a migration
  return value.replace(UUID, (uuid) => (uuid.startsWith('00000000-') ? uuid : '<random uuid>'))
}

const FULL_TEXT = /^appeals_fts/

/** Reads the file back (read-only); instants at or after `since` count as the run's "now". */
export function dumpDatabase(file: string, since: string): DatabaseDump {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    const schema = db
      .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as SchemaObject[]
    const rows: DatabaseDump['rows'] = {}
    for (const { name } of schema.filter((o) => o.type === 'table')) {
      if (FULL_TEXT.test(name) || name === 'calendar_days') continue
      rows[name] = (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
        .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, steady(v, since)])))
        .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
    }
    const days = db.prepare('SELECT date, kind, note FROM calendar_days ORDER BY date').all()
    const calendarDays = {
      count: days.length,
      sha256: createHash('sha256').update(JSON.stringify(days)).digest('hex'),
    }
    const searchTerms: Record<string, number[]> = {}
    if (schema.some((o) => o.name === 'appeals_fts')) {
      db.exec('CREATE VIRTUAL TABLE temp.appeals_fts_terms USING fts5vocab(main, appeals_fts, instance)')
      const instances = db.prepare('SELECT term, doc FROM temp.appeals_fts_terms ORDER BY term, doc').all() as {
        term: string
        doc: number
      }[]
      for (const { term, doc } of instances) {
        const docs = (searchTerms[term] ??= [])
        if (!docs.includes(doc)) docs.push(doc)
      }
    }
    return { schema, rows, calendarDays, searchTerms }
  } finally {
    db.close()
  }
}
