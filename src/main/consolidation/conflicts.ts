import { IsNull, type DataSource, type EntityManager } from 'typeorm'
import type { ConflictField, ConflictValue, ConsolidatedKind, ConsolidationConflict } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import { ConsolidationConflictEntity, ConsolidationSourceEntity, type ConsolidationConflictRow } from '../db/entities'
import { createdEntry, type AuditChange } from '../services/audit'
import type { Versioned } from './format'
import { ADAPTERS } from './kinds'
import { localIds, stableKeys, type LocalIds } from './refs'

/**
 * Records a conflict: the row here was edited after its import, and its source changed it too.
 * Neither version is overwritten; both are kept until a person decides. One open conflict per
 * record: a still newer incoming version replaces the incoming side. Returns false when that
 * very version is already waiting (the same package imported again).
 */
export async function raiseConflict(
  manager: EntityManager,
  officeUuid: string,
  kind: ConsolidatedKind,
  local: Versioned,
  incoming: Versioned,
  changes: AuditChange[],
): Promise<boolean> {
  const repo = manager.getRepository(ConsolidationConflictEntity)
  const open = await repo.findOne({ where: { entity: kind, uuid: incoming.uuid, resolvedAt: IsNull() } })
  const now = new Date().toISOString()
  if (open) {
    const waiting = (JSON.parse(open.incomingValue) as Versioned).updatedAt
    if (waiting === incoming.updatedAt) return false
    await repo.update({ id: open.id }, { incomingValue: JSON.stringify(incoming), localValue: JSON.stringify(local) })
    changes.push({
      entity: 'consolidation_conflict',
      entityId: String(open.id),
      action: 'import',
      field: 'incomingVersion',
      oldValue: JSON.stringify(waiting),
      newValue: JSON.stringify(incoming.updatedAt),
    })
    return true
  }
  const values = {
    officeUuid,
    entity: kind,
    uuid: incoming.uuid,
    localValue: JSON.stringify(local),
    incomingValue: JSON.stringify(incoming),
    createdAt: now,
    resolvedAt: null,
    resolution: null,
  }
  const id = Number((await manager.insert(ConsolidationConflictEntity, values)).identifiers[0]!.id)
  changes.push(
    createdEntry('consolidation_conflict', id, {
      entity: kind,
      uuid: incoming.uuid,
      officeUuid,
      localVersion: local.updatedAt,
      incomingVersion: incoming.updatedAt,
    }),
  )
  return true
}

/** Package fields shown under the name of the column they fill here, with this office's ids. */
const REFERENCES: Record<string, { field: string; ids: keyof LocalIds }> = {
  sectorCode: { field: 'sectorId', ids: 'sectorId' },
  localityUuid: { field: 'localityId', ids: 'localityId' },
  parentUuid: { field: 'parentId', ids: 'localityId' },
  meetingUuid: { field: 'meetingId', ids: 'meetingId' },
  repeatedOfUuid: { field: 'repeatedOfId', ids: 'appealId' },
  // a measure's question
  appealUuid: { field: 'appealId', ids: 'appealId' },
}
const NOT_SHOWN = new Set(['uuid', 'createdAt', 'updatedAt'])

/** The two versions side by side, field by field. */
function sideBySide(local: Record<string, unknown>, incoming: Record<string, unknown>, ids: LocalIds): ConflictField[] {
  const fields: ConflictField[] = []
  const value = (v: unknown): ConflictValue => (v === undefined ? null : (v as ConflictValue))
  for (const key of Object.keys(incoming)) {
    if (NOT_SHOWN.has(key)) continue
    const [a, b] = [local[key], incoming[key]]
    if (key === 'names') {
      const [na, nb] = [(a ?? {}) as Record<string, unknown>, (b ?? {}) as Record<string, unknown>]
      for (const lang of ['kk', 'ru', 'en'] as const) {
        const field = `name${lang[0]!.toUpperCase()}${lang[1]}`
        fields.push({ field, local: value(na[lang]), incoming: value(nb[lang]), differs: na[lang] !== nb[lang] })
      }
      continue
    }
    const ref = REFERENCES[key]
    const shown = (v: unknown) => (ref ? (typeof v === 'string' ? (ids[ref.ids].get(v) ?? null) : null) : value(v))
    fields.push({
      field: ref?.field ?? key,
      local: shown(a),
      incoming: shown(b),
      differs: JSON.stringify(a ?? null) !== JSON.stringify(b ?? null),
    })
  }
  return fields
}

async function present(
  manager: EntityManager,
  conflict: ConsolidationConflictRow,
  names: Map<string, { nameKk: string; nameRu: string }>,
): Promise<ConsolidationConflict> {
  const adapter = ADAPTERS[conflict.entity]
  const incoming = JSON.parse(conflict.incomingValue) as Versioned & Record<string, unknown>
  const row = await manager.getRepository(adapter.entity).findOne({ where: { uuid: conflict.uuid } })
  // An open conflict shows this office's side as it is now (it may have been edited again since
  // the conflict arose); a decided one, the version that was here when the conflict arose.
  const current = row && conflict.resolvedAt === null
  const local = (
    current ? adapter.record(row, await stableKeys(manager, [row])) : JSON.parse(conflict.localValue)
  ) as Versioned & Record<string, unknown>
  const ids = await localIds(manager, {
    sectorCodes: [local, incoming].map((r) => r.sectorCode).filter((v): v is string => typeof v === 'string'),
    localityUuids: [local, incoming]
      .flatMap((r) => [r.localityUuid, r.parentUuid])
      .filter((v): v is string => typeof v === 'string'),
    meetingUuids: [local, incoming].map((r) => r.meetingUuid).filter((v): v is string => typeof v === 'string'),
    appealUuids: [local, incoming]
      .flatMap((r) => [r.repeatedOfUuid, r.appealUuid])
      .filter((v): v is string => typeof v === 'string'),
  })
  const office = names.get(conflict.officeUuid)
  return {
    id: conflict.id,
    officeUuid: conflict.officeUuid,
    officeNameKk: office?.nameKk ?? '',
    officeNameRu: office?.nameRu ?? '',
    entity: conflict.entity,
    uuid: conflict.uuid,
    recordId: row?.id ?? null,
    label: adapter.label(incoming, row),
    createdAt: conflict.createdAt,
    resolvedAt: conflict.resolvedAt,
    resolution: conflict.resolution,
    localUpdatedAt: local.updatedAt,
    incomingUpdatedAt: incoming.updatedAt,
    fields: sideBySide(local, incoming, ids),
  }
}

export async function listConflicts(
  db: DataSource,
  includeResolved: boolean,
  manager: EntityManager = db.manager,
): Promise<ConsolidationConflict[]> {
  const rows = await manager.getRepository(ConsolidationConflictEntity).find({
    where: includeResolved ? {} : { resolvedAt: IsNull() },
    order: { id: 'ASC' },
  })
  const sources = await manager.getRepository(ConsolidationSourceEntity).find()
  const names = new Map(sources.map((s) => [s.officeUuid, s]))
  const result: ConsolidationConflict[] = []
  for (const row of rows) result.push(await present(manager, row, names))
  return result
}

export async function conflictById(manager: EntityManager, id: number): Promise<ConsolidationConflict> {
  const row = await manager.getRepository(ConsolidationConflictEntity).findOne({ where: { id } })
  if (!row) throw new DomainError('not_found', 'consolidationUi.errors.conflictNotFound')
  const sources = await manager.getRepository(ConsolidationSourceEntity).find({ where: { officeUuid: row.officeUuid } })
  return present(manager, row, new Map(sources.map((s) => [s.officeUuid, s])))
}
