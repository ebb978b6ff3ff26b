import type { Appeal, ApiInput, Applicant, ApplicantInput } from '@shared/api/contract'
import type { AppealChannel, AppealType, ApplicantKind } from '@shared/domain/appeal'

/**
 * The applicant as the form holds it: the fields of every kind at once, so that switching
 * the kind back and forth loses nothing typed. Only the chosen kind's fields are sent.
 */
export interface ApplicantFormValues {
  kind: ApplicantKind
  surname: string
  firstName: string
  patronymic: string
  iin: string
  name: string
  bin: string
  phone: string
  address: string
}

/**
 * The registration / editing form. Field names mirror the API input (createAppealInput), so
 * that the API's field issues land under the right field (see api/formErrors.ts).
 */
export interface AppealFormValues {
  /** Registration only: the number and date of a registered appeal never change. */
  receivedAt: string | null
  channel: AppealChannel | null
  externalNumber: string
  appealType: AppealType | null
  sectorId: number | null
  localityId: number | null
  /** Set by the report-meeting pages; kept unchanged here. */
  meetingId: number | null
  applicant: ApplicantFormValues
  collective: boolean
  signatories: number | null
  summary: string
  executorId: number | null
  repeatedOfId: number | null
  /** Registration of an anonymous appeal only: the body a report of a crime or a threat goes to at once. */
  crimeReportTo: string
  /** The applicant's name confirmed though its IIN/BIN is on record under another (useNameOnRecord). */
  applicantNameConfirmed?: boolean
}

export const BLANK_APPLICANT: ApplicantFormValues = {
  kind: 'individual',
  surname: '',
  firstName: '',
  patronymic: '',
  iin: '',
  name: '',
  bin: '',
  phone: '',
  address: '',
}

export function applicantFormValues(applicant: Applicant): ApplicantFormValues {
  switch (applicant.kind) {
    case 'individual':
      return {
        ...BLANK_APPLICANT,
        kind: 'individual',
        surname: applicant.surname,
        firstName: applicant.firstName,
        patronymic: applicant.patronymic ?? '',
        iin: applicant.iin ?? '',
        phone: applicant.phone ?? '',
        address: applicant.address ?? '',
      }
    case 'organisation':
      return {
        ...BLANK_APPLICANT,
        kind: 'organisation',
        name: applicant.name,
        bin: applicant.bin ?? '',
        phone: applicant.phone ?? '',
        address: applicant.address ?? '',
      }
    case 'anonymous':
    case 'at_meeting':
      return { ...BLANK_APPLICANT, kind: applicant.kind }
  }
}

export function toApplicantInput(values: ApplicantFormValues): ApplicantInput {
  const { surname, firstName, patronymic, iin, name, bin, phone, address } = values
  switch (values.kind) {
    case 'individual':
      return { kind: 'individual', surname, firstName, patronymic, iin, phone, address }
    case 'organisation':
      return { kind: 'organisation', name, bin, phone, address }
    case 'anonymous':
    case 'at_meeting':
      return { kind: values.kind }
  }
}

/**
 * The fields registration and editing share, as the API takes them. A missing choice is sent
 * as it is (null): the API answers with a message under that field, in one place for all doors.
 */
function toAppealFields(values: AppealFormValues): Omit<ApiInput<'appeals.update'>, 'id'> {
  return {
    channel: values.channel as AppealChannel,
    externalNumber: values.channel === 'e_otinish' ? values.externalNumber : null,
    appealType: values.appealType as AppealType,
    sectorId: values.sectorId as number,
    localityId: values.localityId,
    meetingId: values.meetingId,
    applicant: toApplicantInput(values.applicant),
    collective: values.collective,
    signatories: values.collective ? values.signatories : null,
    summary: values.summary,
    executorId: values.executorId,
    repeatedOfId: values.repeatedOfId,
    applicantNameConfirmed: values.applicantNameConfirmed === true,
  }
}

export function toCreateInput(values: AppealFormValues): ApiInput<'appeals.create'> {
  const crimeReportTo = values.applicant.kind === 'anonymous' ? values.crimeReportTo : null
  return { receivedAt: values.receivedAt as string, ...toAppealFields(values), crimeReportTo }
}

/** An edit of the appeal as loaded: its version goes with it, so a save over another desk's is refused. */
export function toUpdateInput(
  { id, version }: Pick<Appeal, 'id' | 'version'>,
  values: AppealFormValues,
): ApiInput<'appeals.update'> {
  return { id, version, ...toAppealFields(values) }
}

/** A registered appeal as the editing form starts. */
export function appealFormValues(appeal: Appeal): AppealFormValues {
  return {
    receivedAt: appeal.receivedAt,
    channel: appeal.channel,
    externalNumber: appeal.externalNumber ?? '',
    appealType: appeal.appealType,
    sectorId: appeal.sectorId,
    localityId: appeal.localityId,
    meetingId: appeal.meetingId,
    applicant: applicantFormValues(appeal.applicant),
    collective: appeal.collective,
    signatories: appeal.signatories,
    summary: appeal.summary,
    executorId: appeal.executorId,
    repeatedOfId: appeal.repeatedOfId,
    crimeReportTo: '',
  }
}
