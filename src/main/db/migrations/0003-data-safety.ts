import { randomUUID } from 'node:crypto'
import { Table, TableColumn, TableIndex, type QueryRunner } from 'typeorm'
import type { Migration } from './types'
import { insertRows, updateRow } from './0001-data/rows'
import { auditHash, GENESIS_HASH } from './0003-data/auditHash'

const nullable = (name: string, type: string, length?: string): TableColumn =>
  new TableColumn({ name, type, length, isNullable: true })

/**
 * Data safety and data coming in: the audit trail becomes tamper-evident (each entry carries
 * the hash of the one before; SQLite refuses updates and deletes of audit rows), every office
 * gets a stable identity and localities stable ids for okrug → district consolidation, imported
 * records remember where they came from, and spreadsheet imports remember each row's fingerprint.
 */
export const dataSafety: Migration = {
  version: 3,
  name: 'data-safety',
  async up(qr: QueryRunner) {
    // --- tamper-evident audit trail
    await qr.addColumns('audit_entries', [nullable('prev_hash', 'varchar', '64'), nullable('hash', 'varchar', '64')])
    const entries: Record<string, unknown>[] = await qr.query(
      'SELECT id, at, operator, entity, entity_id, action, field, old_value, new_value FROM audit_entries ORDER BY id',
    )
    let prev = GENESIS_HASH
    for (const e of entries) {
      const hash = auditHash(prev, {
        at: String(e.at),
        operator: (e.operator as string | null) ?? null,
        entity: String(e.entity),
        entityId: String(e.entity_id),
        action: String(e.action),
        field: (e.field as string | null) ?? null,
        oldValue: (e.old_value as string | null) ?? null,
        newValue: (e.new_value as string | null) ?? null,
      })
      await updateRow(qr, 'audit_entries', Number(e.id), { prev_hash: prev, hash })
      prev = hash
    }

    // --- stable identities for consolidation
    await qr.addColumns('localities', [nullable('uuid', 'varchar', '36')])
    const localities: { id: number }[] = await qr.query('SELECT id FROM localities')
    for (const l of localities) await updateRow(qr, 'localities', l.id, { uuid: randomUUID() })
    await qr.createIndex(
      'localities',
      new TableIndex({ name: 'idx_localities_uuid', columnNames: ['uuid'], isUnique: true }),
    )
    await insertRows(qr, 'settings', [
      { key: 'office.uuid', value: JSON.stringify(randomUUID()), updated_at: new Date().toISOString() },
    ])

    // Records that came in a package from another office: which office, and the version
    // (its updated_at) that was imported, to tell a newer edit from a conflicting one.
    // (On SQLite this rebuilds `appeals`; the runner puts its triggers back: db/migrate.ts.)
    for (const table of ['appeals', 'report_meetings', 'localities']) {
      await qr.addColumns(table, [
        nullable('origin_office_uuid', 'varchar', '36'),
        nullable('imported_version', 'varchar', '32'),
      ])
    }
    await qr.createIndex('appeals', new TableIndex({ name: 'idx_appeals_origin', columnNames: ['origin_office_uuid'] }))

    await qr.createTable(
      new Table({
        name: 'consolidation_sources',
        columns: [
          { name: 'office_uuid', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name_kk', type: 'varchar', length: '300' },
          { name: 'name_ru', type: 'varchar', length: '300' },
          { name: 'last_exported_at', type: 'varchar', length: '32' },
          { name: 'last_checksum', type: 'varchar', length: '64' },
          { name: 'imported_at', type: 'varchar', length: '32' },
        ],
      }),
    )
    await qr.createTable(
      new Table({
        name: 'consolidation_conflicts',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'office_uuid', type: 'varchar', length: '36' },
          { name: 'entity', type: 'varchar', length: '32' },
          { name: 'uuid', type: 'varchar', length: '36' },
          { name: 'local_value', type: 'text' },
          { name: 'incoming_value', type: 'text' },
          { name: 'created_at', type: 'varchar', length: '32' },
          { name: 'resolved_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'resolution', type: 'varchar', length: '16', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_conflicts_open', columnNames: ['resolved_at'] })],
      }),
    )

    // --- spreadsheet imports: one fingerprint per imported row, so a file imported twice adds nothing
    await qr.createTable(
      new Table({
        name: 'import_fingerprints',
        columns: [
          { name: 'fingerprint', type: 'varchar', length: '64', isPrimary: true },
          { name: 'appeal_id', type: 'integer' },
          { name: 'file_name', type: 'varchar', length: '300' },
          { name: 'imported_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [{ columnNames: ['appeal_id'], referencedTableName: 'appeals', referencedColumnNames: ['id'] }],
      }),
    )

    if (qr.connection.options.type === 'better-sqlite3') {
      // Append-only: history can be added to, never rewritten. (Someone with the file and a
      // SQLite tool can drop these triggers; the hash chain is what then shows the change.)
      await qr.query(`CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
        BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END`)
      await qr.query(`CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
        BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END`)
    } else if (qr.connection.options.type === 'postgres') {
      await qr.query(`CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN RAISE EXCEPTION 'audit entries are append-only'; END;
        $body$`)
      await qr.query(`CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
        FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`)
      await qr.query(`CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
        FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`)
    }
  },
}
