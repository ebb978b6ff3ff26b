import dayjs, { type Dayjs } from 'dayjs'
import { localNow, type IsoDate } from '@shared/domain/dates'

/** How dates are typed and shown: the way Kazakh and Russian official papers write them. */
export const DATE_FORMAT = 'DD.MM.YYYY'
export const DATE_TIME_FORMAT = 'DD.MM.YYYY HH:mm'

/** '2026-11-27' → '27.11.2026'; '' for no date. Plain text work: a calendar date has no time zone. */
export function formatDate(date: IsoDate | null | undefined): string {
  if (!date) return ''
  const [y, m, d] = date.slice(0, 10).split('-')
  return `${d}.${m}.${y}`
}

/** A local date and time as the API keeps it ('2026-11-27T09:05') → '27.11.2026 09:05'. */
export function formatLocalDateTime(value: string): string {
  const [date, time] = value.split('T')
  return `${formatDate(date)} ${time ?? ''}`.trim()
}

/** An instant stored in UTC (audit entries) in this computer's local time. */
export function formatInstant(iso: string): string {
  return dayjs(iso).format(DATE_TIME_FORMAT)
}

/** Now, in the API's local date-time format 'YYYY-MM-DDTHH:MM'. */
export function nowLocalDateTime(): string {
  const { date, time } = localNow()
  return `${date}T${time}`
}

export function todayIso(): IsoDate {
  return localNow().date
}

/**
 * Form.Item props for a DatePicker whose form value is what the API takes: an ISO date string
 * ('YYYY-MM-DD'), so form values can be sent as they are and API issues land on the field.
 */
export const isoDateItem = {
  getValueProps: (value?: string | null) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
}

/** The same for a date-time picker: the form keeps 'YYYY-MM-DDTHH:mm' in local time. */
export const localDateTimeItem = {
  getValueProps: (value?: string | null) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DDTHH:mm') : null),
}
