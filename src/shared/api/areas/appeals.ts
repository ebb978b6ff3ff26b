import { z } from 'zod'
import {
  APPEAL_CHANNELS,
  APPEAL_OUTCOMES,
  APPEAL_STATUSES,
  APPEAL_TYPES,
  type AppealChannel,
  type AppealOutcome,
  type AppealStatus,
  type AppealType,
  type ApplicantKind,
  type RegistrationClosing,
  meetingChannelProblem,
} from '../../domain/appeal'
import { APPEAL_LIST_COLUMNS } from '../../domain/appealColumns'
import type { IsoDate } from '../../domain/dates'
import { binProblem, iinProblem } from '../../domain/iin'
import { LANGUAGES } from '../../i18n/languages'
import {
  entityId,
  filterList,
  isoDate,
  localDateTime,
  MAX_PEOPLE,
  optionalId,
  optionalIsoDate,
  optionalText,
  paging,
  recordVersion,
  requiredText,
} from '../fields'
import { answerDetailsFields, checkAnswerDetails, type AnswerDetails } from './answers'

// ---------------------------------------------------------------- inputs

/** The days an executor's tasks are grouped by besides "overdue": today and the next calendar day. */
export const TASK_DAYS = ['today', 'tomorrow'] as const
export type TaskDay = (typeof TASK_DAYS)[number]

/**
 * The bullet of a masked value (shared/domain/personalData.ts). A value holding it was copied
 * from a masked card, not typed: saving it would overwrite the real IIN, phone or address.
 */
const MASK_BULLET = '•'
const MASKED_VALUE = 'validation.maskedValue'

/** A phone or an address: free text, but never a masked value sent back. */
const personalText = (max: number) =>
  optionalText(max).refine((value) => value === null || !value.includes(MASK_BULLET), { error: MASKED_VALUE })

const idNumber = (kind: 'iin' | 'bin') =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/\s+/g, ''))
    .superRefine((value, ctx) => {
      if (value === '') return
      const problem = kind === 'iin' ? iinProblem(value, null) : binProblem(value)
      if (value.includes(MASK_BULLET)) ctx.addIssue({ code: 'custom', message: MASKED_VALUE })
      else if (problem) ctx.addIssue({ code: 'custom', message: `validation.${kind}.${problem}` })
    })
    .nullish()
    .transform((v) => (v ? v : null))

export const applicantSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('individual'),
        surname: requiredText(100),
        firstName: requiredText(100),
        patronymic: optionalText(100),
        iin: idNumber('iin'),
        phone: personalText(32),
        address: personalText(300),
      })
      .strict(),
    z
      .object({
        kind: z.literal('organisation'),
        name: requiredText(300),
        bin: idNumber('bin'),
        phone: personalText(32),
        address: personalText(300),
      })
      .strict(),
    z.object({ kind: z.literal('anonymous') }).strict(),
    z.object({ kind: z.literal('at_meeting') }).strict(),
  ],
  { error: 'validation.invalidOption' },
)
export type ApplicantInput = z.input<typeof applicantSchema>
export type Applicant = z.output<typeof applicantSchema>

/** The fields a clerk fills in; shared by registration and editing. */
const appealFields = {
  channel: z.enum(APPEAL_CHANNELS, { error: 'validation.invalidOption' }),
  externalNumber: optionalText(64),
  appealType: z.enum(APPEAL_TYPES, { error: 'validation.invalidOption' }),
  sectorId: entityId,
  localityId: optionalId,
  meetingId: optionalId,
  applicant: applicantSchema,
  collective: z.boolean().default(false),
  signatories: z
    .number()
    .int()
    .max(MAX_PEOPLE, { error: 'validation.tooBig' })
    .nullish()
    .transform((v) => v ?? null),
  summary: requiredText(4000),
  executorId: optionalId,
  repeatedOfId: optionalId,
  /**
   * The clerk confirmed an applicant name that differs from the one the IIN/BIN is on record
   * under (the same person under another name, or a different name that is correct): without
   * it such a save is refused (services/appeals/nameOnRecord.ts).
   */
  applicantNameConfirmed: z.boolean().default(false),
}

