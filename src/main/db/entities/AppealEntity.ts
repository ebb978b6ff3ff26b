import { EntitySchema } from 'typeorm'
import { idColumn, timestampColumn } from './columns'

/**
 * An appeal (өтініш): a reception visit, a question raised at a report meeting, a letter.
 */
export interface AppealRow {
  id: number
  /** Stable across offices, for okrug → district consolidation. */
  uuid: string
  /** Per-year sequence, e.g. 2025-000123; assigned at registration, never reused. */
  regNumber: string
  /** Local wall-clock time the office received it, as typed: YYYY-MM-DDTHH:MM. */
  receivedAt: string
  registeredOn: string
  channel: string
  appealType: string
  sectorId: number
  localityId: number | null
  meetingId: number | null
  applicantKind: 'individual' | 'organisation' | 'anonymous' | 'at_meeting'
  applicantName: string | null
  /** IIN or BIN, 12 digits, when given. */
  applicantIdNumber: string | null
  summary: string
  status: string
  /** The deadline in force: the review deadline, or the extended one. */
  dueOn: string
  /** 15 working days from registration, as first computed. */
  reviewDueOn: string | null
  externalNumber: string | null
  applicantSurname: string | null
  applicantFirstName: string | null
  applicantPatronymic: string | null
  applicantPhone: string | null
  applicantAddress: string | null
  collective: boolean
  signatories: number | null
  executorId: number | null
  acceptedById: number | null
  outcome: string | null
  answerText: string | null
  answeredOn: string | null
  /** The answer letter's number in the office's outgoing register and its date (migration 0017). */
  answerOutgoingNumber: string | null
  answerOutgoingOn: string | null
  /** Who signed the answer: a staff member, or a signer outside the staff list by name (one or the other). */
  answerSignatoryId: number | null
  answerSignatoryName: string | null
  /** in_person | post | email | e_otinish (shared/domain/answer.ts). */
  answerDelivery: string | null
  closingReason: string | null
  extensionReason: string | null
  extensionDecidedOn: string | null
  /** The applicant told of the extension (null: not yet). */
  extensionNotifiedOn: string | null
  /** By when the applicant must be told of the extension: stored when it is decided (migration 0013). */
  noticeDueOn: string | null
  redirectedTo: string | null
  redirectedOn: string | null
  /**
   * By when an appeal outside the office's competence must be redirected: stored when it is
   * marked so, or when it is redirected unmarked (migration 0013). Set and open: "to be redirected".
   */
  redirectDueOn: string | null
  repeated: boolean
  repeatedOfId: number | null
  /** Folded numbers + applicant + summary, indexed by FTS5 (see migration 0002, 0016). */
  searchText: string
  /** Folded IIN/BIN, phone endings and address: searched only by who may see them (migration 0016). */
  personalSearchText: string
  /** Set on records that came in a package from another office (okrug → district). */
  originOfficeUuid: string | null
  /** The version (updated_at) of that record that was imported. */
  importedVersion: string | null
  /** An imported appeal's number at its office (reg_number then holds it prefixed with the source's code). */
  originRegNumber: string | null
  /** An imported appeal's executor: a person of the source office's staff, by name. */
  originExecutorName: string | null
  createdAt: string
  updatedAt: string
  /** Bumped by every edit; an edit names the version it was made on (services/versioned.ts, migration 0015). */
  version: number
}

