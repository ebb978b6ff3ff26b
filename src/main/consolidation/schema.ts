import { z } from 'zod'
import { APPEAL_CHANNELS, APPEAL_OUTCOMES, APPEAL_STATUSES, APPEAL_TYPES, APPLICANT_KINDS } from '@shared/domain/appeal'
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MEDIA_TYPES, type AttachmentMediaType } from '@shared/domain/attachment'
import { isValidIsoDate } from '@shared/domain/dates'
import { checkDigitValid } from '@shared/domain/iin'
import { SECTOR_CODE_PATTERN } from '@shared/domain/sector'
import { PACKAGE_FORMAT, READABLE_PACKAGE_VERSIONS, type PackageDocument } from './format'

/**
 * What a package must hold to be imported, field by field: the lengths are the columns' (so a
 * package never fails half-way on a database that enforces them), the lists are the domain's.
 * Timestamps are normalised to `toISOString()` form, so that versions compare as text.
 */
const uuid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/)
const text = (max: number) => z.string().min(1).max(max)
const optText = (max: number) => z.string().max(max).nullable()
const date = z.string().refine(isValidIsoDate)
const optDate = date.nullable()
const instant = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/)
  .refine((v) => !Number.isNaN(Date.parse(v)))
  .transform((v) => new Date(v).toISOString())
const versioned = { uuid, createdAt: instant, updatedAt: instant }
const names = z.object({ kk: text(200), ru: text(200), en: optText(200) }).strict()

const sector = z.object({ code: z.string().regex(SECTOR_CODE_PATTERN), names }).strict()

const locality = z
  .object({
    ...versioned,
    kind: z.enum(['okrug', 'settlement']),
    parentUuid: uuid.nullable(),
    names,
    active: z.boolean(),
  })
  .strict()

const meeting = z
  .object({
    ...versioned,
    localityUuid: uuid.nullable(),
    heldOn: date,
    place: text(300),
    speakerName: text(200),
    speakerPosition: text(200),
    format: z.enum(['in_person', 'online', 'mixed']),
    attendance: z.number().int().min(0).nullable(),
    broadcastLink: optText(500),
    notes: optText(4000),
  })
  .strict()

const appeal = z
  .object({
    ...versioned,
    // room for the source's code in front of it, within reg_number's 20 characters
    regNumber: text(15),
    receivedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    registeredOn: date,
    channel: z.enum(APPEAL_CHANNELS),
    appealType: z.enum(APPEAL_TYPES),
    sectorCode: z.string().regex(SECTOR_CODE_PATTERN),
    localityUuid: uuid.nullable(),
    meetingUuid: uuid.nullable(),
    externalNumber: optText(64),
    applicantKind: z.enum(APPLICANT_KINDS),
    applicantName: optText(300),
    applicantSurname: optText(100),
    applicantFirstName: optText(100),
    applicantPatronymic: optText(100),
    // The check digit, as the form checks it: a mistyped IIN or BIN from an okrug's desk would
    // otherwise reach the district's reports and look-ups. (The newer rules on the birth date
    // and the BIN's entity digit are the form's; older records made before them stay readable.)
    applicantIdNumber: z
      .string()
      .regex(/^\d{12}$/)
      .refine(checkDigitValid)
      .nullable(),
    applicantPhone: optText(32),
    applicantAddress: optText(300),
    collective: z.boolean(),
    signatories: z.number().int().min(0).nullable(),
    summary: text(4000),
    status: z.enum(APPEAL_STATUSES),
    outcome: z.enum(APPEAL_OUTCOMES).nullable(),
    answerText: optText(8000),
    answeredOn: optDate,
    closingReason: optText(2000),
    dueOn: date,
    reviewDueOn: optDate,
    extensionReason: optText(2000),
    extensionDecidedOn: optDate,
    extensionNotifiedOn: optDate,
    noticeDueOn: optDate.optional(),
    redirectedTo: optText(300),
    redirectedOn: optDate,
    redirectDueOn: optDate.optional(),
    repeated: z.boolean(),
    repeatedOfUuid: uuid.nullable(),
    executorName: optText(200),
  })
  .strict()

// the lengths of the measures contract (shared/api/areas/measures.ts)
const measure = z
  .object({
    ...versioned,
    meetingUuid: uuid,
    appealUuid: uuid.nullable(),
    text: text(2000),
    responsible: text(300),
    dueOn: date,
    doneOn: optDate,
    doneNote: optText(2000),
  })
  .strict()

// the columns of migration 0018 and the limits of attachments.add; the bytes are checked against sha256 after
const attachment = z
  .object({
    uuid,
    appealUuid: uuid,
    fileName: text(255),
    mediaType: z.enum(ATTACHMENT_MEDIA_TYPES as [string, ...string[]]).transform((t) => t as AttachmentMediaType),
    sizeBytes: z.number().int().min(1).max(ATTACHMENT_MAX_BYTES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    addedBy: optText(200),
    addedAt: instant,
    base64: z
      .string()
      .max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict()

export const packageSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    version: z.literal(READABLE_PACKAGE_VERSIONS),
    office: z
      .object({
        uuid,
        nameKk: text(300),
        nameRu: z.string().max(300),
        district: z.string().max(200),
        region: z.string().max(200),
      })
      .strict(),
    exportedAt: instant,
    sectors: z.array(sector),
    localities: z.array(locality),
    meetings: z.array(meeting),
    appeals: z.array(appeal),
    measures: z.array(measure).optional(),
    attachments: z.array(attachment).optional(),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict()
  // version 1 had no measures; from version 2 on the member is always written (empty or not)
  .refine((d) => (d.version === 1) === (d.measures === undefined))
  // the appeals' notice and redirect due dates: in every appeal from version 3 on, in none before
  .refine((d) =>
    d.appeals.every((a) => d.version >= 3 === (a.noticeDueOn !== undefined && a.redirectDueOn !== undefined)),
  )
  // the attachments: a member from version 4 on (empty or not), absent before
  .refine((d) => d.version >= 4 === (d.attachments !== undefined))
  .transform((d) => ({
    ...d,
    measures: d.measures ?? [],
    attachments: d.attachments ?? [],
    appeals: d.appeals.map((a) => ({
      ...a,
      // before version 3 a nameless question of a meeting was written as anonymous
      applicantKind:
        d.version < 3 && a.applicantKind === 'anonymous' && a.meetingUuid !== null
          ? ('at_meeting' as const)
          : a.applicantKind,
      noticeDueOn: a.noticeDueOn ?? null,
      redirectDueOn: a.redirectDueOn ?? null,
    })),
  }))

// The schema's output is the document type (checked by the compiler, both ways).
type Parsed = z.output<typeof packageSchema>
const _toDocument = (parsed: Parsed): PackageDocument => parsed
const _fromDocument = (document: PackageDocument): Parsed => document
void _toDocument
void _fromDocument