function checkCollective(value: { collective: boolean; signatories: number | null }, ctx: z.RefinementCtx): void {
  if (value.collective && (value.signatories === null || value.signatories < 2)) {
    ctx.addIssue({ code: 'custom', path: ['signatories'], message: 'validation.signatoriesMin' })
  }
}

/**
 * A meeting question is one that belongs to a meeting: the channel says so exactly then, and
 * a question raised there without a name is of its own kind, never anonymous (which is not
 * considered).
 */
function checkMeeting(
  value: { channel: AppealChannel; meetingId: number | null; applicant: Applicant },
  ctx: z.RefinementCtx,
): void {
  const problem = meetingChannelProblem(value.channel, value.meetingId)
  if (problem) ctx.addIssue({ code: 'custom', path: ['channel'], message: problem })
  if (value.applicant.kind === 'anonymous' && value.meetingId !== null)
    ctx.addIssue({ code: 'custom', path: ['applicant', 'kind'], message: 'validation.anonymousAtMeeting' })
  if (value.applicant.kind === 'at_meeting' && value.meetingId === null)
    ctx.addIssue({ code: 'custom', path: ['applicant', 'kind'], message: 'validation.atMeetingWithoutMeeting' })
}

/** Checks that need the office clock (received in the future, born in the future) are the service's. */
export const createAppealInput = z
  .object({
    receivedAt: localDateTime,
    ...appealFields,
    /** An anonymous appeal reporting a crime or a threat: the body it is sent to at once. */
    crimeReportTo: optionalText(300),
  })
  .strict()
  .superRefine(checkCollective)
  .superRefine(checkMeeting)
  .superRefine((value, ctx) => {
    if (value.crimeReportTo !== null && value.applicant.kind !== 'anonymous')
      ctx.addIssue({ code: 'custom', path: ['crimeReportTo'], message: 'validation.crimeReportNotAnonymous' })
  })

export const updateAppealInput = z
  .object({ id: entityId, version: recordVersion, ...appealFields })
  .strict()
  .superRefine(checkCollective)
  .superRefine(checkMeeting)

export const transitionAppealInput = z.discriminatedUnion(
  'to',
  [
    z.object({ id: entityId, version: recordVersion, to: z.literal('in_progress') }).strict(),
    z
      .object({
        id: entityId,
        version: recordVersion,
        to: z.literal('answered'),
        outcome: z.enum(APPEAL_OUTCOMES, { error: 'validation.required' }),
        answerText: requiredText(8000),
        answeredOn: isoDate,
        ...answerDetailsFields,
      })
      .strict()
      .superRefine(checkAnswerDetails),
    z
      .object({
        id: entityId,
        version: recordVersion,
        to: z.literal('redirected'),
        redirectedTo: requiredText(300),
        redirectedOn: isoDate,
      })
      .strict(),
    z
      .object({
        id: entityId,
        version: recordVersion,
        to: z.literal('left_without_consideration'),
        reason: requiredText(2000),
      })
      .strict(),
    z.object({ id: entityId, version: recordVersion, to: z.literal('withdrawn'), reason: requiredText(2000) }).strict(),
  ],
  { error: 'validation.invalidOption' },
)

export const extendAppealInput = z
  .object({
    id: entityId,
    version: recordVersion,
    extendedDueOn: isoDate,
    reason: requiredText(2000),
    decidedOn: isoDate,
    notifiedOn: optionalIsoDate,
  })
  .strict()

export const NOTICE_FILTERS = ['due', 'overdue'] as const
export const REDIRECT_FILTERS = ['due', 'overdue', 'late'] as const

/** The applicant of an extended appeal told of it on this date; recorded on the card, in the history. */
export const recordNoticeInput = z.object({ id: entityId, version: recordVersion, notifiedOn: isoDate }).strict()

/**
 * Marks an appeal as outside the office's competence, to be redirected: its due date (3
 * working days from registration) is stored then.
 */
export const markForRedirectInput = z.object({ id: entityId, version: recordVersion }).strict()

export const APPEAL_SORT_FIELDS = ['regNumber', 'receivedAt', 'dueOn', 'status'] as const

