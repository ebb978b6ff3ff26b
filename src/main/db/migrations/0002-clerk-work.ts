import { Table, TableColumn, TableForeignKey, TableIndex, type QueryRunner, type TableColumnOptions } from 'typeorm'
import type { Migration } from './types'
import { insertRows, updateRow } from './0001-data/rows'
import { createAppealSearchIndex } from './0002-data/searchIndex'
import { appealSearchText } from './0002-data/searchText'
import shippedCalendar from './0002-data/calendar-kz-2025-2027.json'

const id: TableColumnOptions = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
}
const stamp = (name: string): TableColumnOptions => ({ name, type: 'varchar', length: '32' })
const nullable = (name: string, type: string, length?: string): TableColumn =>
  new TableColumn({ name, type, length, isNullable: true })

/**
 * The clerk's daily work: staff (operators and executors), the working-day calendar, the
 * per-year registration counters, the full appeal record, meeting details, and the search index:
 * on SQLite the full-text index over appeals (its triggers and contents are the runner's:
 * migrate.ts), on PostgreSQL a trigram index over the folded column.
 */
export const clerkWork: Migration = {
  version: 2,
  name: 'clerk-work',
  async up(qr: QueryRunner) {
    await qr.createTable(
      new Table({
        name: 'staff',
        columns: [
          id,
          { name: 'full_name', type: 'varchar', length: '200' },
          { name: 'position', type: 'varchar', length: '200' },
          { name: 'department', type: 'varchar', length: '200', isNullable: true },
          { name: 'is_executor', type: 'boolean', default: true },
          { name: 'active', type: 'boolean', default: true },
          stamp('created_at'),
          stamp('updated_at'),
        ],
      }),
    )

    await qr.createTable(
      new Table({
        name: 'calendar_days',
        columns: [
          { name: 'date', type: 'date', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'note', type: 'varchar', length: '300', default: "''" },
        ],
      }),
    )
    await insertRows(qr, 'calendar_days', shippedCalendar.days)

    // One row per registration year: numbers are never reused, even if an appeal is removed.
    await qr.createTable(
      new Table({
        name: 'appeal_counters',
        columns: [
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'last_number', type: 'integer' },
        ],
      }),
    )
    // Appeals registered before this migration keep their numbers; count them in.
    const existing: { year: string; last: number }[] = await qr.query(
      'SELECT substr(reg_number, 1, 4) AS year, MAX(CAST(substr(reg_number, 6) AS integer)) AS last FROM appeals GROUP BY substr(reg_number, 1, 4)',
    )
    await insertRows(
      qr,
      'appeal_counters',
      existing.map((row) => ({ year: Number(row.year), last_number: Number(row.last) })),
    )

    await qr.addColumns('appeals', [
      nullable('external_number', 'varchar', '64'),
      nullable('applicant_surname', 'varchar', '100'),
      nullable('applicant_first_name', 'varchar', '100'),
      nullable('applicant_patronymic', 'varchar', '100'),
      nullable('applicant_phone', 'varchar', '32'),
      nullable('applicant_address', 'varchar', '300'),
      new TableColumn({ name: 'collective', type: 'boolean', default: false }),
      nullable('signatories', 'integer'),
      nullable('executor_id', 'integer'),
      nullable('accepted_by_id', 'integer'),
      nullable('outcome', 'varchar', '32'),
      nullable('answer_text', 'text'),
      nullable('answered_on', 'date'),
      nullable('closing_reason', 'text'),
      // The first deadline (15 working days); due_on holds the one in force after an extension.
      nullable('review_due_on', 'date'),
      nullable('extension_reason', 'text'),
      nullable('extension_decided_on', 'date'),
      nullable('extension_notified_on', 'date'),
      nullable('redirected_to', 'varchar', '300'),
      nullable('redirected_on', 'date'),
      new TableColumn({ name: 'repeated', type: 'boolean', default: false }),
      nullable('repeated_of_id', 'integer'),
      new TableColumn({ name: 'search_text', type: 'text', default: "''" }),
    ])
    await qr.createForeignKeys('appeals', [
      new TableForeignKey({
        columnNames: ['executor_id'],
        referencedTableName: 'staff',
        referencedColumnNames: ['id'],
      }),
      new TableForeignKey({
        columnNames: ['accepted_by_id'],
        referencedTableName: 'staff',
        referencedColumnNames: ['id'],
      }),
      new TableForeignKey({
        columnNames: ['repeated_of_id'],
        referencedTableName: 'appeals',
        referencedColumnNames: ['id'],
      }),
    ])
    await qr.createIndices('appeals', [
      new TableIndex({ name: 'idx_appeals_status_due', columnNames: ['status', 'due_on'] }),
      new TableIndex({ name: 'idx_appeals_received_at', columnNames: ['received_at'] }),
      new TableIndex({ name: 'idx_appeals_executor', columnNames: ['executor_id'] }),
      new TableIndex({ name: 'idx_appeals_applicant_name', columnNames: ['applicant_name', 'locality_id'] }),
    ])

    // Rows registered before this migration: their deadline so far is the review deadline, and
    // they get their search text so that search finds them too.
    const rows: { id: number; reg_number: string; applicant_name: string | null; summary: string }[] = await qr.query(
      'SELECT id, reg_number, applicant_name, summary FROM appeals',
    )
    for (const row of rows) {
      await updateRow(qr, 'appeals', row.id, {
        search_text: appealSearchText(row.reg_number, row.applicant_name, row.summary),
      })
    }
    await qr.query('UPDATE appeals SET review_due_on = due_on')

    await qr.addColumns('report_meetings', [nullable('broadcast_link', 'varchar', '500')])

    if (qr.connection.options.type === 'better-sqlite3') await createAppealSearchIndex(qr)
    else if (qr.connection.options.type === 'postgres') {
      // PostgreSQL searches the folded column itself: a trigram index serves the word-prefix
      // patterns the search sends (pg_trgm is a trusted extension: the database's owner may add it).
      await qr.query('CREATE EXTENSION IF NOT EXISTS pg_trgm')
      await qr.query('CREATE INDEX idx_appeals_search_trgm ON appeals USING gin (search_text gin_trgm_ops)')
    }
  },
}
