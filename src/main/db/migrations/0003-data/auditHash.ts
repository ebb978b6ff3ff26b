import { createHash } from 'node:crypto'

/**
 * The audit hash chain as migration 0003 computed it over the entries written before it:
 * SHA-256 over the previous entry's hash and the entry's fields as JSON, the first entry
 * chained to 64 zeros. Frozen with the migration: the app hashes new entries and checks the
 * chain with its own copy (src/main/services/auditHash.ts), which must keep accepting these.
 */
export const GENESIS_HASH = '0'.repeat(64)

export interface HashedFields {
  at: string
  operator: string | null
  entity: string
  entityId: string
  action: string
  field: string | null
  oldValue: string | null
  newValue: string | null
}

export function auditHash(prevHash: string, e: HashedFields): string {
  const fields = [prevHash, e.at, e.operator, e.entity, e.entityId, e.action, e.field, e.oldValue, e.newValue]
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex')
}
