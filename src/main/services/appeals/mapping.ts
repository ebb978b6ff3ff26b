import type { Applicant, AppealSummary } from '@shared/api/contract'
import { isDueThisWeek, isOverdue, type AppealStatus } from '@shared/domain/appeal'
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

export function applicantToColumns(applicant: Applicant): ApplicantColumns {
  const none = { applicantSurname: null, applicantFirstName: null, applicantPatronymic: null, applicantIdNumber: null, applicantPhone: null, applicantAddress: null }
  switch (applicant.kind) {
    case 'individual':
      return {
        ...none,
        applicantKind: 'individual',
        applicantName: applicantDisplayName(applicant),
        applicantSurname: applicant.surname,
        applicantFirstName: applicant.firstName,
        applicantPatronymic: applicant.patronymic,
        applicantIdNumber: applicant.iin,
        applicantPhone: applicant.phone,
        applicantAddress: applicant.address,
      }
    case 'organisation':
      return {
        ...none,
        applicantKind: 'organisation',
        applicantName: applicant.name,
        applicantIdNumber: applicant.bin,
        applicantPhone: applicant.phone,
        applicantAddress: applicant.address,
      }
    case 'anonymous':
      return { ...none, applicantKind: 'anonymous', applicantName: null }
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
    return { kind: 'organisation', name: row.applicantName ?? '', bin: row.applicantIdNumber, phone: row.applicantPhone, address: row.applicantAddress }
  }
  return { kind: 'anonymous' }
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
  'a.due_on AS due_on',
  'a.executor_id AS executor_id',
  // an imported appeal's executor is of its source office's staff, kept by name
  'COALESCE(ex.full_name, a.origin_executor_name) AS executor_name',
  'a.repeated AS repeated',
]

export type SummaryRaw = Record<string, unknown>

/** A boolean column as any driver returns it (SQLite 0/1, PostgreSQL true/false). */
export const isTrue = (value: unknown): boolean => value === true || value === 1 || value === '1'

export function summaryFromRaw(raw: SummaryRaw, today: string): AppealSummary {
  const status = raw.status as AppealStatus
  const dueOn = String(raw.due_on)
  return {
    id: Number(raw.id),
    regNumber: String(raw.reg_number),
    receivedAt: String(raw.received_at),
    registeredOn: String(raw.registered_on),
    channel: raw.channel as AppealSummary['channel'],
    appealType: raw.appeal_type as AppealSummary['appealType'],
    sectorId: Number(raw.sector_id),
    localityId: raw.locality_id === null ? null : Number(raw.locality_id),
    meetingId: raw.meeting_id === null ? null : Number(raw.meeting_id),
    applicantKind: raw.applicant_kind as AppealSummary['applicantKind'],
    applicantName: raw.applicant_name === null ? null : String(raw.applicant_name),
    summary: String(raw.summary),
    status,
    outcome: (raw.outcome as AppealSummary['outcome']) ?? null,
    dueOn,
    executorId: raw.executor_id === null ? null : Number(raw.executor_id),
    executorName: raw.executor_name === null ? null : String(raw.executor_name),
    repeated: isTrue(raw.repeated),
    overdue: isOverdue(status, dueOn, today),
    dueThisWeek: isDueThisWeek(status, dueOn, today),
  }
}
