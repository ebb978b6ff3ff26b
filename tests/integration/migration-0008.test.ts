import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import { openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { insertMeetingWithTwoQuestions } from '../helpers/olderDatabase'

/**
 * Migration 0008 (measure origins) on a version-7 database holding a report meeting, its
 * questions and two measures (one tied to a question, one done): the measures come through
 * with every value, as this office's own (no origin, no imported version), keep their indices
 * and foreign keys, and travel in the office's package. The columns are added by rebuilding
 * `meeting_measures` only: `appeals`, its triggers and its search are left as they were.
 */

const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'
const EDITED = '2026-02-20T08:15:00.000Z'

const MEASURES = 'SELECT id, uuid, meeting_id, text, responsible, due_on, appeal_id, done_on, done_note, created_at, updated_at FROM meeting_measures ORDER BY id'
const APPEALS_SCHEMA = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('appeals', 'appeals_fts') ORDER BY type, name"

async function version7Database(): Promise<{ file: string; measures: unknown[]; appealsSchema: unknown[] }> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  try {
    expect(await migrate(dataSource, MIGRATIONS.slice(0, 7))).toEqual([1, 2, 3, 4, 5, 6, 7])
    await insertMeetingWithTwoQuestions(dataSource, STAMP)
    await dataSource.query(
      `INSERT INTO meeting_measures (uuid, meeting_id, text, responsible, due_on, appeal_id, done_on, done_note, created_at, updated_at) VALUES
         ('0c9e8d7f-1a2b-4c3d-8e4f-5a6b7c8d9e01', 1, 'Көпірді мамырда жөндеу', 'Аудандық құрылыс бөлімі', '2026-05-31', 2, NULL, NULL, ?, ?),
         ('0c9e8d7f-1a2b-4c3d-8e4f-5a6b7c8d9e02', 1, 'Клубқа жылу беру', 'Ауыл әкімінің аппараты', '2026-02-15', NULL, '2026-02-14', 'Қазандық жөнделді', ?, ?)`,
      [STAMP, STAMP, STAMP, EDITED],
    )
    return { file, measures: await dataSource.query(MEASURES), appealsSchema: await dataSource.query(APPEALS_SCHEMA) }
  } finally {
    await dataSource.destroy()
  }
}

describe('migration 0008 on a version-7 database holding measures', () => {
  it("keeps every measure as this office's own, with its indices and foreign keys, and leaves `appeals` alone", async () => {
    const { file, measures, appealsSchema } = await version7Database()
    const desk = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file })
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(8)
    expect((await desk.ok('app.info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION)

    // Every value kept; the new columns empty (the office's own measures).
    expect(await desk.sql(MEASURES)).toEqual(measures)
    expect(await desk.sql('SELECT origin_office_uuid, imported_version FROM meeting_measures')).toEqual([
      { origin_office_uuid: null, imported_version: null },
      { origin_office_uuid: null, imported_version: null },
    ])
    const meeting = await desk.ok('meetings.get', { id: 1 })
    expect(meeting.measureCounts).toEqual({ total: 2, done: 1, overdue: 0 })
    expect(meeting.measures.map((m) => [m.text, m.appealRegNumber, m.state])).toEqual([
      ['Клубқа жылу беру', null, 'done'],
      ['Көпірді мамырда жөндеу', '2026-000002', 'open'],
    ])

    // The rebuilt table keeps its indices and foreign keys (a meeting's measures go with it).
    const indices = await desk.sql<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'meeting_measures' AND sql IS NOT NULL ORDER BY name")
    expect(indices.map((i) => i.name)).toEqual(['idx_meeting_measures_appeal', 'idx_meeting_measures_due', 'idx_meeting_measures_meeting'])
    const [table] = await desk.sql<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'meeting_measures'")
    expect(table!.sql).toContain('UNIQUE ("uuid")') // one row per measure: the importer matches by uuid
    const keys = await desk.sql<{ table: string; from: string; on_delete: string }>('PRAGMA foreign_key_list(meeting_measures)')
    expect(keys.map((k) => [k.from, k.table, k.on_delete]).sort()).toEqual([
      ['appeal_id', 'appeals', 'SET NULL'],
      ['meeting_id', 'report_meetings', 'CASCADE'],
    ])
    expect(await desk.sql('PRAGMA foreign_key_check')).toEqual([])
    expect(await desk.sql('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])

    // `appeals` was not rebuilt: its table, indices and triggers exactly as before; search works.
    expect(await desk.sql(APPEALS_SCHEMA)).toEqual(appealsSchema)
    expect((await desk.ok('appeals.list', { query: 'спорт залы' })).rows.map((r) => r.regNumber)).toEqual(['2026-000001'])

    // Editing a measure after the upgrade keeps it this office's own; the package carries both.
    const [first] = meeting.measures
    await desk.ok('measures.update', { id: first!.id, text: first!.text, responsible: 'Аудан әкімдігі', dueOn: first!.dueOn, appealId: null, doneOn: first!.doneOn, doneNote: first!.doneNote })
    expect(await desk.sql('SELECT origin_office_uuid FROM meeting_measures WHERE id = ?', [first!.id])).toEqual([{ origin_office_uuid: null }])
    await desk.ok('office.update', { nameKk: 'Қоянды ауылдық округі', nameRu: 'Кояндинский сельский округ', district: '', region: '', headName: '', headPosition: '' })
    const exported = await desk.ok('consolidation.exportPackage', {})
    expect(exported.counts.measures).toBe(2)
    const document = JSON.parse(gunzipSync(Buffer.from(exported.base64, 'base64')).toString('utf8')) as { measures: { uuid: string }[] }
    expect(document.measures.map((m) => m.uuid)).toEqual([
      '0c9e8d7f-1a2b-4c3d-8e4f-5a6b7c8d9e01',
      '0c9e8d7f-1a2b-4c3d-8e4f-5a6b7c8d9e02',
    ])
  })
})
