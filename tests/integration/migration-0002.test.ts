import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import { appealInput, IIN, openDesk, person, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/**
 * Migration 0002 (clerk's work) on a database that already holds an office's rows: a
 * version-1 file with a report meeting and appeals registered under the version-1 schema is
 * opened by the full core. Nothing may be lost, old appeals must be searchable, their review
 * deadline is their deadline so far, and numbering continues after the highest number of
 * each year.
 */

const cleanup = useCleanup()
const STAMP = '2025-11-20T06:00:00.000Z'

interface Version1 {
  file: string
  meetingId: number
  oldAppealId: number
}

/** A version-1 database (only migration 0001 applied) holding rows, closed. */
async function version1Database(): Promise<Version1> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  try {
    expect(await migrate(dataSource, [MIGRATIONS[0]!])).toEqual([1])
    const q = (sql: string, params: unknown[] = []) => dataSource.query(sql, params)
    await q(
      `INSERT INTO localities (parent_id, kind, name_kk, name_ru, name_en, active, created_at, updated_at)
       VALUES (NULL, 'okrug', 'Қарабас ауылдық округі', 'Карабасский сельский округ', NULL, 1, ?, ?)`,
      [STAMP, STAMP],
    )
    await q(
      `INSERT INTO report_meetings (uuid, held_on, locality_id, place, speaker_name, speaker_position, format, attendance, notes, created_at, updated_at)
       VALUES ('5b0c7c1e-0000-4000-8000-000000000001', '2025-11-20', 1, 'Мәдениет үйі', 'Сәрсенбаев Ерлан', 'Ауыл әкімі', 'in_person', 85, NULL, ?, ?)`,
      [STAMP, STAMP],
    )
    const appeal = (
      uuid: string,
      regNumber: string,
      registeredOn: string,
      sectorCode: string,
      meetingId: number | null,
      name: string | null,
      idNumber: string | null,
      summary: string,
      status: string,
      dueOn: string,
    ) =>
      q(
        `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, locality_id, meeting_id,
           applicant_kind, applicant_name, applicant_id_number, summary, status, due_on, created_at, updated_at)
         SELECT ?, ?, ?, ?, 'reception', 'request', s.id, 1, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM sectors s WHERE s.code = ?`,
        [
          uuid,
          regNumber,
          `${registeredOn}T10:00`,
          registeredOn,
          meetingId,
          name ? 'individual' : 'anonymous',
          name,
          idNumber,
          summary,
          status,
          dueOn,
          STAMP,
          STAMP,
          sectorCode,
        ],
      )
    await appeal(
      '00000000-0000-4000-8000-000000000120',
      '2024-000120',
      '2024-12-02',
      'social',
      null,
      'Әбілқасымова Гүлжан',
      null,
      'Жәрдемақы тағайындау',
      'answered',
      '2024-12-23',
    )
    await appeal(
      '00000000-0000-4000-8000-000000000003',
      '2025-000003',
      '2025-10-06',
      'land',
      null,
      null,
      null,
      'Жер телімі заңсыз қоршалған',
      'in_progress',
      '2025-10-27',
    )
    await appeal(
      '00000000-0000-4000-8000-000000000007',
      '2025-000007',
      '2025-11-20',
      'housing',
      1,
      'Сейітқали Бақытжан Өмірұлы',
      IIN.nurlan,
      'Көшеде жарық жоқ, шамдар сынған',
      'registered',
      '2025-12-11',
    )
    const [old] = await q("SELECT id FROM appeals WHERE reg_number = '2025-000007'")
    return { file, meetingId: 1, oldAppealId: Number(old.id) }
  } finally {
    await dataSource.destroy()
  }
}

let v1: Version1
let desk: Desk

beforeEach(async () => {
  v1 = await version1Database()
  desk = await openDesk(cleanup, { now: '2025-12-22T12:00:00', file: v1.file })
})

