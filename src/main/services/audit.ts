import type { EntityManager } from 'typeorm'
import { AuditEntryEntity, type AuditEntryRow } from '../db/entities'
import type { CallContext } from './context'
import { auditHash, GENESIS_HASH } from './auditHash'

export type AuditChange = Pick<AuditEntryRow, 'entity' | 'entityId' | 'action' | 'field' | 'oldValue' | 'newValue'>

/**
 * Writes audit entries with the manager of the caller's transaction, so a change and its
 * history are committed together or not at all.
 */
export async function recordAudit(manager: EntityManager, ctx: CallContext, changes: AuditChange[]): Promise<void> {
  if (changes.length === 0) return
  const at = new Date().toISOString()
  // Each entry is chained to the one before it (tamper-evident history). The last hash is
  // read inside the caller's transaction, and calls are serialised, so the chain has no forks.
  const last = await manager.getRepository(AuditEntryEntity).findOne({ where: {}, order: { id: 'DESC' } })
  let prevHash = last?.hash ?? GENESIS_HASH
  const rows = changes.map((change) => {
    const entry = { ...change, at, operator: ctx.operator }
    const hash = auditHash(prevHash, entry)
    const row = { ...entry, prevHash, hash }
    prevHash = hash
    return row
  })
  await manager.insert(AuditEntryEntity, rows)
}

/** One audit change per field whose value differs between `before` and `after`. */
export function fieldChanges<T extends object>(
  entity: string,
  entityId: string | number,
  before: T,
  after: T,
  fields: (keyof T & string)[],
): AuditChange[] {
  return fields
    .filter((field) => before[field] !== after[field])
    .map((field) => ({
      entity,
      entityId: String(entityId),
      action: 'update' as const,
      field,
      oldValue: JSON.stringify(before[field]),
      newValue: JSON.stringify(after[field]),
    }))
}

/** The audit entry of a new record: its whole first state as the new value. */
export function createdEntry(entity: string, entityId: string | number, value: unknown): AuditChange {
  return { entity, entityId: String(entityId), action: 'create', field: null, oldValue: null, newValue: JSON.stringify(value) }
}
