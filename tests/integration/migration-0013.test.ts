import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/main/db/migrate'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { insertMeetingWithTwoQuestions } from '../helpers/olderDatabase'

/**
 * Migration 0013 on a version-12 database holding three appeals of 2026 and a day off the
 * office entered itself (Thursday 26 March 2026): the stored notice and redirect due dates come
 * from what each row holds, counted on the calendar rows in that database.
 *
 * Worked by hand, with Nauryz (21-25 March) and the office's 26 March off:
 * - extended by a decision of Friday 20 March: 27, 30, 31 March → notice due 31 March;
 * - registered Monday 16 March, redirected: 17, 18, 19 March → redirect due 19 March, and
 *   redirected on 3 April it is late;
 * - the third, neither extended nor redirected, gets neither.
 */

const cleanup = useCleanup()
const STAMP = '2026-04-01T06:00:00.000Z'

describe('migration 0013 on a version-12 database holding appeals', () => {
  it('stores the notice and redirect due dates of existing rows from the calendar in the database', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
    await dataSource.initialize()
    const upTo12 = MIGRATIONS.filter((m) => m.version <= 12)
    await migrate(dataSource, upTo12)
    await insertMeetingWithTwoQuestions(dataSource, STAMP)
    await dataSource.query(
      "INSERT INTO calendar_days (date, kind, note, source, origin, confirmed) VALUES ('2026-03-26', 'day_off', 'Аудан әкімінің шешімі', '', 'office', 1)",
    )
    // the two questions become an extended appeal and a redirected one; a third stays as it is
    await dataSource.query(
      `UPDATE appeals SET registered_on = '2026-03-16', received_at = '2026-03-16T10:00', extension_decided_on = '2026-03-20',
         extension_reason = 'Тексеру', due_on = '2026-05-15' WHERE reg_number = '2026-000001'`,
    )
    await dataSource.query(
      `UPDATE appeals SET registered_on = '2026-03-16', received_at = '2026-03-16T10:00', status = 'redirected',
         redirected_to = 'Облыс', redirected_on = '2026-04-03' WHERE reg_number = '2026-000002'`,
    )
    await dataSource.query(
      `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, applicant_kind,
         applicant_name, summary, status, due_on, review_due_on, search_text, created_at, updated_at)
       SELECT lower(hex(randomblob(16))), '2026-000003', '2026-03-17T10:00', '2026-03-17', 'reception', 'request', s.id,
         'individual', 'Сейітов Арман', 'Жол', 'registered', '2026-04-09', '2026-04-09', '', ?, ? FROM sectors s WHERE s.code = 'social'`,
      [STAMP, STAMP],
    )
    const before = await dataSource.query('SELECT id, reg_number, status, due_on FROM appeals ORDER BY id')
    await dataSource.destroy()

    const desk = await openDesk(cleanup, { now: '2026-04-20T10:00:00', file })
    expect(await desk.sql('SELECT id, reg_number, status, due_on FROM appeals ORDER BY id')).toEqual(before)
    expect(await desk.sql('SELECT reg_number, notice_due_on, redirect_due_on FROM appeals ORDER BY id')).toEqual([
      { reg_number: '2026-000001', notice_due_on: '2026-03-31', redirect_due_on: null },
      { reg_number: '2026-000002', notice_due_on: null, redirect_due_on: '2026-03-19' },
      { reg_number: '2026-000003', notice_due_on: null, redirect_due_on: null },
    ])
    const [extended, redirected] = [await desk.ok('appeals.get', { id: 1 }), await desk.ok('appeals.get', { id: 2 })]
    expect(extended.extension?.noticeDueOn).toBe('2026-03-31')
    expect(redirected).toMatchObject({ redirectDueOn: '2026-03-19', redirectLate: true })
    expect(redirected.redirect?.dueOn).toBe('2026-03-19')
  })
})
