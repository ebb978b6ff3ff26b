/**
 * Calendar dates as 'YYYY-MM-DD' strings, computed in UTC so that no time zone or DST can
 * shift a day. Deadlines are about calendar days in Kazakhstan, not instants.
 */
export type IsoDate = string

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

export function parseIsoDate(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y!, m! - 1, d!))
}

export function formatIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10)
}

/**
 * The years an office's records can carry: older registers are not appeals an office still
 * handles (most likely a typo, and one that would be numbered 1900-000001), and the working
 * calendar is kept for no year outside them.
 */
export const OFFICE_YEARS = { first: 2000, last: 2100 } as const

export function isOfficeDate(value: IsoDate): boolean {
  const year = Number(value.slice(0, 4))
  return year >= OFFICE_YEARS.first && year <= OFFICE_YEARS.last
}

export function isValidIsoDate(value: string): boolean {
  return ISO_DATE_PATTERN.test(value) && formatIsoDate(parseIsoDate(value)) === value
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = parseIsoDate(date)
  d.setUTCDate(d.getUTCDate() + days)
  return formatIsoDate(d)
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = parseIsoDate(date)
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay))
  return formatIsoDate(target)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return parseIsoDate(date).getUTCDay()
}

/** Monday of the week the date falls in. */
export function startOfWeek(date: IsoDate): IsoDate {
  return addDays(date, -((weekday(date) + 6) % 7))
}

/** Today's date and the time now on this computer's clock (the office's local time). */
export function localNow(now: Date = new Date()): { date: IsoDate; time: string } {
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    time: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
  }
}