export const listAppealsInput = z
  .object({
    query: z.string().trim().max(200).optional(),
    from: optionalIsoDate,
    to: optionalIsoDate,
    sectorIds: filterList(entityId).optional(),
    statuses: filterList(z.enum(APPEAL_STATUSES)).optional(),
    channels: filterList(z.enum(APPEAL_CHANNELS)).optional(),
    appealTypes: filterList(z.enum(APPEAL_TYPES)).optional(),
    localityIds: filterList(entityId).optional(),
    executorIds: filterList(entityId).optional(),
    meetingId: entityId.optional(),
    /** Appeals imported from this office (okrug → district consolidation), with or without a locality. */
    originOfficeUuid: z.uuid({ error: 'validation.invalidOption' }).optional(),
    overdue: z.boolean().optional(),
    dueThisWeek: z.boolean().optional(),
    /** Open appeals due on this day or the next calendar day (an executor's tasks: see MyTasks). */
    due: z.enum(TASK_DAYS, { error: 'validation.invalidOption' }).optional(),
    /**
     * Extensions whose applicant is not yet told ('due'), of those the ones past the notice's
     * due date ('overdue'): the stored notice_due_on.
     */
    notice: z.enum(NOTICE_FILTERS, { error: 'validation.invalidOption' }).optional(),
    /**
     * Appeals marked for redirect and still open ('due'), of those past the due date
     * ('overdue'), and those plus the ones redirected after it ('late').
     */
    redirect: z.enum(REDIRECT_FILTERS, { error: 'validation.invalidOption' }).optional(),
    /** Entries annulled as entered by mistake: left out unless asked for, with the others or alone. */
    annulled: z.enum(['include', 'only'], { error: 'validation.invalidOption' }).optional(),
    sort: z.enum(APPEAL_SORT_FIELDS).default('receivedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    ...paging,
  })
  .strict()

/**
 * The list as a file: its filters and sort as the list asks for them (no paging: every row), the
 * columns the user chose (in the list's order), the file's format and language.
 */
export const exportListInput = z
  .object({
    filters: listAppealsInput.omit({ offset: true, limit: true }),
    columns: z.array(z.enum(APPEAL_LIST_COLUMNS, { error: 'validation.invalidOption' })).min(1),
    format: z.enum(['xlsx', 'pdf'], { error: 'validation.invalidOption' }),
    lang: z.enum(LANGUAGES),
  })
  .strict()

/** Annuls an entry made by mistake: its number stays taken, the reason goes into its history. */
export const annulAppealInput = z.object({ id: entityId, version: recordVersion, reason: requiredText(2000) }).strict()

/** The open appeals of one executor on paper; another executor's only for who oversees them (taskSheet.ts). */
export const taskSheetInput = z.object({ lang: z.enum(LANGUAGES), executorId: entityId.optional() }).strict()

export const receiptInput = z.object({ id: entityId, lang: z.enum(LANGUAGES) }).strict()

export const findApplicantsInput = z.object({ query: z.string().trim().min(2).max(100) }).strict()

export const repeatCandidatesInput = z
  .object({
    applicant: applicantSchema,
    localityId: optionalId,
    sectorId: entityId,
    /** The appeal being edited, left out of its own candidates. */
    excludeId: optionalId,
  })
  .strict()

/** The applicant as typed in the form, and the appeal being edited (left out of the record). */
export const nameOnRecordInput = z.object({ applicant: applicantSchema, excludeId: optionalId }).strict()

// ---------------------------------------------------------------- outputs

/** Another name the typed IIN/BIN is on record under: its latest, with how many appeals and the last one's date. */
export interface NameOnRecord {
  /** Null for a caller who may not see personal data: the warning then says only that it differs. */
  name: string | null
  appealsCount: number
  lastOn: IsoDate
}

/** One row of the appeals list: what a clerk scans. Overdue and due-this-week are computed on read. */
export interface AppealSummary {
  id: number
  regNumber: string
  receivedAt: string
  registeredOn: IsoDate
  channel: AppealChannel
  appealType: AppealType
  sectorId: number
  localityId: number | null
  meetingId: number | null
  applicantKind: ApplicantKind
  applicantName: string | null
  summary: string
  status: AppealStatus
  outcome: AppealOutcome | null
  /**
   * Closed at registration by law (an anonymous appeal: not considered, or sent on as a report
   * of a crime or a threat): no term runs, and none is shown.
   */
  registrationClosing: RegistrationClosing | null
  /** The deadline in force: the extended one when extended. */
  dueOn: IsoDate
  executorId: number | null
  executorName: string | null
  repeated: boolean
  overdue: boolean
  dueThisWeek: boolean
  /**
   * The deadline runs through a year the calendar does not hold: counted without that year's
   * holidays, it may come out early. Computed on read from the years the calendar holds.
   */
  dueProvisional: boolean
  /** By when the applicant must be told of the extension (stored at the decision); null when not extended. */
  noticeDueOn: IsoDate | null
  /** When the applicant was told (null: not yet). */
  noticeSentOn: IsoDate | null
  /** Still open, not told, and that date is past. */
  noticeOverdue: boolean
  /** By when the appeal must be redirected (stored when marked for redirect, or when redirected). */
  redirectDueOn: IsoDate | null
  /** Redirected after that date, or still open past it. */
  redirectLate: boolean
}

export interface AuditEvent {
  at: string
  operator: string | null
  action: string
  field: string | null
  oldValue: string | null
  newValue: string | null
}

export interface Appeal extends AppealSummary {
  uuid: string
  /** What every edit of the appeal names (`version`): see fields.ts recordVersion. */
  version: number
  externalNumber: string | null
  applicant: Applicant
  collective: boolean
  signatories: number | null
  reviewDueOn: IsoDate
  extension: {
    extendedDueOn: IsoDate
    reason: string
    decidedOn: IsoDate
    notifiedOn: IsoDate | null
    noticeDueOn: IsoDate
  } | null
  redirect: { redirectedTo: string; redirectedOn: IsoDate; dueOn: IsoDate } | null
  closingReason: string | null
  answerText: string | null
  answeredOn: IsoDate | null
  /** Null until answered. */
  answeredOnTime: boolean | null
  /** The outgoing letter's number and date, signatory and delivery; null until answered. */
  answer: AnswerDetails | null
  repeatedOfId: number | null
  repeatedOfNumber: string | null
  /** Who accepted it, with the position in Kazakh and (when typed) in Russian. */
  acceptedBy: { id: number; fullName: string; position: string; positionRu: string | null } | null
  /** Latest extension date allowed (two months from registration). */
  maxExtendedDueOn: IsoDate
  /** When and why the entry was annulled; null for an entry that stands. */
  annulment: { at: string; reason: string } | null
  /** Oldest first; earlier IINs, phones and addresses masked like the applicant's. */
  history: AuditEvent[]
  /**
   * The applicant's IIN/BIN, phone and address are masked on every card (law 94-V); `masked`:
   * some value here is masked; `mayReveal`: this caller may see them in full through
   * appeals.revealPersonalData (recorded). Decided in the core from the caller's role.
   */
  personalData: { masked: boolean; mayReveal: boolean }
}

/** An applicant's personal data in full, as a reveal returns it (and records who saw it). */
export interface RevealedPersonalData {
  id: number
  applicant: Applicant
}

export interface AppealPage {
  rows: AppealSummary[]
  total: number
}

/**
 * The signed-in user's own open appeals (they are the executor), grouped by deadline: past it,
 * due today, due tomorrow (the next calendar day: on a Friday, Saturday, which the statutory
 * rules never leave a deadline on, so a Friday's "tomorrow" is empty and Monday's appeals come
 * up as "today" on Monday, and under "this week" on the dashboard before). Each group holds its
 * count and its first rows, soonest deadline first.
 */
export interface MyTasks {
  /** null: the account is linked to no staff member, so nothing is anyone's task (the panel says so). */
  executorId: number | null
  today: IsoDate
  tomorrow: IsoDate
  overdue: AppealPage
  dueToday: AppealPage
  dueTomorrow: AppealPage
}

export interface TaskSheet {
  fileName: string
  /** The PDF, base64-encoded (both doors carry JSON). */
  base64: string
}

/** A returning citizen or organisation, with their latest appeals. */
export interface KnownApplicant {
  applicant: Applicant
  localityId: number | null
  appealsCount: number
  latest: AppealSummary[]
}

export interface Receipt {
  fileName: string
  /** The PDF, base64-encoded (both doors carry JSON). */
  base64: string
}
