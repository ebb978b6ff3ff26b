import { addMonths, startOfWeek, addDays, type IsoDate } from './dates'
import { addWorkingDays, isReceptionDay, nextWorkingDayFrom, type WorkingCalendar } from './calendar'

/** How an appeal reached the office. */
export const APPEAL_CHANNELS = ['reception', 'report_meeting', 'written', 'e_otinish', 'phone', 'site_visit'] as const
export type AppealChannel = (typeof APPEAL_CHANNELS)[number]

/** The channels of an appeal outside a meeting: every one but `report_meeting` (see meetingChannelProblem). */
export const RECEPTION_CHANNELS = APPEAL_CHANNELS.filter((channel) => channel !== 'report_meeting')

/** The six appeal types of the Administrative Procedural Code. */
export const APPEAL_TYPES = ['application', 'complaint', 'proposal', 'request', 'response', 'report'] as const
export type AppealType = (typeof APPEAL_TYPES)[number]

/**
 * Who raised it. `anonymous`: no name, outside a report meeting; recorded, not considered.
 * `at_meeting` (the column holds 16 characters): a question raised at a report meeting without a name; considered like
 * every meeting question (the meeting itself is its source).
 */
export const APPLICANT_KINDS = ['individual', 'organisation', 'anonymous', 'at_meeting'] as const
export type ApplicantKind = (typeof APPLICANT_KINDS)[number]

/** An applicant without a name (anonymous, or raised at a meeting): nothing to show, mask or look up. */
export function isNameless(kind: ApplicantKind): kind is 'anonymous' | 'at_meeting' {
  return kind === 'anonymous' || kind === 'at_meeting'
}

export const APPEAL_STATUSES = [
  'registered',
  'in_progress',
  'answered',
  'redirected',
  'left_without_consideration',
  'withdrawn',
  'annulled',
] as const
export type AppealStatus = (typeof APPEAL_STATUSES)[number]

/** The outcome of an answered appeal. */
export const APPEAL_OUTCOMES = ['satisfied_fully', 'satisfied_partly', 'explained', 'refused'] as const
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number]

/**
 * The allowed transitions. An appeal is taken into work before it is answered; redirecting,
 * leaving without consideration and withdrawal can happen before an answer; the last four
 * statuses are final.
 */
export const APPEAL_TRANSITIONS: Record<AppealStatus, readonly AppealStatus[]> = {
  registered: ['in_progress', 'redirected', 'left_without_consideration', 'withdrawn'],
  in_progress: ['answered', 'redirected', 'left_without_consideration', 'withdrawn'],
  answered: [],
  redirected: [],
  left_without_consideration: [],
  withdrawn: [],
  // An entry made by mistake, annulled by the head or an administrator (appeals.annul, not a
  // transition): counted nowhere, its number never given again.
  annulled: [],
}

export const OPEN_STATUSES: readonly AppealStatus[] = ['registered', 'in_progress']

export function canTransition(from: AppealStatus, to: AppealStatus): boolean {
  return APPEAL_TRANSITIONS[from].includes(to)
}

/**
 * One definition of a meeting question: it belongs to a meeting, and then, and only then, its
 * channel is `report_meeting`. The reason an appeal's channel and meeting disagree, or null.
 */
export function meetingChannelProblem(
  channel: AppealChannel,
  meetingId: number | null,
): 'validation.meetingChannelWithoutMeeting' | 'validation.meetingQuestionChannel' | null {
  if (channel === 'report_meeting' && meetingId === null) return 'validation.meetingChannelWithoutMeeting'
  if (channel !== 'report_meeting' && meetingId !== null) return 'validation.meetingQuestionChannel'
  return null
}

/**
 * Why an appeal is closed at registration, stored as a code in its closing reason. An anonymous
 * appeal is recorded and not considered (APPK); one that reports a crime or a threat is sent at
 * once to the body the clerk names.
 */
export const REGISTRATION_CLOSINGS = ['anonymous', 'anonymous_crime_report'] as const
export type RegistrationClosing = (typeof REGISTRATION_CLOSINGS)[number]

/** The legal reason an appeal was closed at registration, read back from its stored closing reason. */
export function registrationClosingOf(
  applicantKind: ApplicantKind,
  closingReason: string | null,
): RegistrationClosing | null {
  if (applicantKind !== 'anonymous') return null
  return (REGISTRATION_CLOSINGS as readonly (string | null)[]).includes(closingReason)
    ? (closingReason as RegistrationClosing)
    : null
}

/**
 * What registration makes of an anonymous appeal: not considered, no term running (its due date
 * is the registration day, and the status is final, so it is never open nor overdue); or, when
 * it reports a crime or a threat, redirected that day. Null for every other appeal.
 */
