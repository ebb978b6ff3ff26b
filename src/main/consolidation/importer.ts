import type { EntityManager } from 'typeorm'
import type { KindCounts } from '@shared/api/contract'
import { AppealEntity, SectorEntity } from '../db/entities'
import { createdEntry, fieldChanges, type AuditChange } from '../services/audit'
import { mergeAttachments } from './attachments'
import { refused } from './codec'
import { importedRegNumber } from './columns'
import { raiseConflict } from './conflicts'
import type { PackageDocument, Versioned } from './format'
import {
  appealAdapter,
  localityAdapter,
  measureAdapter,
  meetingAdapter,
  type KindAdapter,
  type TrackedRow,
} from './kinds'
import { localIds, rowsWhereIn, stableKeys, type LocalIds } from './refs'

/**
 * What to do with one incoming record, given the row here with the same UUID:
 * - none here: add it;
 * - here, but not from this package's office (this office's own, or another's): not ours to change;
 * - the incoming version is not newer than the one imported last: nothing (same or older package);
 * - newer, and the row was not edited here since its import: the newer version wins;
 * - newer, and the row was edited here too: a conflict, for a person to decide.
 * "Edited here since its import" is `updated_at` moved away from `imported_version`, which the
 * importer sets equal; neither version's clock is compared with the other office's.
 */
export type Decision = 'add' | 'foreign' | 'unchanged' | 'update' | 'conflict'

export function decide(row: TrackedRow | undefined, incomingVersion: string, officeUuid: string): Decision {
  if (!row) return 'add'
  if (row.originOfficeUuid !== officeUuid) return 'foreign'
  const base = row.importedVersion ?? ''
  if (incomingVersion <= base) return 'unchanged'
  return row.updatedAt === base ? 'update' : 'conflict'
}

const zero = (): KindCounts => ({ added: 0, updated: 0, unchanged: 0, conflicts: 0 })

export interface ImportResult {
  sectorsAdded: string[]
  localities: KindCounts
  meetings: KindCounts
  appeals: KindCounts
  measures: KindCounts
  /** Attachments linked to the appeals here by this import (none when all were already here). */
  attachmentsAdded: number
  changes: AuditChange[]
}

/**
 * Merges a package's records into this office's database, inside the caller's transaction:
 * sectors first (by code), then localities (okrugs before their settlements), meetings,
 * appeals and measures (which refer to both), then the appeals' attachments (their bytes already
 * in the store: ConsolidationService), each reference translated from the package's
 * stable keys to the ids here. Writes only what changes; the audit changes are returned for the
 * caller to record with the rest.
 */
