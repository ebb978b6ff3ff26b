import type { EntityManager } from 'typeorm'
import type { ConflictChoice } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import { ConsolidationConflictEntity, ConsolidationSourceEntity } from '../db/entities'
import { fieldChanges, type AuditChange } from '../services/audit'
import type { Versioned } from './format'
import { ADAPTERS, type TrackedRow } from './kinds'
import { localIds } from './refs'

/**
 * A person's decision on a conflict, inside the caller's transaction.
 * - 'incoming': the source's version replaces the record here, as a newer import would have.
 * - 'local': the record stays as edited here; it is marked as having seen the incoming version,
 *   so the same package does not raise the conflict again (a later change at the source will).
 * Either way the other version stays in the conflict row and in the audit trail.
 */
export async function resolveConflict(
  manager: EntityManager,
  id: number,
  keep: ConflictChoice,
): Promise<AuditChange[]> {
  const conflicts = manager.getRepository(ConsolidationConflictEntity)
  const conflict = await conflicts.findOne({ where: { id } })
  if (!conflict) throw new DomainError('not_found', 'consolidationUi.errors.conflictNotFound')
  if (conflict.resolvedAt !== null) throw new DomainError('validation', 'consolidationUi.errors.alreadyResolved')
  const adapter = ADAPTERS[conflict.entity]
  const row = (await manager
    .getRepository(adapter.entity)
    .findOne({ where: { uuid: conflict.uuid } })) as TrackedRow | null
  if (!row) throw new DomainError('not_found', 'consolidationUi.errors.conflictNotFound')
  const incoming = JSON.parse(conflict.incomingValue) as Versioned

  let after: TrackedRow
  if (keep === 'incoming') {
    const source = await manager
      .getRepository(ConsolidationSourceEntity)
      .findOne({ where: { officeUuid: conflict.officeUuid } })
    if (!source) throw new DomainError('not_found', 'consolidationUi.errors.conflictNotFound')
    const references = adapter.references(incoming)
    const ids = await localIds(manager, references)
    if (references.sectorCodes?.some((code) => !ids.sectorId.has(code)))
      throw new DomainError('validation', 'consolidationUi.errors.sectorMissing')
    after = {
      ...row,
      ...adapter.columns(incoming, ids, source.code),
      importedVersion: incoming.updatedAt,
      updatedAt: incoming.updatedAt,
    }
  } else {
    after = { ...row, importedVersion: incoming.updatedAt }
  }
  const { id: _id, ...patch } = after
  await manager.update(adapter.entity, { id: row.id } as never, patch as never)
  const now = new Date().toISOString()
  await conflicts.update({ id }, { resolvedAt: now, resolution: keep })
  return [
    ...fieldChanges(adapter.kind, row.id, row, after, adapter.audited as (keyof TrackedRow)[]).map((c) => ({
      ...c,
      action: 'import' as const,
    })),
    {
      entity: 'consolidation_conflict',
      entityId: String(id),
      action: 'update',
      field: 'resolution',
      oldValue: null,
      newValue: JSON.stringify(keep),
    },
  ]
}
