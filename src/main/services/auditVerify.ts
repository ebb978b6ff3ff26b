import type { DataSource } from 'typeorm'
import type { AuditVerification } from '@shared/api/contract'
import { rawConnection } from '../backup/databaseFile'
import { auditHash, GENESIS_HASH } from './auditHash'

interface Row {
  id: number
  at: string
  operator: string | null
  entity: string
  entity_id: string
  action: string
  field: string | null
  old_value: string | null
  new_value: string | null
  prev_hash: string | null
  hash: string | null
}

/**
 * "Verify history": walks the audit trail in order and recomputes every link. An entry whose
 * stored previous hash is not the hash of the entry before it (one was removed or inserted),
 * or whose own hash does not match its fields (it was changed), is the first broken link.
 * Reads row by row, so a long history does not have to fit in memory.
 */
export function verifyAuditTrail(db: DataSource): AuditVerification {
  const statement = rawConnection(db).prepare(
    'SELECT id, at, operator, entity, entity_id, action, field, old_value, new_value, prev_hash, hash FROM audit_entries ORDER BY id',
  )
  let prev = GENESIS_HASH
  let entries = 0
  for (const row of statement.iterate() as IterableIterator<Row>) {
    entries += 1
    const expected = auditHash(prev, {
      at: row.at,
      operator: row.operator,
      entity: row.entity,
      entityId: row.entity_id,
      action: row.action,
      field: row.field,
      oldValue: row.old_value,
      newValue: row.new_value,
    })
    if (row.prev_hash !== prev || row.hash !== expected) {
      return { entries, firstBroken: { id: row.id, at: row.at, entity: row.entity, entityId: row.entity_id } }
    }
    prev = expected
  }
  return { entries, firstBroken: null }
}
