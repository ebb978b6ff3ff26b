import type { AppealRow, LocalityRow, MeetingMeasureRow, ReportMeetingRow } from '../db/entities'
import type { PackageAppeal, PackageLocality, PackageMeasure, PackageMeeting } from './format'
import type { StableKeys } from './refs'

/**
 * A row of this office as a package record: ids become stable keys. Used to export, and to
 * keep this office's side of a conflict in the same shape as the incoming side.
 */

/** An instant as `toISOString()` writes it, so versions compare as text everywhere. */
const instant = (value: string): string => {
  const time = Date.parse(value)
  return Number.isNaN(time) ? value : new Date(time).toISOString()
}

const keyOf = <K>(map: Map<number, K>, id: number | null): K | null => (id === null ? null : (map.get(id) ?? null))

export function localityRecord(row: LocalityRow, keys: StableKeys): PackageLocality {
  return {
    uuid: row.uuid,
    kind: row.kind,
    parentUuid: keyOf(keys.localityUuid, row.parentId),
    names: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn },
    active: Boolean(row.active),
    createdAt: instant(row.createdAt),
    updatedAt: instant(row.updatedAt),
  }
}

export function meetingRecord(row: ReportMeetingRow, keys: StableKeys): PackageMeeting {
  return {
    uuid: row.uuid,
    localityUuid: keyOf(keys.localityUuid, row.localityId),
    heldOn: row.heldOn,
    place: row.place,
    speakerName: row.speakerName,
    speakerPosition: row.speakerPosition,
    format: row.format,
    attendance: row.attendance,
    broadcastLink: row.broadcastLink,
    notes: row.notes,
    createdAt: instant(row.createdAt),
    updatedAt: instant(row.updatedAt),
  }
}

export function appealRecord(row: AppealRow, keys: StableKeys): PackageAppeal {
  return {
    uuid: row.uuid,
    // an imported appeal is known by its number at its own office
    regNumber: row.originRegNumber ?? row.regNumber,
    receivedAt: row.receivedAt,
    registeredOn: row.registeredOn,
    channel: row.channel as PackageAppeal['channel'],
    appealType: row.appealType as PackageAppeal['appealType'],
    sectorCode: keys.sectorCode.get(row.sectorId) ?? '',
    localityUuid: keyOf(keys.localityUuid, row.localityId),
    meetingUuid: keyOf(keys.meetingUuid, row.meetingId),
    externalNumber: row.externalNumber,
    applicantKind: row.applicantKind,
    applicantName: row.applicantName,
    applicantSurname: row.applicantSurname,
    applicantFirstName: row.applicantFirstName,
    applicantPatronymic: row.applicantPatronymic,
    applicantIdNumber: row.applicantIdNumber,
    applicantPhone: row.applicantPhone,
    applicantAddress: row.applicantAddress,
    collective: Boolean(row.collective),
    signatories: row.signatories,
    summary: row.summary,
    status: row.status as PackageAppeal['status'],
    outcome: row.outcome as PackageAppeal['outcome'],
    answerText: row.answerText,
    answeredOn: row.answeredOn,
    closingReason: row.closingReason,
    dueOn: row.dueOn,
    reviewDueOn: row.reviewDueOn,
    extensionReason: row.extensionReason,
    extensionDecidedOn: row.extensionDecidedOn,
    extensionNotifiedOn: row.extensionNotifiedOn,
    noticeDueOn: row.noticeDueOn,
    redirectedTo: row.redirectedTo,
    redirectedOn: row.redirectedOn,
    redirectDueOn: row.redirectDueOn,
    repeated: Boolean(row.repeated),
    repeatedOfUuid: keyOf(keys.appealUuid, row.repeatedOfId),
    executorName: keyOf(keys.staffName, row.executorId) ?? row.originExecutorName,
    createdAt: instant(row.createdAt),
    updatedAt: instant(row.updatedAt),
  }
}

export function measureRecord(row: MeetingMeasureRow, keys: StableKeys): PackageMeasure {
  return {
    uuid: row.uuid,
    meetingUuid: keys.meetingUuid.get(row.meetingId) ?? '',
    appealUuid: keyOf(keys.appealUuid, row.appealId),
    text: row.text,
    responsible: row.responsible,
    dueOn: row.dueOn,
    doneOn: row.doneOn,
    doneNote: row.doneNote,
    createdAt: instant(row.createdAt),
    updatedAt: instant(row.updatedAt),
  }
}
