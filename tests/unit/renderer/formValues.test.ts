import { describe, expect, it } from 'vitest'
import type { Appeal } from '@shared/api/contract'
import { contract } from '@shared/api/contract'
import {
  appealFormValues,
  applicantFormValues,
  BLANK_APPLICANT,
  toApplicantInput,
  toCreateInput,
  toUpdateInput,
  type AppealFormValues,
  type ApplicantFormValues,
} from '../../../src/renderer/src/components/appeals/form/formValues'

/** The form as a clerk leaves it after typing a citizen's complaint. */
const filled: AppealFormValues = {
  receivedAt: '2026-03-10T10:15',
  channel: 'reception',
  externalNumber: 'ЖТ-T-0001',
  appealType: 'complaint',
  sectorId: 3,
  localityId: 4,
  meetingId: null,
  applicant: {
    ...BLANK_APPLICANT,
    surname: 'Серікбаев',
    firstName: 'Нұрлан',
    name: 'typed while the kind was organisation',
    bin: '123',
  },
  collective: false,
  signatories: 25,
  summary: 'Көшеде жарық жоқ',
  executorId: 2,
  repeatedOfId: null,
  crimeReportTo: '',
}

/** The paths of the API's issues for an input, as the form names its fields. */
function issuePaths(input: unknown, method: 'appeals.create' | 'appeals.update'): string[] {
  const parsed = contract[method].input.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))
}

describe('toApplicantInput', () => {
  const typed: ApplicantFormValues = {
    kind: 'individual',
    surname: 'Ахметова',
    firstName: 'Сәуле',
    patronymic: 'Қайратқызы',
    iin: '',
    name: 'ЖШС «Қарасу»',
    bin: '',
    phone: '+7 701 000 0000',
    address: 'Қарасу а., Абай к-сі 1',
  }

  it("sends only the chosen kind's fields", () => {
    expect(toApplicantInput(typed)).toEqual({
      kind: 'individual',
      surname: 'Ахметова',
      firstName: 'Сәуле',
      patronymic: 'Қайратқызы',
      iin: '',
      phone: '+7 701 000 0000',
      address: 'Қарасу а., Абай к-сі 1',
    })
    expect(toApplicantInput({ ...typed, kind: 'organisation' })).toEqual({
      kind: 'organisation',
      name: 'ЖШС «Қарасу»',
      bin: '',
      phone: '+7 701 000 0000',
      address: 'Қарасу а., Абай к-сі 1',
    })
    expect(toApplicantInput({ ...typed, kind: 'anonymous' })).toEqual({ kind: 'anonymous' })
  })
})

describe('applicantFormValues', () => {
  it('fills the form from an individual, empty text for what is missing', () => {
    const values = applicantFormValues({
      kind: 'individual',
      surname: 'Ахметова',
      firstName: 'Сәуле',
      patronymic: null,
      iin: null,
      phone: null,
      address: 'Абай к-сі 1',
    })
    expect(values).toEqual({ ...BLANK_APPLICANT, surname: 'Ахметова', firstName: 'Сәуле', address: 'Абай к-сі 1' })
  })

  it('fills the form from an organisation and from an anonymous applicant', () => {
    expect(
      applicantFormValues({
        kind: 'organisation',
        name: 'ЖШС «Қарасу»',
        bin: null,
        phone: '87015550000',
        address: null,
      }),
    ).toEqual({ ...BLANK_APPLICANT, kind: 'organisation', name: 'ЖШС «Қарасу»', phone: '87015550000' })
    expect(applicantFormValues({ kind: 'anonymous' })).toEqual({ ...BLANK_APPLICANT, kind: 'anonymous' })
  })

  it('round-trips: the form made from an applicant sends that applicant back', () => {
    const organisation = { kind: 'organisation' as const, name: 'ЖШС «Қарасу»', bin: '', phone: '', address: '' }
    expect(toApplicantInput(applicantFormValues({ ...organisation, bin: null, phone: null, address: null }))).toEqual(
      organisation,
    )
  })
})

describe('toCreateInput', () => {
  it('makes an input the API accepts from a filled form', () => {
    expect(issuePaths(toCreateInput(filled), 'appeals.create')).toEqual([])
  })

  it('drops the e-Otinish number unless the channel is e-Otinish, and signatories unless collective', () => {
    const input = toCreateInput(filled)
    expect(input.externalNumber).toBeNull()
    expect(input.signatories).toBeNull()
    expect(input.applicant).toEqual({
      kind: 'individual',
      surname: 'Серікбаев',
      firstName: 'Нұрлан',
      patronymic: '',
      iin: '',
      phone: '',
      address: '',
    })

    const online = toCreateInput({ ...filled, channel: 'e_otinish', collective: true })
    expect(online.externalNumber).toBe('ЖТ-T-0001')
    expect(online.signatories).toBe(25)
  })

  it('sends missing choices as they are, so the API names each field', () => {
    const blank: AppealFormValues = {
      ...filled,
      receivedAt: null,
      channel: null,
      appealType: null,
      sectorId: null,
      summary: '',
      applicant: { ...BLANK_APPLICANT, iin: '123' },
    }
    expect(issuePaths(toCreateInput(blank), 'appeals.create').sort()).toEqual(
      [
        'receivedAt',
        'channel',
        'appealType',
        'sectorId',
        'summary',
        'applicant.surname',
        'applicant.firstName',
        'applicant.iin',
      ].sort(),
    )
  })
})

describe('editing', () => {
  const appeal = {
    id: 42,
    receivedAt: '2026-03-10T10:15',
    channel: 'report_meeting',
    externalNumber: null,
    appealType: 'request',
    sectorId: 3,
    localityId: null,
    meetingId: 8,
    applicant: { kind: 'at_meeting' },
    collective: true,
    signatories: 12,
    summary: 'Жол жөндеу',
    executorId: null,
    repeatedOfId: 40,
  } as Appeal

  it('starts the form from the registered appeal', () => {
    expect(appealFormValues(appeal)).toEqual({
      receivedAt: '2026-03-10T10:15',
      channel: 'report_meeting',
      externalNumber: '',
      appealType: 'request',
      sectorId: 3,
      localityId: null,
      meetingId: 8,
      applicant: { ...BLANK_APPLICANT, kind: 'at_meeting' },
      collective: true,
      signatories: 12,
      summary: 'Жол жөндеу',
      executorId: null,
      repeatedOfId: 40,
      crimeReportTo: '',
    })
  })

  it('sends the unchanged form back as an update the API accepts, with the version loaded, the meeting and repeat link kept', () => {
    const input = toUpdateInput({ id: 42, version: 3 }, appealFormValues(appeal))
    expect(issuePaths(input, 'appeals.update')).toEqual([])
    expect(input).toMatchObject({
      id: 42,
      version: 3,
      meetingId: 8,
      repeatedOfId: 40,
      signatories: 12,
      externalNumber: null,
    })
    expect(input).not.toHaveProperty('receivedAt')
  })
})
