import { createHash } from 'node:crypto'
import type { PackageOffice } from '@shared/api/contract'
import type { AppealChannel, AppealOutcome, AppealStatus, AppealType, ApplicantKind } from '@shared/domain/appeal'
import type { AttachmentMediaType } from '@shared/domain/attachment'

/**
 * The consolidation package: one office's own records in one file (docs/CONSOLIDATION.md).
 * Records refer to each other by stable UUIDs and to sectors by code, never by database ids,
 * which differ from office to office.
 */
export const PACKAGE_FORMAT = 'akimat-desk-package'
/**
 * The version this program writes. 2 added `measures`: a program knowing only version 1
 * refuses such a package as made by a newer program (not as "invalid"), which is the advice
 * its user needs. Version 1 packages are still read, as holding no measures.
 */
export const PACKAGE_VERSION = 4
/**
 * The versions this program reads. 3 added an appeal's stored notice and redirect due dates
 * (`noticeDueOn`, `redirectDueOn`; a version 1 or 2 appeal is read with both null) and the
 * applicant kind `at_meeting` (a question raised at a report meeting without a name; versions 1
 * and 2 called those `anonymous`, and are read so). 4 added the files attached to the appeals
 * (`attachments`, bytes included); an older package is read as carrying none.
 */
export const READABLE_PACKAGE_VERSIONS = [1, 2, 3, 4] as const
export type PackageVersion = (typeof READABLE_PACKAGE_VERSIONS)[number]

export interface PackageNames {
  kk: string
  ru: string
  en: string | null
}

export interface PackageSector {
  code: string
  names: PackageNames
}

/** Every record carries its stable id and the instant it was last changed at its office. */
export interface Versioned {
  uuid: string
  createdAt: string
  updatedAt: string
}

export interface PackageLocality extends Versioned {
  kind: 'okrug' | 'settlement'
  parentUuid: string | null
  names: PackageNames
  active: boolean
}

export interface PackageMeeting extends Versioned {
  localityUuid: string | null
  heldOn: string
  place: string
  speakerName: string
  speakerPosition: string
  format: 'in_person' | 'online' | 'mixed'
  attendance: number | null
  broadcastLink: string | null
  notes: string | null
}

export interface PackageAppeal extends Versioned {
  /** The number at the office that registered it (as on the citizen's receipt slip). */
  regNumber: string
  receivedAt: string
  registeredOn: string
  channel: AppealChannel
  appealType: AppealType
  sectorCode: string
  localityUuid: string | null
  meetingUuid: string | null
  externalNumber: string | null
  applicantKind: ApplicantKind
  applicantName: string | null
  applicantSurname: string | null
  applicantFirstName: string | null
  applicantPatronymic: string | null
  applicantIdNumber: string | null
  applicantPhone: string | null
  applicantAddress: string | null
  collective: boolean
  signatories: number | null
  summary: string
  status: AppealStatus
  outcome: AppealOutcome | null
  answerText: string | null
  answeredOn: string | null
  closingReason: string | null
  dueOn: string
  reviewDueOn: string | null
  extensionReason: string | null
  extensionDecidedOn: string | null
  extensionNotifiedOn: string | null
  /** From version 3 on (null when read from an older package). */
  noticeDueOn: string | null
  redirectedTo: string | null
  redirectedOn: string | null
  /** From version 3 on (null when read from an older package). */
  redirectDueOn: string | null
  repeated: boolean
  repeatedOfUuid: string | null
  /** A person of the source office's staff, by name (staff are not shared between offices). */
  executorName: string | null
}

/** A measure promised at a report meeting, tied to the meeting and maybe to one of its questions. */
export interface PackageMeasure extends Versioned {
  meetingUuid: string
  /** The question (an appeal of the package) the measure answers, if one. */
  appealUuid: string | null
  text: string
  responsible: string
  dueOn: string
  doneOn: string | null
  doneNote: string | null
}

/**
 * A live file attached to an appeal of the package, with its bytes (base64): the district has
 * no other way to get them. The document's checksum (and, when encrypted, the cipher) covers
 * them as it covers every other member; each is also checked against its own SHA-256 on import.
 */
export interface PackageAttachment {
  uuid: string
  appealUuid: string
  fileName: string
  mediaType: AttachmentMediaType
  sizeBytes: number
  sha256: string
  addedBy: string | null
  addedAt: string
  base64: string
}

export interface PackageBody {
  format: typeof PACKAGE_FORMAT
  /** A version 1 package, read, has `measures` empty (it had no such member). */
  version: PackageVersion
  office: PackageOffice
  exportedAt: string
  sectors: PackageSector[]
  localities: PackageLocality[]
  meetings: PackageMeeting[]
  appeals: PackageAppeal[]
  measures: PackageMeasure[]
  /** A package before version 4, read, has `attachments` empty (it had no such member). */
  attachments: PackageAttachment[]
}

export interface PackageDocument extends PackageBody {
  /** SHA-256 (hex) of the canonical JSON of every other member of the document. */
  checksum: string
}

/**
 * JSON with object keys sorted at every depth and no whitespace: the same data always gives
 * the same text, whatever order a writer put the keys in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/** The checksum of a document: over everything but the checksum itself. */
export function packageChecksum(document: object): string {
  const { checksum: _checksum, ...body } = document as Record<string, unknown>
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex')
}