export function anonymousClosing(
  applicantKind: ApplicantKind,
  crimeReportTo: string | null,
  registeredOn: IsoDate,
): {
  status: AppealStatus
  closingReason: RegistrationClosing
  redirectedTo: string | null
  redirectedOn: IsoDate | null
} | null {
  if (applicantKind !== 'anonymous') return null
  if (crimeReportTo)
    return {
      status: 'redirected',
      closingReason: 'anonymous_crime_report',
      redirectedTo: crimeReportTo,
      redirectedOn: registeredOn,
    }
  return { status: 'left_without_consideration', closingReason: 'anonymous', redirectedTo: null, redirectedOn: null }
}

/** Statutory terms, in working days unless said otherwise. */
export const TERMS = {
  review: 15,
  redirect: 3,
  notifyExtension: 3,
  maxExtensionMonths: 2,
} as const

/**
 * The registration date of an appeal received at a local date and time (YYYY-MM-DD, HH:MM):
 * the same day when it is a reception day and the office has not yet closed (received before
 * opening counts as that day too), else the next reception day (see `OfficeHours`).
 */
export function registrationDate(calendar: WorkingCalendar, receivedDate: IsoDate, receivedTime: string): IsoDate {
  if (isReceptionDay(calendar, receivedDate) && receivedTime < calendar.hours.closesAt) return receivedDate
  let d = addDays(receivedDate, 1)
  while (!isReceptionDay(calendar, d)) d = addDays(d, 1)
  return d
}

/** 15 working days from registration. */
export function reviewDueDate(calendar: WorkingCalendar, registeredOn: IsoDate): IsoDate {
  return addWorkingDays(calendar, registeredOn, TERMS.review)
}

/**
 * The latest date an extension may reach: two months from registration in all. A term counted
 * in months that ends on a day off ends on the next working day (the general rule on terms;
 * docs/ARCHITECTURE.md, "Appeals: how the rules are kept").
 */
export function maxExtendedDueDate(calendar: WorkingCalendar, registeredOn: IsoDate): IsoDate {
  return nextWorkingDayFrom(calendar, addMonths(registeredOn, TERMS.maxExtensionMonths))
}

/** What an extension already on record looks like to the rule: its decision date, if any. */
export interface ExtensionState {
  dueOn: IsoDate
  extensionDecidedOn: IsoDate | null
}

/**
 * Why an extension decided on `decidedOn` is refused, or null: the term is extended once, by a
 * decision taken while the term in force still runs (its last day included).
 */
export function extensionRefusal(appeal: ExtensionState, decidedOn: IsoDate): 'alreadyExtended' | 'termRanOut' | null {
  if (appeal.extensionDecidedOn !== null) return 'alreadyExtended'
  if (decidedOn > appeal.dueOn) return 'termRanOut'
  return null
}

/** The applicant must be told of an extension within 3 working days of the decision. */
export function extensionNoticeDueDate(calendar: WorkingCalendar, decidedOn: IsoDate): IsoDate {
  return addWorkingDays(calendar, decidedOn, TERMS.notifyExtension)
}

/** An appeal outside the office's competence goes to the right body within 3 working days. */
export function redirectDueDate(calendar: WorkingCalendar, registeredOn: IsoDate): IsoDate {
  return addWorkingDays(calendar, registeredOn, TERMS.redirect)
}

/**
 * The applicant of an extended appeal still open not yet told, with the notice's due date past. The due
 * date is stored when the extension is decided (extensionNoticeDueDate on that day's calendar).
 */
export function isNoticeOverdue(
  status: AppealStatus,
  noticeDueOn: IsoDate | null,
  notifiedOn: IsoDate | null,
  today: IsoDate,
): boolean {
  return OPEN_STATUSES.includes(status) && noticeDueOn !== null && notifiedOn === null && noticeDueOn < today
}

/**
 * A redirect late or running late: redirected after its due date, or still open with the due
 * date past. The due date is stored when the appeal is marked for redirect, or when it is
 * redirected unmarked (redirectDueDate on that day's calendar).
 */
export function isRedirectLate(
  status: AppealStatus,
  redirectDueOn: IsoDate | null,
  redirectedOn: IsoDate | null,
  today: IsoDate,
): boolean {
  if (redirectDueOn === null) return false
  if (redirectedOn !== null) return redirectedOn > redirectDueOn
  return OPEN_STATUSES.includes(status) && redirectDueOn < today
}

/** Computed on read, never stored, so it is never stale. */
export function isOverdue(status: AppealStatus, dueOn: IsoDate, today: IsoDate): boolean {
  return OPEN_STATUSES.includes(status) && dueOn < today
}

/** Open and due between today and the end of this week (Sunday). */
export function isDueThisWeek(status: AppealStatus, dueOn: IsoDate, today: IsoDate): boolean {
  return OPEN_STATUSES.includes(status) && dueOn >= today && dueOn <= weekEnd(today)
}

// The Sunday of the last `today` asked about: a list asks for each of its rows with the same day.
let lastWeek: { today: IsoDate; sunday: IsoDate } | null = null
function weekEnd(today: IsoDate): IsoDate {
  if (lastWeek?.today !== today) lastWeek = { today, sunday: addDays(startOfWeek(today), 6) }
  return lastWeek.sunday
}