describe('opening a version-1 database holding rows', () => {
  it('upgrades it to the latest version and keeps every row', async () => {
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(2)
    expect((await desk.ok('app.info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(await desk.count('appeals')).toBe(3)
    expect(await desk.count('report_meetings')).toBe(1)
    expect(await desk.sql('SELECT reg_number, status, due_on FROM appeals ORDER BY reg_number')).toEqual([
      { reg_number: '2024-000120', status: 'answered', due_on: '2024-12-23' },
      // open and anonymous outside a meeting: not considered since migration 0014 (APPK)
      { reg_number: '2025-000003', status: 'left_without_consideration', due_on: '2025-10-27' },
      { reg_number: '2025-000007', status: 'registered', due_on: '2025-12-11' },
    ])
  })

  it('gives old appeals their review deadline (review_due_on = due_on) and the new columns their defaults', async () => {
    const rows = await desk.sql<{
      due_on: string
      review_due_on: string
      collective: number
      repeated: number
      search_text: string
    }>('SELECT due_on, review_due_on, collective, repeated, search_text FROM appeals')
    for (const row of rows) {
      expect(row.review_due_on).toBe(row.due_on)
      expect(row).toMatchObject({ collective: 0, repeated: 0 })
      expect(row.search_text).not.toBe('')
    }
    const old = await desk.ok('appeals.get', { id: v1.oldAppealId })
    expect(old).toMatchObject({
      regNumber: '2025-000007',
      registeredOn: '2025-11-20',
      dueOn: '2025-12-11',
      reviewDueOn: '2025-12-11',
      applicantName: 'Сейітқали Бақытжан Өмірұлы',
      meetingId: v1.meetingId,
      status: 'registered',
      overdue: true, // due 11 December, today 22 December
      extension: null,
      acceptedBy: null,
    })
  })

  it('finds old appeals by folded text, by number, and by IIN', async () => {
    const search = async (query: string) => (await desk.ok('appeals.list', { query })).rows.map((r) => r.regNumber)
    expect(await search('Сейиткали')).toEqual(['2025-000007'])
    expect(await search('кошеде')).toEqual(['2025-000007'])
    expect(await search('Абилкасымова')).toEqual(['2024-000120'])
    expect(await search('2025-000003')).toEqual(['2025-000003'])
    const applicants = await desk.ok('appeals.findApplicants', { query: IIN.nurlan.slice(0, 8) })
    expect(applicants.map((a) => a.latest.map((s) => s.regNumber))).toEqual([['2025-000007']])
  })

  it('indexes appeals registered after the upgrade (the search triggers survive every migration)', async () => {
    await desk.ok(
      'appeals.create',
      // without an IIN: the old rows hold this desk's usual IIN under another name
      appealInput(await desk.sector('housing'), {
        receivedAt: '2025-12-22T10:00',
        summary: 'Водопровод тартылмаған',
        applicant: person({ iin: null }),
      }),
    )
    expect((await desk.ok('appeals.list', { query: 'водопр' })).rows.map((r) => r.regNumber)).toEqual(['2025-000008'])
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
  })

  it('keeps the meeting with its question', async () => {
    const meeting = await desk.ok('meetings.get', { id: v1.meetingId })
    expect(meeting).toMatchObject({
      heldOn: '2025-11-20',
      place: 'Мәдениет үйі',
      attendance: 85,
      broadcastLink: null,
      questionsCount: 1,
    })
    expect(meeting.questions.map((q) => q.regNumber)).toEqual(['2025-000007'])
  })

  it('continues numbering after the highest number of each year', async () => {
    expect(await desk.sql('SELECT year, last_number FROM appeal_counters ORDER BY year')).toEqual([
      { year: 2024, last_number: 120 },
      { year: 2025, last_number: 7 },
    ])
    const next = await desk.ok(
      'appeals.create',
      appealInput(await desk.sector('housing'), { receivedAt: '2025-12-22T10:00', applicant: person({ iin: null }) }),
    )
    // the highest 2025 number is 7 (there are only two 2025 rows: counting them would give 3, a duplicate)
    expect(next.regNumber).toBe('2025-000008')
    expect(next.dueOn).toBe('2026-01-15')
  })

  it('lets the old appeals go on through their lifecycle', async () => {
    const answered = await desk.ok('appeals.transition', { id: v1.oldAppealId, to: 'in_progress' })
    expect(answered.status).toBe('in_progress')
    const done = await desk.ok('appeals.transition', {
      id: v1.oldAppealId,
      to: 'answered',
      outcome: 'satisfied_fully',
      answerText: 'Шамдар ауыстырылды',
      answeredOn: '2025-12-10',
    })
    expect(done).toMatchObject({ status: 'answered', answeredOnTime: true })
  })
})