export async function mergePackage(
  manager: EntityManager,
  document: PackageDocument,
  sourceCode: number,
): Promise<ImportResult> {
  const officeUuid = document.office.uuid
  const changes: AuditChange[] = []
  const ids: LocalIds = await localIds(manager, {
    appealUuids: document.appeals.map((a) => a.repeatedOfUuid),
  })
  const sectorsAdded = await completeSectors(manager, document, ids, changes)

  async function merge<R extends TrackedRow, P extends Versioned>(
    adapter: KindAdapter<R, P>,
    records: P[],
    known: Map<string, number>,
  ): Promise<KindCounts> {
    const counts = zero()
    const rows = new Map(
      (
        await rowsWhereIn(
          manager,
          adapter.entity,
          'uuid',
          records.map((r) => r.uuid),
        )
      ).map((row) => [row.uuid, row]),
    )
    for (const record of records) {
      const row = rows.get(record.uuid)
      const decision = decide(row, record.updatedAt, officeUuid)
      if (decision === 'foreign') {
        // The same locality in two catalogs (one office set up from another's): use it as it is.
        // An appeal, meeting or measure of another office under this UUID means a copied database.
        if (adapter.kind !== 'locality') throw refused('recordClash')
        known.set(record.uuid, row!.id)
        counts.unchanged++
      } else if (decision === 'add') {
        const versions = {
          uuid: record.uuid,
          originOfficeUuid: officeUuid,
          importedVersion: record.updatedAt,
          createdAt: record.createdAt,
          updatedAt: record.updatedAt,
        }
        const values = { ...adapter.columns(record, ids, sourceCode), ...versions } as Partial<R>
        const inserted = await manager.insert(adapter.entity, values as never)
        const id = Number(inserted.identifiers[0]!.id)
        known.set(record.uuid, id)
        // a record new here is created here: 'create', like every other; its value names its origin
        changes.push(
          createdEntry(adapter.kind, id, {
            ...(adapter.arrival({ ...values, id } as R) as object),
            originOfficeUuid: officeUuid,
          }),
        )
        counts.added++
      } else if (decision === 'update') {
        const after = {
          ...row!,
          ...adapter.columns(record, ids, sourceCode),
          importedVersion: record.updatedAt,
          updatedAt: record.updatedAt,
        } as R
        const { id: _id, ...patch } = after
        // a desk's edit made on the version before this import is then refused as stale (services/versioned.ts)
        const { version } = row as { version?: unknown }
        if (typeof version === 'number') Object.assign(patch, { version: version + 1 })
        await manager.update(adapter.entity, { id: row!.id } as never, patch as never)
        known.set(record.uuid, row!.id)
        changes.push(
          ...fieldChanges(adapter.kind, row!.id, row!, after, adapter.audited).map((c) => ({
            ...c,
            action: 'import' as const,
          })),
        )
        counts.updated++
      } else {
        known.set(record.uuid, row!.id)
        if (decision === 'conflict') {
          const local = adapter.record(row!, await stableKeys(manager, [row!]))
          const raised = await raiseConflict(manager, officeUuid, adapter.kind, local, record, changes)
          if (raised) counts.conflicts++
          else counts.unchanged++
        } else {
          counts.unchanged++
        }
      }
    }
    return counts
  }

  // okrugs first: a settlement's parent must have its id here before the settlement is written
  const localitiesInOrder = [...document.localities].sort(
    (a, b) => Number(a.kind === 'settlement') - Number(b.kind === 'settlement'),
  )
  const localities = await merge(localityAdapter, localitiesInOrder, ids.localityId)
  const meetings = await merge(meetingAdapter, document.meetings, ids.meetingId)
  await checkNumbers(manager, document, sourceCode)
  // earlier appeals first, so that a repeated appeal finds the one it repeats
  const appealsInOrder = [...document.appeals].sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
  )
  const appeals = await merge(appealAdapter, appealsInOrder, ids.appealId)
  // last: a measure's meeting and question have their ids here by now
  const measures = await merge(measureAdapter, document.measures, new Map()) // no record refers to a measure
  const attachmentsAdded = await mergeAttachments(manager, document, ids.appealId, changes)
  return { sectorsAdded, localities, meetings, appeals, measures, attachmentsAdded, changes }
}

/**
 * An okrug gives each number once, so its appeals' numbers here (prefixed with its code) are
 * unique too, unless the okrug gave a number twice (say, registering again after restoring an
 * old backup). Such a package is refused, naming the number: a person must look at it.
 */
async function checkNumbers(manager: EntityManager, document: PackageDocument, sourceCode: number): Promise<void> {
  const uuids = new Map(document.appeals.map((a) => [importedRegNumber(sourceCode, a.regNumber), a.uuid]))
  for (const row of await rowsWhereIn(manager, AppealEntity, 'regNumber', uuids.keys())) {
    if (uuids.get(row.regNumber) !== row.uuid)
      throw refused('numberClash', { number: row.originRegNumber ?? row.regNumber })
  }
}

/**
 * Sectors are matched by code. A code this office does not know is added to its catalog,
 * inactive (it keeps the package's names, and its appeals keep their sector in reports; a clerk
 * cannot pick it for new appeals until someone activates it). Known sectors are left as they are.
 */
async function completeSectors(
  manager: EntityManager,
  document: PackageDocument,
  ids: LocalIds,
  changes: AuditChange[],
): Promise<string[]> {
  const codes = [...new Set(document.appeals.map((a) => a.sectorCode))]
  for (const sector of await rowsWhereIn(manager, SectorEntity, 'code', codes)) ids.sectorId.set(sector.code, sector.id)
  const added: string[] = []
  for (const code of codes.filter((c) => !ids.sectorId.has(c))) {
    const names = document.sectors.find((s) => s.code === code)!.names
    const last = await manager.getRepository(SectorEntity).findOne({ where: {}, order: { sortOrder: 'DESC' } })
    const now = new Date().toISOString()
    const values = {
      code,
      nameKk: names.kk,
      nameRu: names.ru,
      nameEn: names.en ?? names.kk,
      sortOrder: (last?.sortOrder ?? 0) + 1,
      active: false,
      createdAt: now,
      updatedAt: now,
    }
    const id = Number((await manager.insert(SectorEntity, values)).identifiers[0]!.id)
    ids.sectorId.set(code, id)
    const { createdAt: _c, updatedAt: _u, ...shown } = values
    changes.push(createdEntry('sector', id, { id, ...shown, originOfficeUuid: document.office.uuid }))
    added.push(code)
  }
  return added
}
