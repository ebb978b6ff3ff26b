import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { appealSearchText } from '@shared/domain/search'
import { migrate } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import { appealInput, openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/**
 * Migration 0006 (appeal_year_counts) on a version-5 database holding appeals of several
 * years, sectors and localities, some without a locality, some report-meeting questions: the
 * table is filled with exactly the appeals counted by year, sector, locality and meeting, and
 * its triggers keep it after the upgrade.
 */

const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'

// reg, registered_on, channel, sector code, locality (index into LOCALITIES, null: none)
const APPEALS: [string, string, string, string, number | null][] = [
  ['2017-000001', '2017-05-04', 'reception', 'housing', 0],
  ['2017-000002', '2017-05-04', 'reception', 'housing', 0],
  ['2017-000003', '2017-12-29', 'report_meeting', 'housing', 0],
  ['2021-000001', '2021-02-11', 'e_otinish', 'land', null],
  ['2021-000002', '2021-02-12', 'e_otinish', 'land', null],
  ['2021-000003', '2021-06-01', 'report_meeting', 'social', 1],
  ['2025-000001', '2025-03-04', 'reception', 'housing', 1],
  ['2025-000002', '2025-03-04', 'report_meeting', 'housing', 1],
  ['2025-000003', '2025-06-10', 'report_meeting', 'land', null],
  ['2025-000004', '2025-12-31', 'reception', 'police', 2],
  ['2026-000001', '2026-01-15', 'e_otinish', 'social', 2],
  ['2026-000002', '2026-01-20', 'report_meeting', 'police', null],
]
const LOCALITIES = ['Қарабас', 'Қоянды', 'Бесоба']

async function version5Database(): Promise<string> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  try {
    expect(await migrate(dataSource, MIGRATIONS.slice(0, 5))).toEqual([1, 2, 3, 4, 5])
    const ids: number[] = []
    for (const name of LOCALITIES) {
      await dataSource.query(
        "INSERT INTO localities (uuid, kind, parent_id, name_kk, name_ru, created_at, updated_at) VALUES (lower(hex(randomblob(16))), 'okrug', NULL, ?, ?, ?, ?)",
        [name, name, STAMP, STAMP],
      )
      ids.push((await dataSource.query('SELECT last_insert_rowid() AS id'))[0].id)
    }
    // the report-meeting questions belong to a meeting, as every meeting question does (0014)
    await dataSource.query(
      `INSERT INTO report_meetings (uuid, held_on, place, speaker_name, speaker_position, format, attendance, created_at, updated_at)
       VALUES ('6a1d3c0e-7b2f-4c8d-9e0f-1a2b3c4d5e71', '2017-12-29', 'Ауыл клубы', 'Әбілқасымов Серік', 'Ауыл әкімі', 'in_person', 85, ?, ?)`,
      [STAMP, STAMP],
    )
    for (const [reg, registeredOn, channel, sector, locality] of APPEALS) {
      await dataSource.query(
        `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, locality_id,
           applicant_kind, applicant_name, summary, status, due_on, review_due_on, search_text, created_at, updated_at, meeting_id)
         SELECT lower(hex(randomblob(16))), ?, ? || 'T10:00', ?, ?, 'request', s.id, ?, 'individual', 'Сейітқали Бақытжан', 'Су құбыры', 'registered',
           ?, ?, ?, ?, ?, CASE WHEN ? = 'report_meeting' THEN (SELECT MIN(id) FROM report_meetings) END
         FROM sectors s WHERE s.code = ?`,
        [
          reg,
          registeredOn,
          registeredOn,
          channel,
          locality === null ? null : ids[locality],
          registeredOn,
          registeredOn,
          appealSearchText(reg, 'Сейітқали Бақытжан', 'Су құбыры'),
          STAMP,
          STAMP,
          channel,
          sector,
        ],
      )
    }
    await dataSource.query(
      'INSERT INTO appeal_counters (year, last_number) VALUES (2017, 3), (2021, 3), (2025, 4), (2026, 2)',
    )
    return file
  } finally {
    await dataSource.destroy()
  }
}

const COUNTED = `SELECT CAST(substr(registered_on, 1, 4) AS INTEGER) AS year, sector_id, coalesce(locality_id, 0) AS locality_key,
    meeting_id IS NOT NULL AS meeting, COUNT(*) AS n
  FROM appeals GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`
const KEPT = 'SELECT year, sector_id, locality_key, meeting, n FROM appeal_year_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4'

describe('migration 0006 on a version-5 database holding rows', () => {
  it('fills appeal_year_counts with the appeals counted exactly, and its triggers keep it', async () => {
    const file = await version5Database()
    const desk = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file })
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(6)
    expect((await desk.ok('app.info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION)

    const kept = await desk.sql(KEPT)
    expect(kept).toEqual(await desk.sql(COUNTED))
    // every row of the table, none at zero; 12 appeals in 10 groups (two pairs share theirs)
    expect(await desk.sql('SELECT COUNT(*) AS rows, SUM(n) AS n FROM appeal_year_counts')).toEqual([
      { rows: 10, n: 12 },
    ])
    expect(await desk.sql('SELECT SUM(n) AS n FROM appeal_year_counts WHERE locality_key = 0')).toEqual([{ n: 4 }])
    expect(await desk.sql('SELECT SUM(n) AS n FROM appeal_year_counts WHERE meeting = 1')).toEqual([{ n: 5 }])

    const triggers = await desk.sql<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'appeals' ORDER BY name",
    )
    expect(triggers.map((t) => t.name)).toEqual([
      'appeal_year_counts_delete',
      'appeal_year_counts_insert',
      'appeal_year_counts_update',
      'appeals_fts_delete',
      'appeals_fts_insert',
      'appeals_fts_update',
    ])
    expect(await desk.sql('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])

    // after the upgrade, a registration and an edit by SQL are counted
    await desk.ok('appeals.create', appealInput(await desk.sector('land')))
    await desk.sql(
      "UPDATE appeals SET registered_on = '2018-01-09', locality_id = NULL WHERE reg_number = '2017-000001'",
    )
    expect(await desk.sql(KEPT)).toEqual(await desk.sql(COUNTED))
    expect(await desk.sql('SELECT SUM(n) AS n FROM appeal_year_counts')).toEqual([{ n: 13 }])
  })
})
