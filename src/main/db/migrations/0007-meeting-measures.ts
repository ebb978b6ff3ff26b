import { Table, TableIndex, type QueryRunner } from 'typeorm'
import type { Migration } from './types'

/**
 * The measures promised at report meetings (DESIGN: "the measures promised with a responsible
 * body and a deadline, and whether they were done"). A new table only: no existing row
 * changes, and `appeals` is not rebuilt (so its triggers stay as they are). Measures travel in
 * okrug → district packages, so, like the other consolidated tables, a measure remembers the
 * office it came from and the version (its `updated_at` there) imported; both are null for the
 * office's own.
 */
export const meetingMeasures: Migration = {
  version: 7,
  name: 'meeting-measures',
  async up(qr: QueryRunner) {
    await qr.createTable(
      new Table({
        name: 'meeting_measures',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'uuid', type: 'varchar', length: '36', isUnique: true },
          { name: 'meeting_id', type: 'integer' },
          { name: 'text', type: 'text' },
          { name: 'responsible', type: 'varchar', length: '300' },
          { name: 'due_on', type: 'date' },
          { name: 'appeal_id', type: 'integer', isNullable: true },
          { name: 'done_on', type: 'date', isNullable: true },
          { name: 'done_note', type: 'text', isNullable: true },
          { name: 'origin_office_uuid', type: 'varchar', length: '36', isNullable: true },
          { name: 'imported_version', type: 'varchar', length: '32', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '32' },
          { name: 'updated_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          {
            columnNames: ['meeting_id'],
            referencedTableName: 'report_meetings',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['appeal_id'],
            referencedTableName: 'appeals',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [
          new TableIndex({ name: 'idx_meeting_measures_meeting', columnNames: ['meeting_id', 'due_on'] }),
          // "What is overdue": open measures by deadline, for the dashboard and the press summary.
          new TableIndex({ name: 'idx_meeting_measures_due', columnNames: ['due_on', 'done_on'] }),
          new TableIndex({ name: 'idx_meeting_measures_appeal', columnNames: ['appeal_id'] }),
        ],
      }),
    )
  },
}
