import type { Applicant, AppealSummary } from '@shared/api/contract'
import {
  isDueThisWeek,
  isNoticeOverdue,
  isOverdue,
  isRedirectLate,
  registrationClosingOf,
  type AppealStatus,
} from '@shared/domain/appeal'
import { isProvisionalTerm, type WorkingCalendar } from '@shared/domain/calendar'
import type { AppealRow } from '../../db/entities'

type ApplicantColumns = Pick<
  AppealRow,
  | 'applicantKind'
  | 'applicantName'
  | 'applicantSurname'
  | 'applicantFirstName'
  | 'applicantPatronymic'
  | 'applicantIdNumber'
  | 'applicantPhone'
  | 'applicantAddress'
>

/** How an applicant is shown and searched: "Surname Name Patronymic", or the organisation's name. */
export function applicantDisplayName(applicant: Applicant): string | null {
  if (applicant.kind === 'individual') {
    return [applicant.surname, applicant.firstName, applicant.patronymic].filter(Boolean).join(' ')
  }
  if (applicant.kind === 'organisation') return applicant.name
  return null
}

/** The applicant's columns; an optional field left out is null, as the database gives it back. */
export function applicantToColumns(applicant: Applicant): ApplicantColumns {
  // literals, not spreads of a common part: cheaper on V8 (Node 20), and an import maps 10,000
  switch (applicant.kind) {
    case 'individual':
      return {
        applicantKind: 'individual',
        applicantName: applicantDisplayName(applicant),
        applicantSurname: applicant.surname,
        applicantFirstName: applicant.firstName,
        applicantPatronymic: applicant.patronymic ?? null,
        applicantIdNumber: applicant.iin ?? null,
        applicantPhone: applicant.phone ?? null,
        applicantAddress: applicant.address ?? null,
      }
    case 'organisation':
      return {
        applicantKind: 'organisation',
        applicantName: applicant.name,
        applicantSurname: null,
        applicantFirstName: null,
        applicantPatronymic: null,
        applicantIdNumber: applicant.bin ?? null,
        applicantPhone: applicant.phone ?? null,
        applicantAddress: applicant.address ?? null,
      }
    case 'anonymous':
    case 'at_meeting':
      return {
        applicantKind: applicant.kind,
        applicantName: null,
        applicantSurname: null,
        applicantFirstName: null,
        applicantPatronymic: null,
        applicantIdNumber: null,
        applicantPhone: null,
        applicantAddress: null,
      }
  }
}

export function applicantFromColumns(row: ApplicantColumns): Applicant {
  if (row.applicantKind === 'individual') {
    return {
      kind: 'individual',
      surname: row.applicantSurname ?? row.applicantName ?? '',
      firstName: row.applicantFirstName ?? '',
      patronymic: row.applicantPatronymic,
      iin: row.applicantIdNumber,
      phone: row.applicantPhone,
      address: row.applicantAddress,
    }
  }
  if (row.applicantKind === 'organisation') {
    return {
      kind: 'organisation',
      name: row.applicantName ?? '',
      bin: row.applicantIdNumber,
      phone: row.applicantPhone,
      address: row.applicantAddress,
    }
  }
  return { kind: row.applicantKind }
}

/**
 * The columns of a list row, selected by SQL (see queries.ts), and how they become an
 * AppealSummary. Raw rows come back snake_case, with booleans as 0/1 on SQLite.
 */
export const SUMMARY_COLUMNS = [
  'a.id AS id',
  'a.reg_number AS reg_number',
  'a.received_at AS received_at',
  'a.registered_on AS registered_on',
  'a.channel AS channel',
  'a.appeal_type AS appeal_type',
  'a.sector_id AS sector_id',
  'a.locality_id AS locality_id',
  'a.meeting_id AS meeting_id',
  'a.applicant_kind AS applicant_kind',
  'a.applicant_name AS applicant_name',
  'a.summary AS summary',
  'a.status AS status',
  'a.outcome AS outcome',
  'a.closing_reason AS closing_reason',
  'a.due_on AS due_on',
  'a.executor_id AS executor_id',
  // an imported appeal's executor is of its source office's staff, kept by name
  'COALESCE(ex.full_name, a.origin_executor_name) AS executor_name',
  'a.repeated AS repeated',
  'a.notice_due_on AS notice_due_on',
  'a.extension_notified_on AS extension_notified_on',
  'a.redirect_due_on AS redirect_due_on',
  'a.redirected_on AS redirected_on',
]

