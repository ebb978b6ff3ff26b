import { addDays, weekday, type IsoDate } from './dates'

/**
 * The working-day calendar of Kazakhstan as data: weekends are Saturday and Sunday unless
 * listed as working (a transferred working day); any other day is working unless listed as
 * non-working (a public holiday, its carry-over to Monday, a transferred day off). The lists
 * change every year by government decree, so an office imports them without a new release.
 */
export interface WorkingCalendar {
  /** Days off that are not Saturday or Sunday. */
  nonWorking: ReadonlySet<IsoDate>
  /** Saturdays and Sundays that are working days by transfer. */
  working: ReadonlySet<IsoDate>
}

export interface CalendarDay {
  date: IsoDate
  kind: 'holiday' | 'day_off' | 'working_weekend'
  /** What the day is, e.g. "Наурыз мейрамы" / "Перенос с 4 января". */
  note: string
}

export function calendarFromDays(days: readonly CalendarDay[]): WorkingCalendar {
  return {
    nonWorking: new Set(days.filter((d) => d.kind !== 'working_weekend').map((d) => d.date)),
    working: new Set(days.filter((d) => d.kind === 'working_weekend').map((d) => d.date)),
  }
}

export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  if (calendar.working.has(date)) return true
  const day = weekday(date)
  if (day === 0 || day === 6) return false
  return !calendar.nonWorking.has(date)
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
