import { TableColumn, TableIndex, type QueryRunner } from 'typeorm'
import type { Migration } from './types'

const nullable = (name: string, type: string, length?: string): TableColumn =>
  new TableColumn({ name, type, length, isNullable: true })

/**
 * Okrug → district consolidation keeps every appeal's own registration number without
 * colliding with the district's (reg_number is UNIQUE, and every office numbers 2025-000001
 * onwards): an imported appeal stores the okrug's number in `origin_reg_number` and, in
 * `reg_number`, that number prefixed with the short code the district gave its source office
 * (`2/2025-000014`). The executor of an imported appeal is a person of the okrug's staff, not
 * of the district's: their name is kept in `origin_executor_name`.
 *
 * `consolidation_sources.code` is that short code: 1, 2, 3… in order of first import. Sources
 * imported before this migration (none in practice: the feature ships with it) are numbered in
 * the order they were imported.
 */
export const consolidationNumbers: Migration = {
  version: 4,
  name: 'consolidation-numbers',
  async up(qr: QueryRunner) {
    // On SQLite this rebuilds `appeals`; the runner puts its triggers back (db/migrate.ts).
    await qr.addColumns('appeals', [
      nullable('origin_reg_number', 'varchar', '20'),
      nullable('origin_executor_name', 'varchar', '200'),
    ])

    await qr.addColumns('consolidation_sources', [nullable('code', 'integer')])
    const sources: { office_uuid: string }[] = await qr.query(
      'SELECT office_uuid FROM consolidation_sources ORDER BY imported_at, office_uuid',
    )
    const param = (name: string, index: number) => qr.connection.driver.createParameter(name, index)
    for (const [index, source] of sources.entries()) {
      await qr.query(
        `UPDATE consolidation_sources SET code = ${param('code', 0)} WHERE office_uuid = ${param('uuid', 1)}`,
        [index + 1, source.office_uuid],
      )
    }
    await qr.createIndex(
      'consolidation_sources',
      new TableIndex({ name: 'idx_consolidation_sources_code', columnNames: ['code'], isUnique: true }),
    )
    await qr.createIndex(
      'consolidation_conflicts',
      new TableIndex({ name: 'idx_conflicts_record', columnNames: ['entity', 'uuid'] }),
    )
  },
}
