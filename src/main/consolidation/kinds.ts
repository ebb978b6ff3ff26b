import type { EntitySchema } from 'typeorm'
import type { ConsolidatedKind } from '@shared/api/contract'
import {
  AppealEntity,
  LocalityEntity,
  MeetingMeasureEntity,
  ReportMeetingEntity,
  type AppealRow,
  type LocalityRow,
  type MeetingMeasureRow,
  type ReportMeetingRow,
} from '../db/entities'
import { appealColumns, localityColumns, measureColumns, meetingColumns } from './columns'
import type { PackageAppeal, PackageLocality, PackageMeasure, PackageMeeting, Versioned } from './format'
import { appealRecord, localityRecord, measureRecord, meetingRecord } from './records'
import type { LocalIds, StableKeys } from './refs'

/** The columns every consolidated table has for telling versions apart. */
export interface TrackedRow {
  id: number
  uuid: string
  originOfficeUuid: string | null
  importedVersion: string | null
  createdAt: string
  updatedAt: string
}

/**
 * What the importer and the conflict resolver need to know about one kind of record: its
 * table, how a package record maps to its columns and back, which columns are audited, which
 * stable keys a record refers to. `kind` is also its name in the audit trail.
 */
export interface KindAdapter<R extends TrackedRow = TrackedRow, P extends Versioned = Versioned> {
  kind: ConsolidatedKind
  entity: EntitySchema<R>
  columns(record: P, ids: LocalIds, sourceCode: number): Partial<R>
  record(row: R, keys: StableKeys): P
  audited: (keyof R & string)[]
  references(record: P): {
    sectorCodes?: string[]
    localityUuids?: (string | null)[]
    meetingUuids?: (string | null)[]
    appealUuids?: (string | null)[]
  }
  /** How a person recognises the record in the conflicts list (by its row here, when there is one). */
  label(record: P, row: R | null): string
  /** The audit entry's value when the record first arrives (with its origin office added). */
  arrival(row: R): unknown
}

const locality: KindAdapter<LocalityRow, PackageLocality> = {
  kind: 'locality',
  entity: LocalityEntity,
  columns: (record, ids) => localityColumns(record, ids),
  record: localityRecord,
  audited: ['kind', 'parentId', 'nameKk', 'nameRu', 'nameEn', 'active', 'importedVersion'],
  references: (record) => ({ localityUuids: [record.parentUuid] }),
  label: (record) => record.names.kk,
  arrival: ({ kind, parentId, nameKk, nameRu, nameEn, active }) => ({ kind, parentId, nameKk, nameRu, nameEn, active }),
}

const meeting: KindAdapter<ReportMeetingRow, PackageMeeting> = {
  kind: 'meeting',
  entity: ReportMeetingEntity,
  columns: (record, ids) => meetingColumns(record, ids),
  record: meetingRecord,
  audited: [
    'heldOn',
    'localityId',
    'place',
    'speakerName',
    'speakerPosition',
    'format',
    'attendance',
    'broadcastLink',
    'notes',
    'importedVersion',
  ],
  references: (record) => ({ localityUuids: [record.localityUuid] }),
  label: (record) => `${record.heldOn} · ${record.place}`,
  arrival: ({ heldOn, localityId, place, speakerName, speakerPosition, format, attendance }) => ({
    heldOn,
    localityId,
    place,
    speakerName,
    speakerPosition,
    format,
    attendance,
  }),
}

const appeal: KindAdapter<AppealRow, PackageAppeal> = {
  kind: 'appeal',
  entity: AppealEntity,
  columns: appealColumns,
  record: appealRecord,
  audited: [
    'regNumber',
    'receivedAt',
    'registeredOn',
    'channel',
    'appealType',
    'sectorId',
    'localityId',
    'meetingId',
    'externalNumber',
    'applicantKind',
    'applicantName',
    'applicantIdNumber',
    'applicantPhone',
    'applicantAddress',
    'collective',
    'signatories',
    'summary',
    'status',
    'outcome',
    'answerText',
    'answeredOn',
    'closingReason',
    'dueOn',
    'reviewDueOn',
    'extensionReason',
    'extensionDecidedOn',
    'extensionNotifiedOn',
    'noticeDueOn',
    'redirectedTo',
    'redirectedOn',
    'redirectDueOn',
    'repeatedOfId',
    'executorId',
    'originExecutorName',
    'importedVersion',
  ],
  references: (record) => ({
    sectorCodes: [record.sectorCode],
    localityUuids: [record.localityUuid],
    meetingUuids: [record.meetingUuid],
    appealUuids: [record.repeatedOfUuid],
  }),
  label: (record, row) => row?.regNumber ?? record.regNumber,
  // regNumber and dueOn first: the appeal card's history shows them for a 'create' entry
  arrival: ({ regNumber, originRegNumber, registeredOn, dueOn, status, summary }) => ({
    regNumber,
    originRegNumber,
    registeredOn,
    dueOn,
    status,
    summary,
  }),
}

/** A measure's text, cut to what fits on one line of the conflicts list. */
const LABEL_LENGTH = 80
const shortened = (text: string) => (text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text)

const measure: KindAdapter<MeetingMeasureRow, PackageMeasure> = {
  kind: 'measure',
  entity: MeetingMeasureEntity,
  columns: (record, ids) => measureColumns(record, ids),
  record: measureRecord,
  // as services/measures.ts audits them, plus the bookkeeping
  audited: ['meetingId', 'text', 'responsible', 'dueOn', 'appealId', 'doneOn', 'doneNote', 'importedVersion'],
  references: (record) => ({ meetingUuids: [record.meetingUuid], appealUuids: [record.appealUuid] }),
  label: (record) => `${record.dueOn} · ${shortened(record.text)}`,
  // the fields of a measure's 'create' entry (services/measures.ts), and whether it arrives done
  arrival: ({ meetingId, text, responsible, dueOn, appealId, doneOn, doneNote }) => ({
    meetingId,
    text,
    responsible,
    dueOn,
    appealId,
    doneOn,
    doneNote,
  }),
}

export const ADAPTERS = { locality, meeting, appeal, measure } as unknown as Record<ConsolidatedKind, KindAdapter>
export { locality as localityAdapter, meeting as meetingAdapter, appeal as appealAdapter, measure as measureAdapter }
