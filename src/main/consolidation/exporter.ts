import { IsNull, type EntityManager } from 'typeorm'
import type { PackageOffice } from '@shared/api/contract'
import { AppealEntity, LocalityEntity, MeetingMeasureEntity, ReportMeetingEntity, SectorEntity } from '../db/entities'
import type { BlobStore } from '../services/attachments/blobStore'
import { packageAttachments } from './attachments'
import { PACKAGE_FORMAT, PACKAGE_VERSION, type PackageBody } from './format'
import { appealRecord, localityRecord, measureRecord, meetingRecord } from './records'
import { rowsWhereIn, stableKeys } from './refs'

/**
 * The package of this office: its own appeals, meetings and measures (not those it imported
 * from other offices: each office sends only what it registered), its localities and those its
 * records refer to (with their okrugs), the sectors its appeals are tagged with, and the files
 * attached to its appeals, bytes included.
 */
export async function buildPackage(
  manager: EntityManager,
  office: PackageOffice,
  blobs: BlobStore,
): Promise<PackageBody> {
  const appeals = await manager
    .getRepository(AppealEntity)
    .find({ where: { originOfficeUuid: IsNull() }, order: { id: 'ASC' } })
  const meetings = await manager
    .getRepository(ReportMeetingEntity)
    .find({ where: { originOfficeUuid: IsNull() }, order: { id: 'ASC' } })
  const measures = await manager
    .getRepository(MeetingMeasureEntity)
    .find({ where: { originOfficeUuid: IsNull() }, order: { id: 'ASC' } })
  const own = await manager
    .getRepository(LocalityEntity)
    .find({ where: { originOfficeUuid: IsNull() }, order: { id: 'ASC' } })

  const localities = new Map(own.map((l) => [l.id, l]))
  const referred = [...appeals.map((a) => a.localityId), ...meetings.map((m) => m.localityId)].filter(
    (id): id is number => id !== null && !localities.has(id),
  )
  for (const l of await rowsWhereIn(manager, LocalityEntity, 'id', referred)) localities.set(l.id, l)
  const parents = [...localities.values()]
    .map((l) => l.parentId)
    .filter((id): id is number => id !== null && !localities.has(id))
  for (const l of await rowsWhereIn(manager, LocalityEntity, 'id', parents)) localities.set(l.id, l)

  const sectors = await rowsWhereIn(
    manager,
    SectorEntity,
    'id',
    appeals.map((a) => a.sectorId),
  )
  const keys = await stableKeys(manager, [...appeals, ...meetings, ...localities.values(), ...measures])
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    office,
    exportedAt: new Date().toISOString(),
    sectors: sectors
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((s) => ({ code: s.code, names: { kk: s.nameKk, ru: s.nameRu, en: s.nameEn } })),
    localities: [...localities.values()].map((l) => localityRecord(l, keys)),
    meetings: meetings.map((m) => meetingRecord(m, keys)),
    appeals: appeals.map((a) => appealRecord(a, keys)),
    measures: measures.map((m) => measureRecord(m, keys)),
    attachments: await packageAttachments(manager, blobs, appeals),
  }
}
