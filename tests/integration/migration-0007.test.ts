import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import { openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { insertMeetingWithTwoQuestions } from '../helpers/olderDatabase'

/**
 * Migration 0007 (meeting_measures) on a version-6 database holding a report meeting and its
 * questions: they come through unchanged, the meeting starts with no measures and takes new
 * ones tied to its old questions (as this office's own: no origin, no imported version), which
 * travel in the office's package. The table has its indices, unique uuid and foreign keys; the
 * appeals' schema, search and yearly counts are exactly as before (the migration adds a table
 * and must not disturb `appeals` or its triggers).
 */

const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'

const APPEALS_SCHEMA =
  "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('appeals', 'appeals_fts') ORDER BY type, name"

async function version6Database(): Promise<{ file: string; appealsSchema: unknown[] }> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  try {
    expect(await migrate(dataSource, MIGRATIONS.slice(0, 6))).toEqual([1, 2, 3, 4, 5, 6])
    await insertMeetingWithTwoQuestions(dataSource, STAMP)
    return { file, appealsSchema: await dataSource.query(APPEALS_SCHEMA) }
  } finally {
    await dataSource.destroy()
  }
}

/** `appeals` and its triggers as migration 0007 leaves them: a copy taken to version 7, no further. */
async function appealsSchemaAtVersion7(version6File: string): Promise<unknown[]> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  copyFileSync(version6File, file)
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  try {
    expect(await migrate(dataSource, MIGRATIONS.slice(0, 7))).toEqual([7])
    return await dataSource.query(APPEALS_SCHEMA)
  } finally {
    await dataSource.destroy()
  }
}

describe('migration 0007 on a version-6 database holding a meeting and its questions', () => {
  it('keeps them, starts the meeting with no measures, and takes new ones on its old questions', async () => {
    const { file, appealsSchema } = await version6Database()
    // `appeals` and its triggers untouched by 0007 itself (later migrations change them: their tests' concern)
    expect(await appealsSchemaAtVersion7(file)).toEqual(appealsSchema)
    const desk = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file })
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(7)
    expect((await desk.ok('app.info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION)

    const meeting = await desk.ok('meetings.get', { id: 1 })
    expect(meeting).toMatchObject({
      heldOn: '2026-01-22',
      attendance: 85,
      questionsCount: 2,
      measures: [],
      measureCounts: { total: 0, done: 0, overdue: 0 },
    })
    const question = meeting.questions.find((q) => q.regNumber === '2026-000002')!
    const measure = await desk.ok('measures.create', {
      meetingId: 1,
      text: 'Көпірді 2026 жылдың мамырында жөндеу',
      responsible: 'Аудандық құрылыс бөлімі',
      dueOn: '2026-03-31',
      appealId: question.id,
    })
    expect(measure).toMatchObject({ appealRegNumber: '2026-000002', state: 'overdue' })
    expect(await desk.sql('SELECT origin_office_uuid, imported_version FROM meeting_measures')).toEqual([
      { origin_office_uuid: null, imported_version: null },
    ])

    // The table's indices, unique uuid (the importer matches by it) and foreign keys (a meeting's measures go with it).
    const indices = await desk.sql<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'meeting_measures' AND sql IS NOT NULL ORDER BY name",
    )
    expect(indices.map((i) => i.name)).toEqual([
      'idx_meeting_measures_appeal',
      'idx_meeting_measures_due',
      'idx_meeting_measures_meeting',
    ])
    const [table] = await desk.sql<{ sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'meeting_measures'",
    )
    expect(table!.sql).toContain('UNIQUE ("uuid")')
    const keys = await desk.sql<{ table: string; from: string; on_delete: string }>(
      'PRAGMA foreign_key_list(meeting_measures)',
    )
    expect(keys.map((k) => [k.from, k.table, k.on_delete]).sort()).toEqual([
      ['appeal_id', 'appeals', 'SET NULL'],
      ['meeting_id', 'report_meetings', 'CASCADE'],
    ])

    // The office's package carries its measures.
    await desk.ok('office.update', {
      nameKk: 'Қоянды ауылдық округі',
      nameRu: 'Кояндинский сельский округ',
      district: '',
      region: '',
      headName: '',
      headPosition: '',
    })
    expect((await desk.ok('consolidation.exportPackage', {})).counts.measures).toBe(1)

    // Search finds the old questions, counts follow new appeals.
    expect((await desk.ok('appeals.list', { query: 'спорт залы' })).rows.map((r) => r.regNumber)).toEqual([
      '2026-000001',
    ])
    await desk.ok('meetings.addQuestions', {
      meetingId: 1,
      questions: [{ sectorId: await desk.sector('social'), summary: 'Су тапшы' }],
    })
    expect(await desk.sql('SELECT n FROM appeal_year_counts WHERE year = 2026 AND meeting = 1 AND n <> 0')).toEqual([
      { n: 3 },
    ])
    expect(await desk.sql('PRAGMA foreign_key_check')).toEqual([])
    expect(await desk.sql('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
  })
})
