import { RECEPTION_CHANNELS, type AppealChannel } from '@shared/domain/appeal'
import { nowLocalDateTime } from '../../../lib/dateInputs'
import { BLANK_APPLICANT, type AppealFormValues } from './formValues'

const KEY = 'akimat-desk.reception-defaults'

/**
 * What the next blank registration form starts with: the clerk's last channel, executor and
 * locality. A convenience of this workstation, so it lives in localStorage (office-wide
 * preferences live in the database).
 */
export interface ReceptionDefaults {
  channel: AppealChannel
  executorId: number | null
  localityId: number | null
}

const FIRST_DEFAULTS: ReceptionDefaults = { channel: 'reception', executorId: null, localityId: null }

export function readReceptionDefaults(): ReceptionDefaults {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<keyof ReceptionDefaults, unknown>>
    const id = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null)
    return {
      channel: RECEPTION_CHANNELS.find((channel) => channel === stored.channel) ?? FIRST_DEFAULTS.channel,
      executorId: id(stored.executorId),
      localityId: id(stored.localityId),
    }
  } catch {
    return FIRST_DEFAULTS
  }
}

export function rememberReceptionDefaults(values: AppealFormValues): void {
  const defaults: ReceptionDefaults = {
    channel: values.channel ?? FIRST_DEFAULTS.channel,
    executorId: values.executorId,
    localityId: values.localityId,
  }
  localStorage.setItem(KEY, JSON.stringify(defaults))
}

/** A blank registration form: received now, the remembered defaults, an individual applicant. */
export function blankAppealValues(defaults: ReceptionDefaults = readReceptionDefaults()): AppealFormValues {
  return {
    receivedAt: nowLocalDateTime(),
    channel: defaults.channel,
    externalNumber: '',
    // Most visits bring an application (арыз); the clerk changes it for a complaint or proposal.
    appealType: 'application',
    sectorId: null,
    localityId: defaults.localityId,
    meetingId: null,
    applicant: BLANK_APPLICANT,
    collective: false,
    signatories: null,
    summary: '',
    executorId: defaults.executorId,
    repeatedOfId: null,
    crimeReportTo: '',
  }
}
