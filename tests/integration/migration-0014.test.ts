import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { appealSearchText } from '@shared/domain/search'
import { migrate } from '../../src/main/db/migrate'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { useCleanup } from '../helpers/cleanup'
import { ADMIN } from '../helpers/context'
import { startTestCore } from '../helpers/core'
import { insertMeetingWithTwoQuestions } from '../helpers/olderDatabase'

/**
 * Migration 0014 on a version-12 database holding rows as clerks once entered them. The
 * meeting of 22 January 2026 (id 1) has its two named questions (2026-000001, -000002) and:
 *
 *   2026-000003  in the meeting, anonymous, channel report_meeting → raised at a meeting
 *   2026-000004  in the meeting, an individual, channel written   → channel report_meeting
 *   2026-000005  no meeting, an individual, channel report_meeting → channel reception
 *   2026-000006  no meeting, anonymous, registered                → not considered (anonymous)
 *   2026-000007  no meeting, anonymous, answered                  → kept as the office left it
 *   2026-000008  no meeting, an individual, reception, registered → untouched
 *
 * Each change is one history entry (action 'migrate') and the log names the changed appeals.
 */

const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'

type Row = [reg: string, meeting: number | null, kind: string, channel: string, status: string]
const ROWS: Row[] = [
  ['2026-000003', 1, 'anonymous', 'report_meeting', 'registered'],
  ['2026-000004', 1, 'individual', 'written', 'in_progress'],
  ['2026-000005', null, 'individual', 'report_meeting', 'registered'],
  ['2026-000006', null, 'anonymous', 'reception', 'registered'],
  ['2026-000007', null, 'anonymous', 'written', 'answered'],
  ['2026-000008', null, 'individual', 'reception', 'registered'],
]

async function version12Database(): Promise<string> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  try {
    const upTo12 = MIGRATIONS.filter((m) => m.version <= 12)
    expect(await migrate(dataSource, upTo12)).toEqual(upTo12.map((m) => m.version))
    await insertMeetingWithTwoQuestions(dataSource, STAMP)
    for (const [reg, meeting, kind, channel, status] of ROWS) {
      const name = kind === 'individual' ? 'Сейітқали Бақытжан' : null
      await dataSource.query(
        `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, meeting_id,
           applicant_kind, applicant_name, summary, status, due_on, review_due_on, search_text, created_at, updated_at)
         SELECT lower(hex(randomblob(16))), ?, '2026-01-22T12:00', '2026-01-22', ?, 'request', s.id, ?, ?, ?,
           'Су құбыры', ?, '2026-02-12', '2026-02-12', ?, ?, ? FROM sectors s WHERE s.code = 'social'`,
        [reg, channel, meeting, kind, name, status, appealSearchText(reg, name, 'Су құбыры'), STAMP, STAMP],
      )
    }
    await dataSource.query('UPDATE appeal_counters SET last_number = 8 WHERE year = 2026')
    return file
  } finally {
    await dataSource.destroy()
  }
}

const COUNTS = `SELECT
    SUM(meeting_id IS NOT NULL) AS meeting_questions,
    SUM(channel = 'report_meeting') AS meeting_channel,
    SUM(applicant_kind = 'anonymous') AS anonymous,
    SUM(applicant_kind = 'at_meeting') AS at_meeting,
    SUM(status IN ('registered', 'in_progress')) AS open
  FROM appeals`

describe('migration 0014 on a version-12 database holding rows', () => {
  it('gives meeting questions their channel and kind, closes open anonymous appeals, and reports each change', async () => {
    const file = await version12Database()
    const probe = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
    await probe.initialize()
    const before = (await probe.query(COUNTS))[0]
    await probe.destroy()
    // the channel and the meeting disagreed in both ways: 4 questions, 4 on the meeting channel, 2 of them others
    expect(before).toEqual({ meeting_questions: 4, meeting_channel: 4, anonymous: 3, at_meeting: 0, open: 7 })

    const logged: string[] = []
    const core = await startTestCore(file, {
      clock: () => new Date('2026-04-10T10:00:00'),
      log: (message) => logged.push(message),
    })
    cleanup.defer(() => core.close())
    const db = core.database.dataSource
    expect((await db.query(COUNTS))[0]).toEqual({
      meeting_questions: 4,
      meeting_channel: 4,
      anonymous: 2,
      at_meeting: 1,
      open: 6,
    })
    expect(
      await db.query(
        'SELECT reg_number, channel, applicant_kind, status, closing_reason, due_on FROM appeals WHERE id > 2 ORDER BY id',
      ),
    ).toEqual([
      row('2026-000003', 'report_meeting', 'at_meeting', 'registered'),
      row('2026-000004', 'report_meeting', 'individual', 'in_progress'),
      row('2026-000005', 'reception', 'individual', 'registered'),
      { ...row('2026-000006', 'reception', 'anonymous', 'left_without_consideration'), closing_reason: 'anonymous' },
      row('2026-000007', 'written', 'anonymous', 'answered'),
      row('2026-000008', 'reception', 'individual', 'registered'),
    ])

    const history = await db.query(
      "SELECT entity_id, field, old_value, new_value, operator, hash FROM audit_entries WHERE action = 'migrate' ORDER BY id",
    )
    expect(history.map(({ hash: _, ...h }: { hash: string }) => h)).toEqual([
      entry('3', 'applicant_kind', 'anonymous', 'at_meeting'),
      entry('4', 'channel', 'written', 'report_meeting'),
      entry('5', 'channel', 'report_meeting', 'reception'),
      entry('6', 'closing_reason', null, 'anonymous'),
      entry('6', 'status', 'registered', 'left_without_consideration'),
    ])
    for (const h of history) expect(h.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(await db.query('SELECT COUNT(*) AS n FROM migration_changes')).toEqual([{ n: 0 }])
    expect(logged).toContain(
      'Migration 14 changed 4 record(s): appeal 3, appeal 4, appeal 5, appeal 6 (written into the history)',
    )
    // the history still verifies with the entries the upgrade wrote
    const verified = await core.dispatch('audit.verify', {}, ADMIN)
    expect(verified).toMatchObject({ ok: true, data: { firstBroken: null } })
  })
})

function row(reg: string, channel: string, kind: string, status: string) {
  return { reg_number: reg, channel, applicant_kind: kind, status, closing_reason: null, due_on: '2026-02-12' }
}

function entry(id: string, field: string, oldValue: string | null, newValue: string) {
  return { entity_id: id, field, old_value: oldValue, new_value: newValue, operator: null }
}
