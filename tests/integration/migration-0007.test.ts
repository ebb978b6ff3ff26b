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
 * ones tied to its old questions, and the appeals' search and yearly counts still work (the
 * migration adds a table and must not disturb `appeals` or its triggers).
 */

const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'

async function version6Database(): Promise<string> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  try {
    expect(await migrate(dataSource, MIGRATIONS.slice(0, 6))).toEqual([1, 2, 3, 4, 5, 6])
    await insertMeetingWithTwoQuestions(dataSource, STAMP)
    return file
  } finally {
    await dataSource.destroy()
  }
}

describe('migration 0007 on a version-6 database holding a meeting and its questions', () => {
  it('keeps them, starts the meeting with no measures, and takes new ones on its old questions', async () => {
    const file = await version6Database()
    const desk = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file })
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(7)
    expect((await desk.ok('app.info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION)

    const meeting = await desk.ok('meetings.get', { id: 1 })
    expect(meeting).toMatchObject({ heldOn: '2026-01-22', attendance: 85, questionsCount: 2, measures: [], measureCounts: { total: 0, done: 0, overdue: 0 } })
    const question = meeting.questions.find((q) => q.regNumber === '2026-000002')!
    const measure = await desk.ok('measures.create', {
      meetingId: 1,
      text: 'Көпірді 2026 жылдың мамырында жөндеу',
      responsible: 'Аудандық құрылыс бөлімі',
      dueOn: '2026-03-31',
      appealId: question.id,
    })
    expect(measure).toMatchObject({ appealRegNumber: '2026-000002', state: 'overdue' })

    // `appeals` and its triggers untouched: search finds the old questions, counts follow new appeals.
    expect((await desk.ok('appeals.list', { query: 'спорт залы' })).rows.map((r) => r.regNumber)).toEqual(['2026-000001'])
    await desk.ok('meetings.addQuestions', { meetingId: 1, questions: [{ sectorId: await desk.sector('social'), summary: 'Су тапшы' }] })
    expect(await desk.sql("SELECT n FROM appeal_year_counts WHERE year = 2026 AND meeting = 1 AND n <> 0")).toEqual([{ n: 3 }])
    expect(await desk.sql('PRAGMA foreign_key_check')).toEqual([])
  })
})
