import { join } from 'node:path'
import { DataSource, Table, TableColumn } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { foldForSearch, ftsQuery } from '@shared/domain/search'
import { DERIVED_TABLES } from '../../src/main/db/derived'
import { migrate } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../src/main/db/migrations'
import { useCleanup } from '../helpers/cleanup'

/**
 * The migration runner keeps the tables derived from `appeals` (full-text index, yearly
 * counts): a migration that rebuilds `appeals` with TypeORM's QueryRunner, and does nothing
 * else about it, leaves search and the counts working; a migration that does not touch
 * `appeals` leaves them as they were, without computing them again.
 */

const cleanup = useCleanup()
const NEXT = LATEST_SCHEMA_VERSION + 1
const STAMP = '2026-03-02T06:00:00.000Z'

/** Adds a column to appeals: on SQLite, TypeORM rebuilds the table, which drops its triggers. */
const addAppealPriority: Migration = {
  version: NEXT,
  name: 'appeal-priority',
  async up(qr) {
    await qr.addColumn(
      'appeals',
      new TableColumn({ name: 'priority', type: 'varchar', length: '16', isNullable: true }),
    )
  },
}

/** A new table: `appeals` is not touched. */
const addNotes: Migration = {
  version: NEXT,
  name: 'notes',
  async up(qr) {
    await qr.createTable(new Table({ name: 'notes', columns: [{ name: 'id', type: 'integer', isPrimary: true }] }))
  },
}

async function latestDatabase(): Promise<DataSource> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  cleanup.defer(() => (dataSource.isInitialized ? dataSource.destroy() : undefined))
  await migrate(dataSource)
  await dataSource.query(
    `INSERT INTO localities (uuid, kind, parent_id, name_kk, name_ru, created_at, updated_at)
     VALUES ('00000000-0000-4000-8000-0000000000c1', 'okrug', NULL, 'Қарабас', 'Карабас', ?, ?)`,
    [STAMP, STAMP],
  )
  await insertAppeal(dataSource, '2025-000001', '2025-06-10', 'reception', null, 'шатыр ағады')
  await insertAppeal(dataSource, '2026-000001', '2026-01-15', 'report_meeting', 1, 'көпірді жөндеу')
  return dataSource
}

async function insertAppeal(
  dataSource: DataSource,
  reg: string,
  registeredOn: string,
  channel: string,
  localityId: number | null,
  summary: string,
): Promise<void> {
  await dataSource.query(
    `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, locality_id,
       applicant_kind, summary, status, due_on, review_due_on, search_text, created_at, updated_at)
     SELECT lower(hex(randomblob(16))), ?, ? || 'T10:00', ?, ?, 'request', s.id, ?, 'individual', ?, 'registered', ?, ?, ?, ?, ?
     FROM sectors s WHERE s.code = 'housing'`,
    [
      reg,
      registeredOn,
      registeredOn,
      channel,
      localityId,
      summary,
      registeredOn,
      registeredOn,
      foldForSearch(summary),
      STAMP,
      STAMP,
    ],
  )
}

/** The registration numbers search finds for a query, as the app asks the index. */
async function found(dataSource: DataSource, query: string): Promise<string[]> {
  const rows: { reg_number: string }[] = await dataSource.query(
    'SELECT a.reg_number FROM appeals_fts JOIN appeals a ON a.id = appeals_fts.rowid WHERE appeals_fts MATCH ? ORDER BY a.reg_number',
    [ftsQuery(query)],
  )
  return rows.map((r) => r.reg_number)
}

const KEPT = 'SELECT year, sector_id, locality_key, meeting, n FROM appeal_year_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4'
const COUNTED = `SELECT CAST(substr(registered_on, 1, 4) AS INTEGER) AS year, sector_id, coalesce(locality_id, 0) AS locality_key,
    meeting_id IS NOT NULL AS meeting, COUNT(*) AS n
  FROM appeals GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`

async function countsMatch(dataSource: DataSource): Promise<void> {
  const kept = await dataSource.query(KEPT)
  expect(kept.length).toBeGreaterThan(0)
  expect(kept).toEqual(await dataSource.query(COUNTED))
}

/** The triggers on appeals, by name, with their SQL. */
async function appealTriggers(dataSource: DataSource): Promise<Record<string, string>> {
  const rows: { name: string; sql: string }[] = await dataSource.query(
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'appeals' ORDER BY name",
  )
  return Object.fromEntries(rows.map((r) => [r.name, r.sql]))
}

/** Raises when the full-text index does not match the rows of appeals. */
const INDEX_CHECK = "INSERT INTO appeals_fts(appeals_fts) VALUES ('integrity-check')"

const CURRENT_TRIGGERS = Object.assign({}, ...DERIVED_TABLES.map((d) => d.triggers)) as Record<string, string>

