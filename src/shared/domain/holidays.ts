import type { CalendarDay } from './calendar'
import type { IsoDate } from './dates'

/**
 * The holidays on a fixed date, year by year, as the holiday law (No. 267-II of 13.12.2001)
 * and the Labour Code (art. 84, the religious days) set them. Kurban Ait moves with the lunar
 * calendar and is not here. The timeline:
 * - 1 December (First President Day) and 17 December (the second day of Independence Day) were
 *   holidays up to 2021; the law signed in September 2022 removed both and made 25 October
 *   (Republic Day) a holiday from 2022;
 * - 30 August (Constitution Day) was a holiday up to 2025: after the Constitution adopted at the
 *   referendum of 15 March 2026 the Labour Ministry announced it is not one from 2026, and that
 *   Constitution Day is 15 March from 2027 (shipped as unconfirmed in the calendar files).
 */
export const FIXED_HOLIDAYS = [
  { monthDay: '01-01', holiday: 'newYear' },
  { monthDay: '01-02', holiday: 'newYear' },
  { monthDay: '01-07', holiday: 'orthodoxChristmas' },
  { monthDay: '03-08', holiday: 'womensDay' },
  { monthDay: '03-15', holiday: 'constitutionDay', from: 2027 },
  { monthDay: '03-21', holiday: 'nauryz' },
  { monthDay: '03-22', holiday: 'nauryz' },
  { monthDay: '03-23', holiday: 'nauryz' },
  { monthDay: '05-01', holiday: 'unityDay' },
  { monthDay: '05-07', holiday: 'defenderDay' },
  { monthDay: '05-09', holiday: 'victoryDay' },
  { monthDay: '07-06', holiday: 'capitalDay' },
  { monthDay: '08-30', holiday: 'constitutionDay', until: 2025 },
  { monthDay: '10-25', holiday: 'republicDay', from: 2022 },
  { monthDay: '12-01', holiday: 'firstPresidentDay', until: 2021 },
  { monthDay: '12-16', holiday: 'independenceDay' },
  { monthDay: '12-17', holiday: 'independenceDay', until: 2021 },
] as const satisfies readonly { monthDay: string; holiday: string; from?: number; until?: number }[]

export type FixedHoliday = (typeof FIXED_HOLIDAYS)[number]['holiday']

/** Religious holidays are days off but never carried over when they fall on a weekend. */
export const RELIGIOUS_HOLIDAYS: readonly FixedHoliday[] = ['orthodoxChristmas']

export interface HolidayDate {
  date: IsoDate
  holiday: FixedHoliday
}

/** The fixed-date holidays of a year, in date order. */
export function fixedHolidaysOf(year: number): HolidayDate[] {
  return FIXED_HOLIDAYS.filter((h) => (!('from' in h) || year >= h.from) && (!('until' in h) || year <= h.until)).map(
    (h) => ({ date: `${year}-${h.monthDay}`, holiday: h.holiday }),
  )
}

/**
 * The fixed-date holidays a year's days do not make days off: what an edit or an import took
 * away (or never put there). Empty for a year the list holds no day of: that year is missing
 * as a whole, which is said apart.
 */
export function missingHolidays(year: number, days: readonly Pick<CalendarDay, 'date' | 'kind'>[]): HolidayDate[] {
  const ofYear = days.filter((d) => d.date.startsWith(`${year}-`))
  if (ofYear.length === 0) return []
  const off = new Set(ofYear.filter((d) => d.kind !== 'working_weekend').map((d) => d.date))
  return fixedHolidaysOf(year).filter((h) => !off.has(h.date))
}
