import dayjs from 'dayjs'
import type { IsoDate } from '@shared/domain/dates'
import type { Language } from '@shared/i18n'

// How dates and figures are written on every page: one writer, so a table, a chart, a message
// and a dialog never disagree. The report files have their own writers in the core.

/** How dates are typed and shown: the way Kazakh and Russian official papers write them. */
export const DATE_FORMAT = 'DD.MM.YYYY'
export const DATE_TIME_FORMAT = 'DD.MM.YYYY HH:mm'

/** A share in percent as the official tables print it (14,78 in kk/ru); one writer for reports and pages. */
export { formatPercent } from '@shared/reports/model'

const ISO_DATE_START = /^(\d{4})-(\d{2})-(\d{2})/

/**
 * '2026-11-27' → '27.11.2026' (a timestamp's date part too); '' for no date; anything that is
 * not a date as it is (a recorded value in the history is shown, not hidden). Plain text work:
 * a calendar date has no time zone, so no clock can move it to the day before.
 */
export function formatDate(date: IsoDate | null | undefined): string {
  if (!date) return ''
  const parts = ISO_DATE_START.exec(date)
  return parts ? `${parts[3]}.${parts[2]}.${parts[1]}` : date
}

/** A local date and time as the API keeps it ('2026-11-27T09:05') → '27.11.2026 09:05'. */
export function formatLocalDateTime(value: string): string {
  const [date, time] = value.split('T')
  return `${formatDate(date)} ${time ?? ''}`.trim()
}

/** An instant stored in UTC (audit entries, backups, packages) in this computer's local time; anything else as it is. */
export function formatInstant(iso: string): string {
  const instant = dayjs(iso)
  return iso && instant.isValid() ? instant.format(DATE_TIME_FORMAT) : iso
}

/** A count with the language's digit grouping: 12 345 in kk and ru, 12,345 in en. */
export function formatCount(value: number, lang: Language): string {
  return value.toLocaleString(lang)
}

/** A file's size as people read it: whole KB below a megabyte (never 0 KB), MB with one decimal above. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
