import { Table, TableIndex, type QueryRunner, type TableColumnOptions } from 'typeorm'
import type { Migration } from './types'
import { INITIAL_SECTORS } from './0001-data/sectors'
import { insertRows } from './0001-data/rows'

const id: TableColumnOptions = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
}
const stamp = (name: string): TableColumnOptions => ({ name, type: 'varchar', length: '32' })
const name = (column: string, isNullable = false): TableColumnOptions => ({
  name: column,
  type: 'varchar',
  length: '200',
  isNullable,
})
const uuid: TableColumnOptions = { name: 'uuid', type: 'varchar', length: '36', isUnique: true }

export const initialSchema: Migration = {
  version: 1,
  name: 'initial-schema',
  async up(qr: QueryRunner) {
    await qr.createTable(
      new Table({
        name: 'sectors',
        columns: [
          id,
          { name: 'code', type: 'varchar', length: '32', isUnique: true },
          name('name_kk'),
          name('name_ru'),
          name('name_en'),
          { name: 'sort_order', type: 'integer' },
          { name: 'active', type: 'boolean', default: true },
          stamp('created_at'),
          stamp('updated_at'),
        ],
      }),
    )

    await qr.createTable(
      new Table({
        name: 'localities',
        columns: [
          id,
          { name: 'parent_id', type: 'integer', isNullable: true },
          { name: 'kind', type: 'varchar', length: '16' },
          name('name_kk'),
          name('name_ru'),
          name('name_en', true),
          { name: 'active', type: 'boolean', default: true },
          stamp('created_at'),
          stamp('updated_at'),
        ],
        foreignKeys: [{ columnNames: ['parent_id'], referencedTableName: 'localities', referencedColumnNames: ['id'] }],
      }),
    )

    await qr.createTable(
      new Table({
        name: 'report_meetings',
        columns: [
          id,
          uuid,
          { name: 'held_on', type: 'date' },
          { name: 'locality_id', type: 'integer', isNullable: true },
          { name: 'place', type: 'varchar', length: '300' },
          name('speaker_name'),
          name('speaker_position'),
          { name: 'format', type: 'varchar', length: '16' },
          { name: 'attendance', type: 'integer', isNullable: true },
          { name: 'notes', type: 'text', isNullable: true },
          stamp('created_at'),
          stamp('updated_at'),
        ],
        foreignKeys: [
          { columnNames: ['locality_id'], referencedTableName: 'localities', referencedColumnNames: ['id'] },
        ],
        indices: [new TableIndex({ name: 'idx_report_meetings_held_on', columnNames: ['held_on'] })],
      }),
    )

    await qr.createTable(
      new Table({
        name: 'appeals',
        columns: [
          id,
          uuid,
          { name: 'reg_number', type: 'varchar', length: '20', isUnique: true },
          stamp('received_at'),
          { name: 'registered_on', type: 'date' },
          { name: 'channel', type: 'varchar', length: '32' },
          { name: 'appeal_type', type: 'varchar', length: '32' },
          { name: 'sector_id', type: 'integer' },
          { name: 'locality_id', type: 'integer', isNullable: true },
          { name: 'meeting_id', type: 'integer', isNullable: true },
          { name: 'applicant_kind', type: 'varchar', length: '16' },
          { name: 'applicant_name', type: 'varchar', length: '300', isNullable: true },
          { name: 'applicant_id_number', type: 'varchar', length: '12', isNullable: true },
          { name: 'summary', type: 'text' },
          { name: 'status', type: 'varchar', length: '32' },
          { name: 'due_on', type: 'date' },
          stamp('created_at'),
          stamp('updated_at'),
        ],
        foreignKeys: [
          { columnNames: ['sector_id'], referencedTableName: 'sectors', referencedColumnNames: ['id'] },
          { columnNames: ['locality_id'], referencedTableName: 'localities', referencedColumnNames: ['id'] },
          { columnNames: ['meeting_id'], referencedTableName: 'report_meetings', referencedColumnNames: ['id'] },
        ],
        indices: [
          new TableIndex({ name: 'idx_appeals_registered_sector', columnNames: ['registered_on', 'sector_id'] }),
          new TableIndex({ name: 'idx_appeals_meeting', columnNames: ['meeting_id'] }),
          new TableIndex({ name: 'idx_appeals_applicant_id_number', columnNames: ['applicant_id_number'] }),
        ],
      }),
    )

    await qr.createTable(
      new Table({
        name: 'settings',
        columns: [
          { name: 'key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'text' },
          stamp('updated_at'),
        ],
      }),
    )

    await qr.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          id,
          stamp('at'),
          { name: 'operator', type: 'varchar', length: '200', isNullable: true },
          { name: 'entity', type: 'varchar', length: '32' },
          { name: 'entity_id', type: 'varchar', length: '64' },
          { name: 'action', type: 'varchar', length: '16' },
          { name: 'field', type: 'varchar', length: '64', isNullable: true },
          { name: 'old_value', type: 'text', isNullable: true },
          { name: 'new_value', type: 'text', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_audit_entity', columnNames: ['entity', 'entity_id'] })],
      }),
    )

    const now = new Date().toISOString()
    await insertRows(
      qr,
      'sectors',
      INITIAL_SECTORS.map((sector, index) => ({
        code: sector.code,
        name_kk: sector.nameKk,
        name_ru: sector.nameRu,
        name_en: sector.nameEn,
        sort_order: index + 1,
        active: true,
        created_at: now,
        updated_at: now,
      })),
    )
  },
}
