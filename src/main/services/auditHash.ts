import { createHash, createHmac } from 'node:crypto'

/** The "previous hash" of the first entry of a trail. */
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

/**
 * The hash of an audit entry before keyed history (kept to verify the entries written then,
 * and by migration 0003): SHA-256 over the previous entry's hash and this entry's fields,
 * as JSON (so no separator inside a value can make two entries hash alike). Changing any entry
 * changes its hash and breaks every link after it; removing one breaks the next link.
 */
export function auditHash(prevHash: string, e: HashedFields): string {
  const fields = [prevHash, e.at, e.operator, e.entity, e.entityId, e.action, e.field, e.oldValue, e.newValue]
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex')
}

/**
 * The hash of an audit entry in keyed history: HMAC-SHA-256 with the key kept outside the
 * database (auditKey.ts) over the same fields. Without the key nobody can compute it, so an
 * edited entry cannot be given a hash that fits, even by someone who recomputes the chain.
 */
export function keyedAuditHash(key: Buffer, prevHash: string, e: HashedFields): string {
  const fields = [prevHash, e.at, e.operator, e.entity, e.entityId, e.action, e.field, e.oldValue, e.newValue]
  return createHmac('sha256', key).update(JSON.stringify(fields)).digest('hex')
}

/** A short name of a key, written into the history where a key begins to sign it; reveals nothing of the key. */
export function auditKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('akimat-desk audit key id').digest('hex').slice(0, 16)
}
