import type { DataSource } from 'typeorm'
import { appealSearchText } from '@shared/domain/search'
import { auditHash, GENESIS_HASH } from '../../src/main/services/auditHash'

/**
 * Rows written straight into a database at an older schema version (no services: they speak
 * the latest schema), for the migration tests: a report meeting of 22 January 2026 (id 1) with
 * two questions, 2026-000001 and 2026-000002, in the social sector.
 */
export async function insertMeetingWithTwoQuestions(dataSource: DataSource, stamp: string): Promise<void> {
  await dataSource.query(
    `INSERT INTO report_meetings (uuid, held_on, place, speaker_name, speaker_position, format, attendance, created_at, updated_at)
     VALUES ('6a1d3c0e-7b2f-4c8d-9e0f-1a2b3c4d5e6f', '2026-01-22', 'Қоянды ауылының клубы', 'Әбілқасымов Серік', 'Ауыл әкімі', 'in_person', 85, ?, ?)`,
    [stamp, stamp],
  )
  const questions: [string, string][] = [
    ['2026-000001', 'Мектепке спорт залы керек'],
    ['2026-000002', 'Көпірді жөндеу'],
  ]
  for (const [reg, summary] of questions) {
    await dataSource.query(
      `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, meeting_id,
         applicant_kind, applicant_name, summary, status, due_on, review_due_on, search_text, created_at, updated_at)
       SELECT lower(hex(randomblob(16))), ?, '2026-01-22T12:00', '2026-01-22', 'report_meeting', 'request', s.id, 1,
         'individual', 'Нұрғалиева Әйгерім', ?, 'registered', '2026-02-12', '2026-02-12', ?, ?, ? FROM sectors s WHERE s.code = 'social'`,
      [reg, summary, appealSearchText(reg, 'Нұрғалиева Әйгерім', summary), stamp, stamp],
    )
  }
  await dataSource.query('INSERT INTO appeal_counters (year, last_number) VALUES (2026, 2)')
}

/**
 * History as the program wrote it before keyed history: entries chained by plain SHA-256
 * (services/auditHash.ts `auditHash`, the function the program used then), appended to the
 * chain already in the file. Returns the last hash.
 */
export async function appendPlainAuditEntries(
  dataSource: DataSource,
  entries: {
    at: string
    operator: string
    entity: string
    entityId: string
    field: string
    oldValue: string
    newValue: string
  }[],
): Promise<string> {
  const [last] = (await dataSource.query('SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1')) as {
    hash: string
  }[]
  let prev = last?.hash ?? GENESIS_HASH
  for (const e of entries) {
    const fields = { ...e, action: 'update' }
    const hash = auditHash(prev, fields)
    await dataSource.query(
      `INSERT INTO audit_entries (at, operator, entity, entity_id, action, field, old_value, new_value, prev_hash, hash)
       VALUES (?, ?, ?, ?, 'update', ?, ?, ?, ?, ?)`,
      [e.at, e.operator, e.entity, e.entityId, e.field, e.oldValue, e.newValue, prev, hash],
    )
    prev = hash
  }
  return prev
}