export const AppealEntity = new EntitySchema<AppealRow>({
  name: 'Appeal',
  tableName: 'appeals',
  columns: {
    id: idColumn,
    uuid: { type: 'varchar', length: 36, unique: true },
    regNumber: { type: 'varchar', length: 20, name: 'reg_number', unique: true },
    receivedAt: timestampColumn('received_at'),
    registeredOn: { type: 'date', name: 'registered_on' },
    channel: { type: 'varchar', length: 32 },
    appealType: { type: 'varchar', length: 32, name: 'appeal_type' },
    sectorId: { type: 'integer', name: 'sector_id' },
    localityId: { type: 'integer', name: 'locality_id', nullable: true },
    meetingId: { type: 'integer', name: 'meeting_id', nullable: true },
    applicantKind: { type: 'varchar', length: 16, name: 'applicant_kind' },
    applicantName: { type: 'varchar', length: 300, name: 'applicant_name', nullable: true },
    applicantIdNumber: { type: 'varchar', length: 12, name: 'applicant_id_number', nullable: true },
    summary: { type: 'text' },
    status: { type: 'varchar', length: 32 },
    dueOn: { type: 'date', name: 'due_on' },
    reviewDueOn: { type: 'date', name: 'review_due_on', nullable: true },
    externalNumber: { type: 'varchar', length: 64, name: 'external_number', nullable: true },
    applicantSurname: { type: 'varchar', length: 100, name: 'applicant_surname', nullable: true },
    applicantFirstName: { type: 'varchar', length: 100, name: 'applicant_first_name', nullable: true },
    applicantPatronymic: { type: 'varchar', length: 100, name: 'applicant_patronymic', nullable: true },
    applicantPhone: { type: 'varchar', length: 32, name: 'applicant_phone', nullable: true },
    applicantAddress: { type: 'varchar', length: 300, name: 'applicant_address', nullable: true },
    collective: { type: 'boolean', default: false },
    signatories: { type: 'integer', nullable: true },
    executorId: { type: 'integer', name: 'executor_id', nullable: true },
    acceptedById: { type: 'integer', name: 'accepted_by_id', nullable: true },
    outcome: { type: 'varchar', length: 32, nullable: true },
    answerText: { type: 'text', name: 'answer_text', nullable: true },
    answeredOn: { type: 'date', name: 'answered_on', nullable: true },
    answerOutgoingNumber: { type: 'varchar', length: 64, name: 'answer_outgoing_number', nullable: true },
    answerOutgoingOn: { type: 'date', name: 'answer_outgoing_on', nullable: true },
    answerSignatoryId: { type: 'integer', name: 'answer_signatory_id', nullable: true },
    answerSignatoryName: { type: 'varchar', length: 200, name: 'answer_signatory_name', nullable: true },
    answerDelivery: { type: 'varchar', length: 16, name: 'answer_delivery', nullable: true },
    closingReason: { type: 'text', name: 'closing_reason', nullable: true },
    extensionReason: { type: 'text', name: 'extension_reason', nullable: true },
    extensionDecidedOn: { type: 'date', name: 'extension_decided_on', nullable: true },
    extensionNotifiedOn: { type: 'date', name: 'extension_notified_on', nullable: true },
    noticeDueOn: { type: 'date', name: 'notice_due_on', nullable: true },
    redirectedTo: { type: 'varchar', length: 300, name: 'redirected_to', nullable: true },
    redirectedOn: { type: 'date', name: 'redirected_on', nullable: true },
    redirectDueOn: { type: 'date', name: 'redirect_due_on', nullable: true },
    repeated: { type: 'boolean', default: false },
    repeatedOfId: { type: 'integer', name: 'repeated_of_id', nullable: true },
    searchText: { type: 'text', name: 'search_text', default: '' },
    personalSearchText: { type: 'text', name: 'personal_search_text', default: '' },
    originOfficeUuid: { type: 'varchar', length: 36, name: 'origin_office_uuid', nullable: true },
    importedVersion: { type: 'varchar', length: 32, name: 'imported_version', nullable: true },
    originRegNumber: { type: 'varchar', length: 20, name: 'origin_reg_number', nullable: true },
    originExecutorName: { type: 'varchar', length: 200, name: 'origin_executor_name', nullable: true },
    createdAt: timestampColumn('created_at'),
    updatedAt: timestampColumn('updated_at'),
    version: { type: 'integer', default: 1 },
  },
})
