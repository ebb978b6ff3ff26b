import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  calendarFromDays,
  isProvisionalTerm,
  isWorkingDay,
  nextWorkingDayFrom,
  workingDaysBetween,
  type CalendarDay,
} from '@shared/domain/calendar'
import { addDays, isValidIsoDate, weekday } from '@shared/domain/dates'
import { fixedHolidaysOf, missingHolidays } from '@shared/domain/holidays'

interface CalendarFile {
  year: number
  about: string
  days: (Omit<CalendarDay, 'confirmed'> & { confirmed?: boolean })[]
}

const YEARS = [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028]
const files = YEARS.map(
  (year) =>
    JSON.parse(readFileSync(join(__dirname, `../../resources/calendar/kz-${year}.json`), 'utf8')) as CalendarFile,
)
const allDays = files.flatMap((f) => f.days)
const kz = calendarFromDays(allDays)
const byDate = new Map(allDays.map((d) => [d.date, d]))

/** Every date from `from` to `to` inclusive (a test-side loop, independent of calendar.ts). */
function datesFromTo(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

const isWeekend = (date: string) => [0, 6].includes(weekday(date))
const KURBAN_AIT = /Құрбан айт/
const CHRISTMAS = /Рождество/

describe('the shipped calendar files kz-2021.json … kz-2028.json', () => {
  it.each(files.map((f) => [f.year, f] as const))(
    '%i: every day of its year once, with a known kind, a note and a source',
    (year, file) => {
      expect(file.year).toBe(year)
      expect(file.about).toContain('Law No. 267-II')
      const dates = file.days.map((d) => d.date)
      expect(new Set(dates).size).toBe(dates.length)
      expect([...dates].sort()).toEqual(dates)
      for (const day of file.days) {
        expect(isValidIsoDate(day.date) && day.date.startsWith(`${year}-`), day.date).toBe(true)
        expect(['holiday', 'day_off', 'working_weekend']).toContain(day.kind)
        expect(day.note.trim().length > 0 && day.source.trim().length > 0, day.date).toBe(true)
      }
    },
  )

  it("each year's holidays are the law's fixed-date holidays of that year and the first day of Kurban Ait", () => {
    for (const file of files) {
      const holidays = file.days.filter((d) => d.kind === 'holiday')
      const kurban = holidays.filter((d) => KURBAN_AIT.test(d.note))
      expect(kurban, String(file.year)).toHaveLength(1)
      expect(holidays.filter((d) => !KURBAN_AIT.test(d.note)).map((d) => d.date)).toEqual(
        fixedHolidaysOf(file.year).map((h) => h.date),
      )
    }
  })

  it('follows the changes in the law year by year (checked by hand, not from the timeline)', () => {
    const holiday = (date: string) => byDate.get(date)?.kind === 'holiday'
    // 1 December and 17 December: holidays in 2021, gone with the law of September 2022.
    expect([holiday('2021-12-01'), holiday('2021-12-17'), holiday('2022-12-01'), holiday('2022-12-17')]).toEqual([
      true,
      true,
      false,
      false,
    ])
    // 25 October, Republic Day: a holiday from 2022 (Tuesday 25 October 2022 the first time).
    expect([holiday('2021-10-25'), holiday('2022-10-25'), holiday('2025-10-25')]).toEqual([false, true, true])
    // 30 August: Constitution Day up to 2025; not a holiday from 2026 (Labour Ministry, March 2026).
    expect([holiday('2025-08-30'), holiday('2026-08-30'), holiday('2027-08-30')]).toEqual([true, false, false])
    expect(byDate.has('2026-08-31')).toBe(false)
    // 15 March, Constitution Day under the new Constitution: from 2027, shipped unconfirmed.
    expect(byDate.get('2026-03-15')).toBeUndefined()
    expect(byDate.get('2027-03-15')).toMatchObject({ kind: 'holiday', confirmed: false })
  })

  it('marks as unconfirmed exactly the days no official act could be found for', () => {
    expect(allDays.filter((d) => d.confirmed === false).map((d) => d.date)).toEqual([
      '2027-03-15', // Constitution Day as reported; the amended holiday law not seen
      '2027-05-16', // Kurban Ait 2027: an astronomical estimate
      '2028-03-15',
      '2028-05-05', // Kurban Ait 2028: an astronomical estimate
    ])
  })

  it('carries every non-religious holiday that falls on a weekend over to a weekday, and no religious one', () => {
    // A test-side walk: for each such holiday, in date order, the next weekday that is neither
    // a holiday nor taken by an earlier carry-over or a transfer must be a day off naming it.
    for (const file of files) {
      const taken = new Set(file.days.filter((d) => d.kind !== 'working_weekend').map((d) => d.date))
      const carried = new Set<string>()
      for (const h of file.days.filter((d) => d.kind === 'holiday' && isWeekend(d.date))) {
        const religious = KURBAN_AIT.test(h.note) || CHRISTMAS.test(h.note)
        const naming = file.days.filter((d) => d.kind === 'day_off' && d.note.includes(`(${h.date})`))
        if (religious) {
          expect(naming, h.date).toEqual([])
          continue
        }
        let next = addDays(h.date, 1)
        while (isWeekend(next) || (taken.has(next) && byDate.get(next)?.kind === 'holiday') || carried.has(next))
          next = addDays(next, 1)
        carried.add(next)
        expect(
          naming.map((d) => d.date),
          h.date,
        ).toEqual([next])
        expect(naming[0]!.source, h.date).toContain('85')
      }
    }
  })

  it('each day off is a carry-over of a weekend holiday or half of a transfer; a transfer is never refused', () => {
    // A carry-over names a holiday on a weekend at most a few days before it; any other day off
    // is a transfer, paired with a working Saturday or Sunday of the same act that names it.
    for (const day of allDays.filter((d) => d.kind === 'day_off')) {
      expect(isWeekend(day.date), day.date).toBe(false)
      const named = /\((\d{4}-\d{2}-\d{2})\)/.exec(day.note)?.[1]
      expect(named, day.date).toBeDefined()
      const other = byDate.get(named!)
      if (other?.kind === 'holiday') {
        expect(isWeekend(named!), `${day.date} <- ${named}`).toBe(true)
        expect(named! < day.date && addDays(named!, 5) >= day.date, `${day.date} <- ${named}`).toBe(true)
      } else {
        expect(other, `${day.date} <- ${named}`).toMatchObject({ kind: 'working_weekend', source: day.source })
        expect(other!.note).toContain(`(${day.date})`)
      }
    }
    for (const day of allDays.filter((d) => d.kind === 'working_weekend')) expect(isWeekend(day.date)).toBe(true)
  })

  it('holds the transfer acts of 2021-2025, each day off with its working weekend day', () => {
    const transfers = allDays
      .filter((d) => d.kind === 'working_weekend')
      .map((w) => [/\((\d{4}-\d{2}-\d{2})\)/.exec(w.note)![1], w.date])
    expect(transfers).toEqual([
      ['2021-07-05', '2021-07-03'], // government decree, Capital Day 2021
      ['2022-03-07', '2022-03-05'], // decree No. 713 of 06.10.2021
      ['2022-08-29', '2022-08-27'], // decree No. 713 of 06.10.2021
      ['2022-10-24', '2022-10-22'], // its October 2022 addition, Republic Day
      ['2023-07-07', '2023-07-01'], // decree of 25.04.2023, Capital Day
      ['2024-05-08', '2024-05-04'], // Labour Ministry order of 17.04.2024
      ['2025-01-03', '2025-01-05'], // Labour Ministry order No. 436 of 21.11.2024
    ])
    expect(byDate.get('2025-01-03')?.source).toMatch(/№ 436.*21\.11\.2024/)
    expect(byDate.get('2022-03-07')?.source).toMatch(/06\.10\.2021 № 713/)
  })

  it('Nauryz 2026 (Sat 21, Sun 22, Mon 23 March) carries over to Tue 24 and Wed 25', () => {
    expect(byDate.get('2026-03-24')?.kind).toBe('day_off')
    expect(byDate.get('2026-03-25')?.kind).toBe('day_off')
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
    ['2025-01-03', false, 'Friday made a day off by order No. 436 of 21.11.2024'],
    ['2025-01-05', true, 'Sunday made a working day by the same order'],
    ['2026-08-31', true, '30 August 2026 is no longer a holiday, so no carry-over'],
    ['2021-12-17', false, 'Independence Day, second day, 2021'],
    ['2022-12-01', true, 'First President Day, abolished in 2022'],
    ['2024-06-17', true, 'Kurban Ait 2024 fell on Sunday 16 June, not carried over'],
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

describe('fixedHolidaysOf and missingHolidays (shared/domain/holidays.ts)', () => {
  it('follows the law year by year: 17 Dec and 1 Dec to 2021, 25 Oct from 2022, 30 Aug to 2025, 15 Mar from 2027', () => {
    const of = (year: number) => fixedHolidaysOf(year).map((h) => h.date.slice(5))
    expect(of(2021)).toEqual(expect.arrayContaining(['08-30', '12-01', '12-16', '12-17']))
    expect(of(2021)).not.toContain('10-25')
    expect(of(2022)).toEqual(expect.arrayContaining(['08-30', '10-25', '12-16']))
    expect(of(2022)).not.toContain('12-01')
    expect(of(2022)).not.toContain('12-17')
    expect(of(2026)).not.toContain('08-30')
    expect(of(2026)).not.toContain('03-15')
    expect(of(2027)).toContain('03-15')
    // 1-2 Jan, 7 Jan, 8 Mar, 21-23 Mar, 1, 7, 9 May, 6 Jul, 25 Oct, 16 Dec
    expect(of(2026)).toHaveLength(13)
  })

  it('names the fixed-date holidays a year leaves out, and nothing for a year it holds no day of', () => {
    const days2026 = allDays.filter((d) => d.date.startsWith('2026-'))
    expect(missingHolidays(2026, days2026)).toEqual([])
    const edited = days2026.filter((d) => d.date !== '2026-07-06' && d.date !== '2026-03-22')
    expect(missingHolidays(2026, edited)).toEqual([
      { date: '2026-03-22', holiday: 'nauryz' },
      { date: '2026-07-06', holiday: 'capitalDay' },
    ])
    // Two transfer days alone: the year lacks all its holidays.
    expect(
      missingHolidays(2025, [
        { date: '2025-05-02', kind: 'day_off' },
        { date: '2025-05-10', kind: 'working_weekend' },
      ]),
    ).toHaveLength(fixedHolidaysOf(2025).length)
    expect(missingHolidays(2029, days2026)).toEqual([])
  })
})

describe('isProvisionalTerm', () => {
  it('is true when the term runs through a year the calendar does not hold', () => {
    expect(isProvisionalTerm(kz, '2028-12-20', '2029-01-10')).toBe(true)
    expect(isProvisionalTerm(kz, '2028-06-01', '2028-06-22')).toBe(false)
    expect(isProvisionalTerm(kz, '2020-12-28', '2021-01-20')).toBe(true)
    expect(isProvisionalTerm(kz, '2021-12-28', '2022-01-21')).toBe(false)
  })
})

describe("migration 0010's frozen copy of the calendar", () => {
  it('is the shipped files of this version: a later correction of resources/calendar needs a new migration', () => {
    for (const year of YEARS) {
      const frozen = readFileSync(join(__dirname, `../../src/main/db/migrations/0010-data/kz-${year}.json`), 'utf8')
      expect(JSON.parse(frozen), String(year)).toEqual(files[YEARS.indexOf(year)])
    }
  })
})
