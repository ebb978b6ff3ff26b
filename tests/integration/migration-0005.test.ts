import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { appealSearchText } from '@shared/domain/search'
import { migrate } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import { openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { sectorCounts } from '../helpers/consolidation'

/**
 * Migration 0005 (hot-path indexes) on a version-4 database holding appeals of every channel
 * and status: no row changes, the two narrow indexes are replaced by their wider forms, the
 * partial index holds only report-meeting questions, and search, the list and the
 * sector-by-year report give the same answers as before.
 */

const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'

const APPEALS: [reg: string, registeredOn: string, channel: string, sector: string, status: string, summary: string][] =
  [
    ['2025-000001', '2025-03-04', 'reception', 'housing', 'answered', 'Көшеде жарық жоқ'],
    ['2025-000002', '2025-03-04', 'report_meeting', 'housing', 'answered', 'Су құбыры ескірген'],
    ['2025-000003', '2025-06-10', 'report_meeting', 'land', 'in_progress', 'Жайылым бөлінбеген'],
    ['2026-000001', '2026-01-15', 'e_otinish', 'social', 'registered', 'Жәрдемақы тағайындалмаған'],
    ['2026-000002', '2026-01-20', 'report_meeting', 'police', 'registered', 'Ауылда учаскелік жоқ'],
  ]

async function version4Database(): Promise<string> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  try {
    expect(await migrate(dataSource, MIGRATIONS.slice(0, 4))).toEqual([1, 2, 3, 4])
    // the report-meeting questions belong to a meeting, as every meeting question does (0014)
    await dataSource.query(
      `INSERT INTO report_meetings (uuid, held_on, place, speaker_name, speaker_position, format, attendance, created_at, updated_at)
       VALUES ('6a1d3c0e-7b2f-4c8d-9e0f-1a2b3c4d5e70', '2025-03-04', 'Ауыл клубы', 'Әбілқасымов Серік', 'Ауыл әкімі', 'in_person', 85, ?, ?)`,
      [STAMP, STAMP],
    )
    for (const [reg, registeredOn, channel, sector, status, summary] of APPEALS) {
      await dataSource.query(
        `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, locality_id,
           applicant_kind, applicant_name, summary, status, due_on, review_due_on, search_text, created_at, updated_at, meeting_id)
         SELECT lower(hex(randomblob(16))), ?, ? || 'T10:00', ?, ?, 'request', s.id, NULL, 'individual', 'Сейітқали Бақытжан', ?, ?,
           ?, ?, ?, ?, ?, CASE WHEN ? = 'report_meeting' THEN (SELECT MIN(id) FROM report_meetings) END
         FROM sectors s WHERE s.code = ?`,
        [
          reg,
          registeredOn,
          registeredOn,
          channel,
          summary,
          status,
          registeredOn,
          registeredOn,
          appealSearchText(reg, 'Сейітқали Бақытжан', summary),
          STAMP,
          STAMP,
          channel,
          sector,
        ],
      )
    }
    await dataSource.query('INSERT INTO appeal_counters (year, last_number) VALUES (2025, 3), (2026, 2)')
    return file
  } finally {
    await dataSource.destroy()
  }
}

describe('migration 0005 on a version-4 database holding rows', () => {
  it('replaces the indexes without touching a row; search, list and the report answer as before', async () => {
    const file = await version4Database()
    const desk = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file })
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(5)
    expect((await desk.ok('app.info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION)

    const rows = await desk.sql<{ reg_number: string; channel: string; status: string; summary: string }>(
      'SELECT reg_number, channel, status, summary FROM appeals ORDER BY id',
    )
    expect(rows).toEqual(
      APPEALS.map(([reg, , channel, , status, summary]) => ({ reg_number: reg, channel, status, summary })),
    )

    const indexes = await desk.sql<{ name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'appeals' AND name LIKE 'idx_%' ORDER BY name",
    )
    const names = indexes.map((i) => i.name)
    expect(names).toEqual(
      expect.arrayContaining([
        'idx_appeals_registered_sector_status',
        'idx_appeals_status_due_executor',
        'idx_appeals_locality_filters',
        'idx_appeals_meeting_questions',
      ]),
    )
    expect(names).not.toContain('idx_appeals_registered_sector')
    expect(names).not.toContain('idx_appeals_status_due')
    // made over channel by 0005; over meeting_id, the one definition of a meeting question, since 0014
    expect(indexes.find((i) => i.name === 'idx_appeals_meeting_questions')!.sql).toMatch(/WHERE meeting_id IS NOT NULL/)
    // the partial index holds exactly the report-meeting questions
    expect(
      await desk.sql(
        "SELECT COUNT(*) AS n FROM appeals INDEXED BY idx_appeals_meeting_questions WHERE meeting_id IS NOT NULL AND registered_on > ''",
      ),
    ).toEqual([{ n: 3 }])
    expect(await desk.sql('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])

    // the full-text triggers are untouched (no rebuild of appeals) and search finds old rows
    const triggers = await desk.sql<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'appeals' ORDER BY name",
    )
    expect(triggers.map((t) => t.name)).toEqual([
      'appeal_year_counts_delete',
      'appeal_year_counts_insert',
      'appeal_year_counts_update', // since migration 0006
      'appeals_fts_delete',
      'appeals_fts_insert',
      'appeals_fts_update',
    ])
    expect((await desk.ok('appeals.list', { query: 'жайылым' })).rows.map((r) => r.regNumber)).toEqual(['2025-000003'])

    // the list through the wider indexes
    const housing = await desk.sector('housing')
    const answered = await desk.ok('appeals.list', {
      from: '2025-01-01',
      to: '2025-12-31',
      sectorIds: [housing],
      statuses: ['answered'],
    })
    expect(answered.total).toBe(2)
    expect(
      (await desk.ok('appeals.list', { statuses: ['registered'], sort: 'dueOn', order: 'asc' })).rows.map(
        (r) => r.regNumber,
      ),
    ).toEqual(['2026-000001', '2026-000002'])

    // the default sector-by-year report (report-meeting questions) counts them through the partial index
    const report = await desk.ok('reports.build', {
      lang: 'kk',
      params: { kind: 'sector-by-year', from: 2025, to: 2026, source: 'meetings' },
    })
    expect(sectorCounts(report).total).toBe(2) // 2025: the housing and the land question
    expect(JSON.stringify(report.tables[0]!.total)).toContain('"value":1') // 2026: the police question
  })
})
