import { TableColumn, type QueryRunner } from 'typeorm'
import type { Migration } from './types'

const nullable = (name: string, type: string, length: string): TableColumn => new TableColumn({ name, type, length, isNullable: true })

/**
 * Measures travel in okrug → district packages like meetings do, so a measure remembers, as
 * the other consolidated tables do since migration 0003, which office it came from and the
 * version (its `updated_at` there) imported, to tell a newer edit from a conflicting one.
 * Both are null for the office's own measures, i.e. for every row this migration finds.
 *
 * On SQLite, TypeORM adds columns by rebuilding `meeting_measures` (its indices and foreign
 * keys are recreated with it); no other table is rebuilt, so `appeals` keeps its triggers.
 */
export const measureOrigins: Migration = {
  version: 8,
  name: 'measure-origins',
  async up(qr: QueryRunner) {
    await qr.addColumns('meeting_measures', [nullable('origin_office_uuid', 'varchar', '36'), nullable('imported_version', 'varchar', '32')])
  },
}
