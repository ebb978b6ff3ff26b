import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm'
import { AppealEntity, LocalityEntity, ReportMeetingEntity, SectorEntity, StaffEntity } from '../db/entities'

/**
 * References between records: database ids inside an office, stable keys (UUIDs, sector codes,
 * staff names) in a package. These maps translate one into the other, loaded in bulk.
 */

/** Id here → stable key, for writing records into a package. */
export interface StableKeys {
  sectorCode: Map<number, string>
  localityUuid: Map<number, string>
  meetingUuid: Map<number, string>
  appealUuid: Map<number, string>
  staffName: Map<number, string>
}

/** Stable key → id here, for reading records out of a package. */
export interface LocalIds {
  sectorId: Map<string, number>
  localityId: Map<string, number>
  meetingId: Map<string, number>
  appealId: Map<string, number>
}

const CHUNK = 500

/** Rows whose `column` is one of `values`, fetched in chunks (SQLite limits bound parameters). */
export async function rowsWhereIn<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  column: keyof T & string,
  values: Iterable<unknown>,
): Promise<T[]> {
  const list = [...new Set(values)].filter((v) => v !== null && v !== undefined)
  const rows: T[] = []
  for (let i = 0; i < list.length; i += CHUNK) {
    rows.push(
      ...(await manager.getRepository(entity).find({ where: { [column]: In(list.slice(i, i + CHUNK)) } as never })),
    )
  }
  return rows
}

const ids = <T>(rows: T[], pick: (row: T) => number | null) => rows.map(pick).filter((id): id is number => id !== null)

interface Referencing {
  sectorId?: number
  localityId?: number | null
  parentId?: number | null
  meetingId?: number | null
  repeatedOfId?: number | null
  /** A measure's question. */
  appealId?: number | null
  executorId?: number | null
}

/** The stable keys of everything the given rows refer to. */
export async function stableKeys(manager: EntityManager, records: object[]): Promise<StableKeys> {
  const rows = records as Referencing[]
  const sectors = await rowsWhereIn(
    manager,
    SectorEntity,
    'id',
    ids(rows, (r) => r.sectorId ?? null),
  )
  const localities = await rowsWhereIn(manager, LocalityEntity, 'id', [
    ...ids(rows, (r) => r.localityId ?? null),
    ...ids(rows, (r) => r.parentId ?? null),
  ])
  const meetings = await rowsWhereIn(
    manager,
    ReportMeetingEntity,
    'id',
    ids(rows, (r) => r.meetingId ?? null),
  )
  const appeals = await rowsWhereIn(manager, AppealEntity, 'id', [
    ...ids(rows, (r) => r.repeatedOfId ?? null),
    ...ids(rows, (r) => r.appealId ?? null),
  ])
  const staff = await rowsWhereIn(
    manager,
    StaffEntity,
    'id',
    ids(rows, (r) => r.executorId ?? null),
  )
  return {
    sectorCode: new Map(sectors.map((s) => [s.id, s.code])),
    localityUuid: new Map(localities.map((l) => [l.id, l.uuid])),
    meetingUuid: new Map(meetings.map((m) => [m.id, m.uuid])),
    appealUuid: new Map(appeals.map((a) => [a.id, a.uuid])),
    staffName: new Map(staff.map((s) => [s.id, s.fullName])),
  }
}

interface StableReferences {
  sectorCodes?: Iterable<string>
  localityUuids?: Iterable<string | null>
  meetingUuids?: Iterable<string | null>
  appealUuids?: Iterable<string | null>
}

/** The ids here of the records with the given stable keys (those that exist here). */
export async function localIds(manager: EntityManager, keys: StableReferences): Promise<LocalIds> {
  const sectors = await rowsWhereIn(manager, SectorEntity, 'code', keys.sectorCodes ?? [])
  const localities = await rowsWhereIn(manager, LocalityEntity, 'uuid', keys.localityUuids ?? [])
  const meetings = await rowsWhereIn(manager, ReportMeetingEntity, 'uuid', keys.meetingUuids ?? [])
  const appeals = await rowsWhereIn(manager, AppealEntity, 'uuid', keys.appealUuids ?? [])
  return {
    sectorId: new Map(sectors.map((s) => [s.code, s.id])),
    localityId: new Map(localities.map((l) => [l.uuid, l.id])),
    meetingId: new Map(meetings.map((m) => [m.uuid, m.id])),
    appealId: new Map(appeals.map((a) => [a.uuid, a.id])),
  }
}

/** A stable key's id here, or null (no reference, or a record this office does not have). */
export const idOf = (map: Map<string, number>, key: string | null): number | null =>
  key === null ? null : (map.get(key) ?? null)
