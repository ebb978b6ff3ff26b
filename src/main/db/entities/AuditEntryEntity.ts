import { EntitySchema } from 'typeorm'
import { idColumn, timestampColumn } from './columns'

/** One change to one field of one record, written in the same transaction as the change. */
export interface AuditEntryRow {
  id: number
  at: string
  /** Who acted: the signed-in user's full name; null for entries the core writes itself. */
  operator: string | null
  entity: string
  entityId: string
  /**
   * What happened; the chain's own entries (entity 'audit') are 'anchor' (a key begins to sign)
   * and 'finding' (a start found the head not matching); 'export' a file made with personal
   * data; 'replace', 'restore' and 'undoRestore' the database file swapped.
   */
  action:
    | 'create'
    | 'update'
    | 'delete'
    | 'reorder'
    | 'transition'
    | 'extend'
    | 'import'
    | 'export'
    | 'anchor'
    | 'finding'
    | 'replace'
    | 'restore'
    | 'undoRestore'
    // accounts and sign-in (services/auth)
    | 'sign_in'
    | 'sign_out'
    | 'sign_in_failed'
    | 'locked_out'
    | 'password_reset'
    | 'deactivate'
    | 'forbidden'
    // personal data shown in full (services/appeals/personalData)
    | 'reveal'
    // a mistaken entry annulled by the head (services/appeals)
    | 'annul'
    // the applicant told of an extension; an appeal marked for redirect (services/appeals)
    | 'notice'
    | 'markRedirect'
    // an applicant name that differs from the IIN/BIN's record, confirmed (services/appeals/nameOnRecord)
    | 'nameConfirmed'
    // one applicant given to the appeals of several spellings (services/appeals/applicantMerge)
    | 'merge'
    // a file attached to an appeal or a meeting, or taken off it (services/attachments)
    | 'attach'
    | 'detach'
    // a row corrected by a data migration (services/migrationChanges.ts)
    | 'migrate'
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
