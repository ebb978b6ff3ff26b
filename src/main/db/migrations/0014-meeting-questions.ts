import { Table, TableIndex, type QueryRunner } from 'typeorm'
import type { Migration } from './types'

/** One change this migration made to a row, as the history will record it. */
interface Change {
  id: number
  field: string
  oldValue: string | null
  newValue: string
}

/**
 * One definition of a meeting question, and anonymous appeals as the APPK has them:
 * - a question of a meeting (meeting_id set) has the channel `report_meeting`, and no other
 *   appeal has it (a reception appeal entered with that channel becomes `reception`);
 * - a nameless question of a meeting is "raised at a meeting" (`at_meeting`), not anonymous;
 * - an anonymous appeal outside meetings still open is left without consideration, with the
 *   legal reason's code `anonymous` (one already answered keeps what the office did).
 * The partial index of meeting questions is now over meeting_id, the definition every report
 * counts by. Each change is written to `migration_changes`, which the program, once the
 * history's key is loaded, moves into the history and names in its log (services/migrationChanges.ts).
 * Self-contained: it reads and writes `appeals` with SQL only.
 */
export const meetingQuestions: Migration = {
  version: 14,
  name: 'meeting-questions',
  async up(qr: QueryRunner) {
    await qr.createTable(
      new Table({
        name: 'migration_changes',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'version', type: 'integer' },
          { name: 'entity', type: 'varchar', length: '32' },
          { name: 'entity_id', type: 'varchar', length: '64' },
          { name: 'field', type: 'varchar', length: '64' },
          { name: 'old_value', type: 'text', isNullable: true },
          { name: 'new_value', type: 'text', isNullable: true },
        ],
      }),
    )

    const changes: Change[] = []
    const change = async (field: string, newValue: string, where: string) => {
      const rows: { id: number; old: string | null }[] = await qr.query(
        `SELECT id, ${field} AS old FROM appeals WHERE ${where} ORDER BY id`,
      )
      if (rows.length === 0) return
      await qr.query(`UPDATE appeals SET ${field} = '${newValue}' WHERE ${where}`)
      for (const r of rows) changes.push({ id: Number(r.id), field, oldValue: r.old, newValue })
    }
    const openAnonymous =
      "meeting_id IS NULL AND applicant_kind = 'anonymous' AND status IN ('registered', 'in_progress')"
    await change('applicant_kind', 'at_meeting', "meeting_id IS NOT NULL AND applicant_kind = 'anonymous'")
    await change('channel', 'report_meeting', "meeting_id IS NOT NULL AND channel <> 'report_meeting'")
    await change('channel', 'reception', "meeting_id IS NULL AND channel = 'report_meeting'")
    // the reason first: the status change is what selects the rows
    await change('closing_reason', 'anonymous', openAnonymous)
    await change('status', 'left_without_consideration', openAnonymous)

    const p = (i: number) => qr.connection.driver.createParameter(`p${i}`, i)
    for (const c of changes)
      await qr.query(
        `INSERT INTO migration_changes (version, entity, entity_id, field, old_value, new_value)
         VALUES (14, 'appeal', ${p(0)}, ${p(1)}, ${p(2)}, ${p(3)})`,
        [String(c.id), c.field, c.oldValue, c.newValue],
      )

    await qr.dropIndex('appeals', 'idx_appeals_meeting_questions')
    await qr.createIndex(
      'appeals',
      new TableIndex({
        name: 'idx_appeals_meeting_questions',
        // meeting_id in the index too, so that the count is answered from the index alone
        columnNames: ['registered_on', 'sector_id', 'meeting_id'],
        where: 'meeting_id IS NOT NULL',
      }),
    )
  },
}