export type SummaryRaw = Record<string, unknown>

/**
 * The list columns of a row already in hand (an appeal just registered), as SUMMARY_COLUMNS
 * select them: summaryFromRaw() makes the same summary of it as of the row read back.
 */
export function summaryRawOfRow(row: AppealRow, executorName: string | null): SummaryRaw {
  return {
    id: row.id,
    reg_number: row.regNumber,
    received_at: row.receivedAt,
    registered_on: row.registeredOn,
    channel: row.channel,
    appeal_type: row.appealType,
    sector_id: row.sectorId,
    locality_id: row.localityId,
    meeting_id: row.meetingId,
    applicant_kind: row.applicantKind,
    applicant_name: row.applicantName,
    summary: row.summary,
    status: row.status,
    outcome: row.outcome,
    closing_reason: row.closingReason,
    due_on: row.dueOn,
    executor_id: row.executorId,
    executor_name: executorName ?? row.originExecutorName,
    repeated: row.repeated,
    notice_due_on: row.noticeDueOn,
    extension_notified_on: row.extensionNotifiedOn,
    redirect_due_on: row.redirectDueOn,
    redirected_on: row.redirectedOn,
  }
}

/** A boolean column as any driver returns it (SQLite 0/1, PostgreSQL true/false). */
export const isTrue = (value: unknown): boolean => value === true || value === 1 || value === '1'

/** What a summary is judged against: the office's today, and the calendar (which years it holds). */
export interface ReadDay {
  today: string
  calendar: WorkingCalendar
}

export function summaryFromRaw(raw: SummaryRaw, { today, calendar }: ReadDay): AppealSummary {
  const registeredOn = String(raw.registered_on)
  const status = raw.status as AppealStatus
  const applicantKind = raw.applicant_kind as AppealSummary['applicantKind']
  const dueOn = String(raw.due_on)
  const noticeDueOn = optionalDate(raw.notice_due_on)
  const redirectDueOn = optionalDate(raw.redirect_due_on)
  const noticeSentOn = optionalDate(raw.extension_notified_on)
  return {
    id: Number(raw.id),
    regNumber: String(raw.reg_number),
    receivedAt: String(raw.received_at),
    registeredOn,
    channel: raw.channel as AppealSummary['channel'],
    appealType: raw.appeal_type as AppealSummary['appealType'],
    sectorId: Number(raw.sector_id),
    localityId: raw.locality_id === null ? null : Number(raw.locality_id),
    meetingId: raw.meeting_id === null ? null : Number(raw.meeting_id),
    applicantKind,
    applicantName: raw.applicant_name === null ? null : String(raw.applicant_name),
    summary: String(raw.summary),
    status,
    outcome: (raw.outcome as AppealSummary['outcome']) ?? null,
    registrationClosing: registrationClosingOf(
      applicantKind,
      raw.closing_reason === null ? null : String(raw.closing_reason),
    ),
    dueOn,
    executorId: raw.executor_id === null ? null : Number(raw.executor_id),
    executorName: raw.executor_name === null ? null : String(raw.executor_name),
    repeated: isTrue(raw.repeated),
    overdue: isOverdue(status, dueOn, today),
    dueThisWeek: isDueThisWeek(status, dueOn, today),
    dueProvisional: isProvisionalTerm(calendar, registeredOn, dueOn),
    noticeDueOn,
    noticeSentOn,
    noticeOverdue: isNoticeOverdue(status, noticeDueOn, noticeSentOn, today),
    redirectDueOn,
    redirectLate: isRedirectLate(status, redirectDueOn, optionalDate(raw.redirected_on), today),
  }
}

const optionalDate = (value: unknown): string | null => (value === null || value === undefined ? null : String(value))
