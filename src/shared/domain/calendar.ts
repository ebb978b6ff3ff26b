import { addDays, weekday, type IsoDate } from './dates'

/**
 * The working-day calendar of Kazakhstan as data: weekends are Saturday and Sunday unless
 * listed as working (a transferred working day); any other day is working unless listed as
 * non-working (a public holiday, its carry-over to Monday, a transferred day off). The lists
 * change every year (the Labour Ministry's transfer orders), so an office adds them without a
 * new release.
 */
export interface WorkingCalendar {
  /** Days off that are not Saturday or Sunday. */
  nonWorking: ReadonlySet<IsoDate>
  /** Saturdays and Sundays that are working days by transfer. */
  working: ReadonlySet<IsoDate>
  /**
   * The years the calendar holds any day of. In a year it does not hold, every weekday counts
   * as working, so a deadline counted there comes out early: it is only provisional.
   */
  years: ReadonlySet<number>
  /** The office's reception hours: which day an appeal received at a given moment is registered on. */
  hours: OfficeHours
}

/**
 * When the office receives citizens. An appeal received before opening on a reception day is
 * registered that day; after closing, on the next reception day. With Saturday work on, a
 * Saturday that is not a holiday is a reception day too. Terms are still counted in working
 * days of the labour calendar (APPK), so Saturday work never shortens a term.
 */
export interface OfficeHours {
  /** 'HH:MM', local time. */
  opensAt: string
  closesAt: string
  saturdayWork: boolean
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  opensAt: '09:00',
  closesAt: '18:30',
  saturdayWork: false,
})

export const CALENDAR_DAY_KINDS = ['holiday', 'day_off', 'working_weekend'] as const
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number]

export interface CalendarDay {
  date: IsoDate
  kind: CalendarDayKind
  /** What the day is, e.g. "Наурыз мейрамы" / "Перенос с 4 января". */
  note: string
  /** The act that makes it so: the holiday law's article, the Labour Code, a transfer order. */
  source: string
  /** False for a day shipped or entered without an official act to check it against. */
  confirmed: boolean
}

/** Where a kept day came from: the calendar shipped with the program, or the office itself. */
export type CalendarDayOrigin = 'shipped' | 'office'

export function calendarFromDays(
  days: readonly (Pick<CalendarDay, 'date' | 'kind'> & Partial<CalendarDay>)[],
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
): WorkingCalendar {
  return {
    hours,
    nonWorking: new Set(days.filter((d) => d.kind !== 'working_weekend').map((d) => d.date)),
    working: new Set(days.filter((d) => d.kind === 'working_weekend').map((d) => d.date)),
    years: new Set(days.map((d) => yearOf(d.date))),
  }
}

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4))

/**
 * A term from `from` to `to` is provisional when it runs through a year the calendar does not
 * hold: its holidays and transfers are unknown, so the real date may well be later.
 */
export function isProvisionalTerm(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): boolean {
  for (let year = yearOf(from); year <= yearOf(to); year += 1) if (!calendar.years.has(year)) return true
  return false
}

export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  if (calendar.working.has(date)) return true
  const day = weekday(date)
  if (day === 0 || day === 6) return false
  return !calendar.nonWorking.has(date)
}

/** A day the office receives citizens on: a working day, or a Saturday (not a holiday) with Saturday work on. */
export function isReceptionDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  if (isWorkingDay(calendar, date)) return true
  return calendar.hours.saturdayWork && weekday(date) === 6 && !calendar.nonWorking.has(date)
}

/** The date itself when it is a working day, else the next working day. */
export function nextWorkingDayFrom(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  let d = date
  while (!isWorkingDay(calendar, d)) d = addDays(d, 1)
  return d
}

/**
 * The n-th working day after `date` (the day itself does not count): the way statutory terms
 * "within N working days from registration" are counted.
 */
export function addWorkingDays(calendar: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  let d = date
  let left = n
  while (left > 0) {
    d = addDays(d, 1)
    if (isWorkingDay(calendar, d)) left -= 1
  }
  return d
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  let count = 0
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(calendar, d)) count += 1
  return count
}