describe('the migration runner and the tables derived from appeals', () => {
  it('after a migration that rebuilds appeals, search and the yearly counts keep working', async () => {
    const dataSource = await latestDatabase()
    const rootBefore = await dataSource.query("SELECT rootpage FROM sqlite_master WHERE name = 'appeals'")

    expect(await migrate(dataSource, [...MIGRATIONS, addAppealPriority])).toEqual([NEXT])

    // appeals was rebuilt (a new b-tree, the new column), and its triggers are the current ones
    expect(await dataSource.query("SELECT rootpage FROM sqlite_master WHERE name = 'appeals'")).not.toEqual(rootBefore)
    expect(
      (await dataSource.query("SELECT name FROM pragma_table_info('appeals') WHERE name = 'priority'")).length,
    ).toBe(1)
    expect(await appealTriggers(dataSource)).toEqual(CURRENT_TRIGGERS)
    await dataSource.query(INDEX_CHECK)

    // the rows from before the migration are found and counted
    expect(await found(dataSource, 'Шатыр')).toEqual(['2025-000001'])
    await countsMatch(dataSource)

    // insert, update, delete after it
    await insertAppeal(dataSource, '2026-000002', '2026-02-03', 'e_otinish', 1, 'су құбыры жарылды')
    expect(await found(dataSource, 'кубыры')).toEqual(['2026-000002'])
    await countsMatch(dataSource)

    await dataSource.query(
      "UPDATE appeals SET search_text = 'жарык жок', registered_on = '2025-12-30', locality_id = NULL, priority = 'high' WHERE reg_number = '2026-000002'",
    )
    expect(await found(dataSource, 'кубыры')).toEqual([])
    expect(await found(dataSource, 'жарык')).toEqual(['2026-000002'])
    await countsMatch(dataSource)

    await dataSource.query("DELETE FROM appeals WHERE reg_number IN ('2026-000002', '2025-000001')")
    expect(await found(dataSource, 'жарык')).toEqual([])
    expect(await found(dataSource, 'шатыр')).toEqual([])
    expect(await found(dataSource, 'копир')).toEqual(['2026-000001'])
    await countsMatch(dataSource)
    await dataSource.query(INDEX_CHECK)
  })

  it('computes the derived tables again only when their triggers were lost or differ', async () => {
    const dataSource = await latestDatabase()
    // a count no appeal accounts for: computing the table again would remove it
    await dataSource.query(
      'INSERT INTO appeal_year_counts (year, sector_id, locality_key, meeting, n) VALUES (1999, 1, 0, 0, 7)',
    )

    expect(await migrate(dataSource, [...MIGRATIONS, addNotes])).toEqual([NEXT])
    expect(await dataSource.query('SELECT n FROM appeal_year_counts WHERE year = 1999')).toEqual([{ n: 7 }])

    expect(await migrate(dataSource, [...MIGRATIONS, addNotes, { ...addAppealPriority, version: NEXT + 1 }])).toEqual([
      NEXT + 1,
    ])
    expect(await dataSource.query('SELECT n FROM appeal_year_counts WHERE year = 1999')).toEqual([])
    await countsMatch(dataSource)
  })

  it('puts the current definition back in place of a trigger that differs from it', async () => {
    const dataSource = await latestDatabase()
    // an older definition of the update trigger, which missed an edit of the text
    await dataSource.query('DROP TRIGGER appeals_fts_update')
    await dataSource.query('CREATE TRIGGER appeals_fts_update AFTER UPDATE OF summary ON appeals BEGIN SELECT 1; END')
    await dataSource.query("UPDATE appeals SET search_text = 'жана матин' WHERE reg_number = '2025-000001'")
    expect(await found(dataSource, 'жана')).toEqual([])

    expect(await migrate(dataSource, [...MIGRATIONS, addNotes])).toEqual([NEXT])

    expect(await appealTriggers(dataSource)).toEqual(CURRENT_TRIGGERS)
    expect(await found(dataSource, 'жана')).toEqual(['2025-000001'])
  })

  it('a run that fails after rebuilding appeals leaves the triggers and the counts as they were', async () => {
    const dataSource = await latestDatabase()
    const before = { triggers: await appealTriggers(dataSource), counts: await dataSource.query(KEPT) }
    const failing: Migration = {
      ...addAppealPriority,
      async up(qr) {
        await addAppealPriority.up(qr)
        throw new Error('fails after the rebuild')
      },
    }

    await expect(migrate(dataSource, [...MIGRATIONS, failing])).rejects.toThrow('fails after the rebuild')

    expect(await appealTriggers(dataSource)).toEqual(before.triggers)
    expect(await dataSource.query(KEPT)).toEqual(before.counts)
    await insertAppeal(dataSource, '2026-000003', '2026-03-01', 'reception', null, 'жол')
    expect(await found(dataSource, 'жол')).toEqual(['2026-000003'])
    await countsMatch(dataSource)
  })
})
