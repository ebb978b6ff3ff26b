import { appealSearchColumns } from '@shared/domain/search'
import type { AppealRow, LocalityRow, MeetingMeasureRow, ReportMeetingRow } from '../db/entities'
import type { PackageAppeal, PackageLocality, PackageMeasure, PackageMeeting } from './format'
import { idOf, type LocalIds } from './refs'

/**
 * A package record as the columns of a row here: stable keys become this office's ids. The
 * bookkeeping columns (uuid, origin, versions, timestamps) are the importer's.
 */

export type LocalityColumns = Pick<LocalityRow, 'kind' | 'parentId' | 'nameKk' | 'nameRu' | 'nameEn' | 'active'>
export type MeetingColumns = Omit<
  ReportMeetingRow,
  'id' | 'uuid' | 'originOfficeUuid' | 'importedVersion' | 'createdAt' | 'updatedAt' | 'version'
>
export type AppealColumns = Omit<
  AppealRow,
  'id' | 'uuid' | 'originOfficeUuid' | 'importedVersion' | 'createdAt' | 'updatedAt' | 'acceptedById' | 'version'
>
export type MeasureColumns = Omit<
  MeetingMeasureRow,
  'id' | 'uuid' | 'originOfficeUuid' | 'importedVersion' | 'createdAt' | 'updatedAt' | 'version'
>

export function localityColumns(record: PackageLocality, ids: LocalIds): LocalityColumns {
  return {
    kind: record.kind,
    parentId: idOf(ids.localityId, record.parentUuid),
    nameKk: record.names.kk,
    nameRu: record.names.ru,
    nameEn: record.names.en,
    active: record.active,
  }
}

export function meetingColumns(record: PackageMeeting, ids: LocalIds): MeetingColumns {
  return {
    heldOn: record.heldOn,
    localityId: idOf(ids.localityId, record.localityUuid),
    place: record.place,
    speakerName: record.speakerName,
    speakerPosition: record.speakerPosition,
    format: record.format,
    attendance: record.attendance,
    broadcastLink: record.broadcastLink,
    notes: record.notes,
  }
}

/** The number an imported appeal carries here: its own, prefixed with its source's code. */
export const importedRegNumber = (sourceCode: number, regNumber: string): string => `${sourceCode}/${regNumber}`

export function appealColumns(record: PackageAppeal, ids: LocalIds, sourceCode: number): AppealColumns {
  const sectorId = ids.sectorId.get(record.sectorCode)
  if (sectorId === undefined) throw new Error(`sector ${record.sectorCode} missing after the catalog was completed`)
  const regNumber = importedRegNumber(sourceCode, record.regNumber)
  return {
    regNumber,
    originRegNumber: record.regNumber,
    receivedAt: record.receivedAt,
    registeredOn: record.registeredOn,
    channel: record.channel,
    appealType: record.appealType,
    sectorId,
    localityId: idOf(ids.localityId, record.localityUuid),
    meetingId: idOf(ids.meetingId, record.meetingUuid),
    externalNumber: record.externalNumber,
    applicantKind: record.applicantKind,
    applicantName: record.applicantName,
    applicantSurname: record.applicantSurname,
    applicantFirstName: record.applicantFirstName,
    applicantPatronymic: record.applicantPatronymic,
    applicantIdNumber: record.applicantIdNumber,
    applicantPhone: record.applicantPhone,
    applicantAddress: record.applicantAddress,
    collective: record.collective,
    signatories: record.signatories,
    summary: record.summary,
    status: record.status,
    outcome: record.outcome,
    answerText: record.answerText,
    answeredOn: record.answeredOn,
    // Packages (version 3) carry no outgoing-register details of an answer: none are stored.
    answerOutgoingNumber: null,
    answerOutgoingOn: null,
    answerSignatoryId: null,
    answerSignatoryName: null,
    answerDelivery: null,
    closingReason: record.closingReason,
    dueOn: record.dueOn,
    reviewDueOn: record.reviewDueOn,
    extensionReason: record.extensionReason,
    extensionDecidedOn: record.extensionDecidedOn,
    extensionNotifiedOn: record.extensionNotifiedOn,
    noticeDueOn: record.noticeDueOn,
    redirectedTo: record.redirectedTo,
    redirectedOn: record.redirectedOn,
    redirectDueOn: record.redirectDueOn,
    repeated: record.repeated,
    repeatedOfId: idOf(ids.appealId, record.repeatedOfUuid),
    // the executor is of the source's staff: kept by name, not as one of this office's staff
    executorId: null,
    originExecutorName: record.executorName,
    ...appealSearchColumns({ ...record, regNumber }),
  }
}

export function measureColumns(record: PackageMeasure, ids: LocalIds): MeasureColumns {
  // the package holds the meeting (codec.ts) and the importer merges meetings before measures
  const meetingId = idOf(ids.meetingId, record.meetingUuid)
  if (meetingId === null) throw new Error(`meeting ${record.meetingUuid} missing after the meetings were merged`)
  return {
    meetingId,
    text: record.text,
    responsible: record.responsible,
    dueOn: record.dueOn,
    appealId: idOf(ids.appealId, record.appealUuid),
    doneOn: record.doneOn,
    doneNote: record.doneNote,
  }
}
