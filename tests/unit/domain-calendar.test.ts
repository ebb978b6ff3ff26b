import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  calendarFromDays,
  isWorkingDay,
  nextWorkingDayFrom,
  workingDaysBetween,
  type CalendarDay,
} from '@shared/domain/calendar'
import { addDays, isValidIsoDate, weekday } from '@shared/domain/dates'

interface CalendarFile {
  about: string
  days: CalendarDay[]
}

const file = JSON.parse(
  readFileSync(join(__dirname, '../../resources/calendar/kz-2025-2027.json'), 'utf8'),
) as CalendarFile
const kz = calendarFromDays(file.days)

/** Every date from `from` to `to` inclusive (a test-side loop, independent of calendar.ts). */
function datesFromTo(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

describe('the calendar data file kz-2025-2027.json', () => {
  it('has entries, each with a valid date, a known kind and a note', () => {
    expect(file.days.length).toBeGreaterThan(40)
    for (const day of file.days) {
      expect(isValidIsoDate(day.date), day.date).toBe(true)
      expect(['holiday', 'day_off', 'working_weekend']).toContain(day.kind)
      expect(typeof day.note === 'string' && day.note.trim().length > 0, day.date).toBe(true)
    }
  })

  it('lists every date once, all within 2025-2027', () => {
    const dates = file.days.map((d) => d.date)
    expect(new Set(dates).size).toBe(dates.length)
    for (const date of dates) expect(date >= '2025-01-01' && date <= '2027-12-31', date).toBe(true)
  })

  it('2026 holds the 13 statutory fixed holidays and Orthodox Christmas (7 January) as holidays', () => {
    const holidays2026 = new Set(
      file.days.filter((d) => d.kind === 'holiday' && d.date.startsWith('2026-')).map((d) => d.date),
    )
    const statutory = [
      '2026-01-01',
      '2026-01-02',
      '2026-03-08',
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-05-01',
      '2026-05-07',
      '2026-05-09',
      '2026-07-06',
      '2026-08-30',
      '2026-10-25',
      '2026-12-16',
    ]
    expect(statutory).toHaveLength(13)
    for (const date of [...statutory, '2026-01-07']) expect(holidays2026.has(date), date).toBe(true)
  })

  it('no day_off falls on a Saturday or Sunday (a carry-over is always to a weekday)', () => {
    for (const day of file.days.filter((d) => d.kind === 'day_off')) {
      expect([0, 6], day.date).not.toContain(weekday(day.date))
    }
  })

  it('each day_off names a holiday on a weekend, before it and at most a few days earlier', () => {
    const holidays = new Map(file.days.filter((d) => d.kind === 'holiday').map((d) => [d.date, d]))
    for (const day of file.days.filter((d) => d.kind === 'day_off')) {
      const source = /\((\d{4}-\d{2}-\d{2})\)/.exec(day.note)?.[1]
      expect(source, day.date).toBeDefined()
      expect(holidays.has(source!), `${day.date} <- ${source}`).toBe(true)
      expect([0, 6], source).toContain(weekday(source!))
      expect(source! < day.date && addDays(source!, 5) >= day.date, `${day.date} <- ${source}`).toBe(true)
    }
  })

  it('Nauryz 2026 (Sat 21, Sun 22, Mon 23 March) carries over to Tue 24 and Wed 25', () => {
    const byDate = new Map(file.days.map((d) => [d.date, d.kind]))
    expect(byDate.get('2026-03-24')).toBe('day_off')
    expect(byDate.get('2026-03-25')).toBe('day_off')
    expect(byDate.has('2026-03-26')).toBe(false)
  })
})

describe('isWorkingDay with the Kazakhstan calendar', () => {
  it.each([
    ['2026-03-18', true, 'an ordinary Wednesday'],
    ['2026-03-14', false, 'a Saturday'],
    ['2026-03-15', false, 'a Sunday'],
    ['2026-03-23', false, 'Nauryz, a Monday holiday'],
    ['2026-03-24', false, 'carry-over of Saturday 21 March'],
    ['2026-03-25', false, 'carry-over of Sunday 22 March'],
    ['2026-03-26', true, 'the Thursday after Nauryz'],
    ['2026-01-01', false, 'New Year, Thursday'],
    ['2026-01-02', false, 'New Year, Friday'],
    ['2026-01-05', true, 'the first working Monday of 2026'],
    ['2026-01-07', false, 'Orthodox Christmas, Wednesday'],
    ['2026-05-11', false, 'carry-over of Victory Day (Saturday 9 May)'],
    ['2026-05-27', false, 'Kurban Ait, Wednesday'],
    ['2025-12-16', false, 'Independence Day 2025, Tuesday'],
    ['2025-12-17', true, '17 December is no longer a holiday'],
  ])('%s -> %s (%s)', (date, expected) => {
    expect(isWorkingDay(kz, date)).toBe(expected)
  })
})

describe('a custom calendar with a transferred working Saturday', () => {
  const custom = calendarFromDays([
    { date: '2026-01-03', kind: 'working_weekend', note: 'Working Saturday by transfer' },
    { date: '2026-01-05', kind: 'day_off', note: 'Transferred from 3 January' },
    { date: '2026-01-07', kind: 'holiday', note: 'Christmas' },
  ])

  it('keeps the sets apart', () => {
    expect([...custom.working]).toEqual(['2026-01-03'])
    expect([...custom.nonWorking].sort()).toEqual(['2026-01-05', '2026-01-07'])
  })

  it('the working_weekend Saturday is a working day; the Sunday after it is not', () => {
    expect(isWorkingDay(custom, '2026-01-03')).toBe(true)
    expect(isWorkingDay(custom, '2026-01-04')).toBe(false)
    expect(isWorkingDay(custom, '2026-01-10')).toBe(false) // another Saturday, not listed
  })

  it('the transferred day off and the holiday are not working; other weekdays are', () => {
    expect(isWorkingDay(custom, '2026-01-05')).toBe(false)
    expect(isWorkingDay(custom, '2026-01-07')).toBe(false)
    expect(isWorkingDay(custom, '2026-01-06')).toBe(true)
    expect(isWorkingDay(custom, '2026-01-01')).toBe(true) // not listed in this calendar
  })

  it('counts the working Saturday in addWorkingDays and nextWorkingDayFrom', () => {
    // Fri 2 Jan -> Sat 3 (working) is the next working day.
    expect(addWorkingDays(custom, '2026-01-02', 1)).toBe('2026-01-03')
    // Sat 3 (1), Sun 4 no, Mon 5 off, Tue 6 (2), Wed 7 holiday, Thu 8 (3).
    expect(addWorkingDays(custom, '2026-01-02', 3)).toBe('2026-01-08')
    expect(nextWorkingDayFrom(custom, '2026-01-03')).toBe('2026-01-03')
    expect(nextWorkingDayFrom(custom, '2026-01-04')).toBe('2026-01-06')
  })
})

describe('nextWorkingDayFrom', () => {
  it.each([
    ['2026-03-26', '2026-03-26', 'a working day is itself'],
    ['2026-03-21', '2026-03-26', 'Nauryz Saturday: 22 Sun, 23 holiday, 24-25 carry-over'],
    ['2026-03-14', '2026-03-16', 'an ordinary Saturday -> Monday'],
    ['2026-01-01', '2026-01-05', 'New Year Thursday: Fri 2 holiday, weekend'],
    ['2027-01-01', '2027-01-05', 'Fri 1 Jan 2027, Sat 2 holiday, Sun 3, Mon 4 carry-over'],
  ])('%s -> %s (%s)', (date, expected) => {
    expect(nextWorkingDayFrom(kz, date)).toBe(expected)
  })
})

describe('addWorkingDays (the start day itself does not count)', () => {
  it('one working day after a Wednesday is Thursday; after a Friday, Monday', () => {
    expect(addWorkingDays(kz, '2026-04-08', 1)).toBe('2026-04-09')
    expect(addWorkingDays(kz, '2026-04-10', 1)).toBe('2026-04-13')
  })

  it('counts from a non-working start the same way (first working day after it is day 1)', () => {
    expect(addWorkingDays(kz, '2026-04-11', 1)).toBe('2026-04-13') // Saturday -> Monday
  })

  it('0 days is the date itself', () => {
    expect(addWorkingDays(kz, '2026-04-08', 0)).toBe('2026-04-08')
  })

  it('15 working days from Monday 2026-03-16, across Nauryz -> Thursday 2026-04-09', () => {
    // Working days after 16 March, by hand:
    //  17 18 19 20 (Tue-Fri)                         -> 1-4
    //  21 Sat, 22 Sun, 23 Nauryz, 24 & 25 carry-over -> none
    //  26 27 (Thu-Fri)                               -> 5-6
    //  30 31 Mar, 1 2 3 Apr                          -> 7-11
    //  6 7 8 9 Apr                                   -> 12-15
    // Without the calendar it would be 2026-04-06: the three weekday days off push it 3 days.
    const expectedWorkingDays = [
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
      '2026-03-26',
      '2026-03-27',
      '2026-03-30',
      '2026-03-31',
      '2026-04-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-06',
      '2026-04-07',
      '2026-04-08',
      '2026-04-09',
    ]
    expect(datesFromTo('2026-03-17', '2026-04-09').filter((d) => isWorkingDay(kz, d))).toEqual(expectedWorkingDays)
    expect(addWorkingDays(kz, '2026-03-16', 15)).toBe('2026-04-09')
  })

  it('15 working days from Monday 2025-12-22, across the New Year -> Thursday 2026-01-15', () => {
    // 16 Dec 2025 (Independence Day) is before the start, so it does not matter.
    //  23 24 25 26 Dec (Tue-Fri)                     -> 1-4
    //  29 30 31 Dec (Mon-Wed)                        -> 5-7
    //  1-2 Jan 2026 Thu-Fri New Year, 3-4 weekend    -> none
    //  5 6 Jan (Mon-Tue)                             -> 8-9
    //  7 Jan Wed Orthodox Christmas                  -> none
    //  8 9 Jan (Thu-Fri)                             -> 10-11
    //  12 13 14 15 Jan                               -> 12-15
    const expectedWorkingDays = [
      '2025-12-23',
      '2025-12-24',
      '2025-12-25',
      '2025-12-26',
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-05',
      '2026-01-06',
      '2026-01-08',
      '2026-01-09',
      '2026-01-12',
      '2026-01-13',
      '2026-01-14',
      '2026-01-15',
    ]
    expect(datesFromTo('2025-12-23', '2026-01-15').filter((d) => isWorkingDay(kz, d))).toEqual(expectedWorkingDays)
    expect(addWorkingDays(kz, '2025-12-22', 15)).toBe('2026-01-15')
  })

  it('15 working days from Monday 2026-04-13 (an appeal of Saturday 11 April), across 1 May -> 2026-05-05', () => {
    // 14-17 Apr -> 1-4; 20-24 -> 5-9; 27-30 -> 10-13; Fri 1 May holiday; Mon 4 -> 14; Tue 5 -> 15.
    expect(addWorkingDays(kz, '2026-04-13', 15)).toBe('2026-05-05')
  })
})

describe('workingDaysBetween (after `from`, up to and including `to`)', () => {
  it('agrees with the hand-counted deadlines', () => {
    expect(workingDaysBetween(kz, '2026-03-16', '2026-04-09')).toBe(15)
    expect(workingDaysBetween(kz, '2025-12-22', '2026-01-15')).toBe(15)
    expect(workingDaysBetween(kz, '2026-03-16', '2026-04-08')).toBe(14)
  })

  it('skips a run of days off', () => {
    // Fri 20 Mar -> Thu 26 Mar: only the 26th is working.
    expect(workingDaysBetween(kz, '2026-03-20', '2026-03-26')).toBe(1)
    expect(workingDaysBetween(kz, '2026-03-20', '2026-03-25')).toBe(0)
    // Wed 31 Dec 2025 -> Mon 5 Jan 2026.
    expect(workingDaysBetween(kz, '2025-12-31', '2026-01-05')).toBe(1)
  })

  it('does not count the start day', () => {
    expect(workingDaysBetween(kz, '2026-04-08', '2026-04-09')).toBe(1)
  })

  it('is 0 when `to` is not after `from`', () => {
    expect(workingDaysBetween(kz, '2026-04-08', '2026-04-08')).toBe(0)
    expect(workingDaysBetween(kz, '2026-04-09', '2026-04-01')).toBe(0)
  })

  it('counts a working weekend from a custom calendar', () => {
    const custom = calendarFromDays([{ date: '2026-04-11', kind: 'working_weekend', note: 'transfer' }])
    // Fri 10 -> Mon 13: Sat 11 (working by transfer) and Mon 13.
    expect(workingDaysBetween(custom, '2026-04-10', '2026-04-13')).toBe(2)
    expect(workingDaysBetween(kz, '2026-04-10', '2026-04-13')).toBe(1)
  })
})
