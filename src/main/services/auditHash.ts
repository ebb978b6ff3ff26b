import { createHash } from 'node:crypto'

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
 * The hash of an audit entry: SHA-256 over the previous entry's hash and this entry's fields,
 * as JSON (so no separator inside a value can make two entries hash alike). Changing any entry
 * changes its hash and breaks every link after it; removing one breaks the next link.
 */
export function auditHash(prevHash: string, e: HashedFields): string {
  const fields = [prevHash, e.at, e.operator, e.entity, e.entityId, e.action, e.field, e.oldValue, e.newValue]
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex')
}
