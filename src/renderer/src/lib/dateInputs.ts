import dayjs, { type Dayjs } from 'dayjs'
import { localNow, type IsoDate } from '@shared/domain/dates'

// Date fields in forms: the form keeps what the API takes (text, in the office's local time),
// the pickers show and edit it as a Dayjs.

/** Now, in the API's local date-time format 'YYYY-MM-DDTHH:MM'. */
export function nowLocalDateTime(): string {
  const { date, time } = localNow()
  return `${date}T${time}`
}

/** Today's date on this computer's clock, as the API takes it. */
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
