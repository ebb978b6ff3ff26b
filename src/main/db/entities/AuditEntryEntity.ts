import { EntitySchema } from 'typeorm'
import { idColumn, timestampColumn } from './columns'

/** One change to one field of one record, written in the same transaction as the change. */
export interface AuditEntryRow {
  id: number
  at: string
  /** Who was at the keyboard; null until operators are chosen at start (clerk's-work issue). */
  operator: string | null
  entity: string
  entityId: string
  action: 'create' | 'update' | 'delete' | 'reorder' | 'transition' | 'extend' | 'import' | 'annul'
  field: string | null
  oldValue: string | null
  newValue: string | null
  /** The hash of the entry before this one (a chain: see services/auditHash.ts). */
  prevHash: string | null
  hash: string | null
}

export const AuditEntryEntity = new EntitySchema<AuditEntryRow>({
  name: 'AuditEntry',
  tableName: 'audit_entries',
  columns: {
    id: idColumn,
    at: timestampColumn('at'),
    operator: { type: 'varchar', length: 200, nullable: true },
    entity: { type: 'varchar', length: 32 },
    entityId: { type: 'varchar', length: 64, name: 'entity_id' },
    action: { type: 'varchar', length: 16 },
    field: { type: 'varchar', length: 64, nullable: true },
    oldValue: { type: 'text', name: 'old_value', nullable: true },
    newValue: { type: 'text', name: 'new_value', nullable: true },
    prevHash: { type: 'varchar', length: 64, name: 'prev_hash', nullable: true },
    hash: { type: 'varchar', length: 64, nullable: true },
  },
})
