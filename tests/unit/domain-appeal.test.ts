import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APPEAL_STATUSES,
  OPEN_STATUSES,
  canTransition,
  extensionNoticeDueDate,
  extensionRefusal,
  isDueThisWeek,
  isOverdue,
  maxExtendedDueDate,
  redirectDueDate,
  registrationDate,
  reviewDueDate,
  type AppealStatus,
} from '@shared/domain/appeal'
import { calendarFromDays, type CalendarDay } from '@shared/domain/calendar'

/** The shipped calendar of 2025-2027, one file a year. */
const kz = calendarFromDays(
  [2025, 2026, 2027].flatMap(
    (year) =>
      (
        JSON.parse(readFileSync(join(__dirname, `../../resources/calendar/kz-${year}.json`), 'utf8')) as {
          days: CalendarDay[]
        }
      ).days,
  ),
)

describe('canTransition, every pair against an explicit table', () => {
  const statuses: AppealStatus[] = [
    'registered',
    'in_progress',
    'answered',
    'redirected',
    'left_without_consideration',
    'withdrawn',
    'annulled',
  ]
  // The only allowed moves. Everything else — including every self-transition, anything out
  // of a final status, and registered -> answered (an appeal is taken into work first) — is refused.
  const allowed = new Set([
    'registered>in_progress',
    'registered>redirected',
    'registered>left_without_consideration',
    'registered>withdrawn',
    'in_progress>answered',
    'in_progress>redirected',
    'in_progress>left_without_consideration',
    'in_progress>withdrawn',
  ])

  it('the status list is the seven statuses of the table', () => {
    expect([...APPEAL_STATUSES].sort()).toEqual([...statuses].sort())
    expect([...OPEN_STATUSES].sort()).toEqual(['in_progress', 'registered'])
  })

  const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to, allowed.has(`${from}>${to}`)] as const))
  it('covers 49 pairs, 8 allowed', () => {
    expect(pairs).toHaveLength(49)
    expect(pairs.filter(([, , ok]) => ok)).toHaveLength(8)
  })

  it.each(pairs)('%s -> %s: %s', (from, to, expected) => {
    expect(canTransition(from, to)).toBe(expected)
  })

  it('spot checks stated in the rules', () => {
    expect(canTransition('registered', 'answered')).toBe(false)
    for (const s of statuses) expect(canTransition(s, s)).toBe(false)
    for (const final of ['answered', 'redirected', 'left_without_consideration', 'withdrawn', 'annulled'] as const) {
      for (const to of statuses) expect(canTransition(final, to)).toBe(false)
    }
  })
})

describe('registrationDate', () => {
  it('a working day before 18:30 -> the same day', () => {
    expect(registrationDate(kz, '2026-03-18', '09:00')).toBe('2026-03-18') // Wednesday
    expect(registrationDate(kz, '2026-03-18', '18:29')).toBe('2026-03-18')
    expect(registrationDate(kz, '2026-03-18', '00:05')).toBe('2026-03-18')
  })

  it('at or after 18:30 -> the next working day', () => {
    expect(registrationDate(kz, '2026-03-18', '18:30')).toBe('2026-03-19')
    expect(registrationDate(kz, '2026-03-18', '23:59')).toBe('2026-03-19')
  })

  it('Friday 19:00 -> Monday', () => {
    expect(registrationDate(kz, '2026-04-10', '19:00')).toBe('2026-04-13')
  })

  it('Friday before Nauryz, 19:00 -> Thursday 26 March (Sat, Sun, Nauryz Monday, two carry-over days)', () => {
    expect(registrationDate(kz, '2026-03-20', '19:00')).toBe('2026-03-26')
  })

  it('a holiday (any hour) -> the next working day', () => {
    expect(registrationDate(kz, '2026-03-23', '10:00')).toBe('2026-03-26') // Nauryz Monday
    expect(registrationDate(kz, '2026-01-07', '11:00')).toBe('2026-01-08') // Christmas Wednesday
    expect(registrationDate(kz, '2026-01-01', '20:00')).toBe('2026-01-05')
  })

  it('a weekend day, morning or evening -> Monday', () => {
    expect(registrationDate(kz, '2026-04-11', '10:00')).toBe('2026-04-13')
    expect(registrationDate(kz, '2026-04-12', '19:00')).toBe('2026-04-13')
  })

  it('New Year’s Eve after hours -> Monday 5 January 2026', () => {
    expect(registrationDate(kz, '2025-12-31', '18:45')).toBe('2026-01-05')
  })
})

describe('reviewDueDate: 15 working days from registration', () => {
  it('registered Monday 2026-03-16, across Nauryz -> Thursday 2026-04-09', () => {
    // Working days after 16 March: 17-20 (4); 21-25 off (weekend, Nauryz Mon 23, carry-over
    // Tue 24 and Wed 25); 26-27 (6); 30 Mar-3 Apr (11); 6-9 Apr (15).
    expect(reviewDueDate(kz, '2026-03-16')).toBe('2026-04-09')
  })

  it('registered Monday 2025-12-22, across the New Year -> Thursday 2026-01-15', () => {
    // 23-26 Dec (4); 29-31 Dec (7); 1-2 Jan Thu-Fri holidays, 3-4 weekend; 5-6 Jan (9);
    // 7 Jan Wed Christmas; 8-9 Jan (11); 12-15 Jan (15). 16 Dec 2025 is before the start.
    expect(reviewDueDate(kz, '2025-12-22')).toBe('2026-01-15')
  })

  it('received Saturday 2026-04-11: registered Monday 13 April, due Tuesday 2026-05-05', () => {
    const registered = registrationDate(kz, '2026-04-11', '11:00')
    expect(registered).toBe('2026-04-13')
    // 14-17 Apr (4); 20-24 (9); 27-30 (13); Fri 1 May holiday; Mon 4 May (14); Tue 5 May (15).
    expect(reviewDueDate(kz, registered)).toBe('2026-05-05')
  })

  it('received on Nauryz Saturday 2026-03-21: registered Thursday 26 March, due 2026-04-16', () => {
    const registered = registrationDate(kz, '2026-03-21', '12:00')
    expect(registered).toBe('2026-03-26')
    // 27 Mar (1); 30 Mar-3 Apr (6); 6-10 Apr (11); 13-16 Apr (15).
    expect(reviewDueDate(kz, registered)).toBe('2026-04-16')
  })
})

describe('maxExtendedDueDate: two calendar months from registration, a day off moving it on', () => {
  it.each([
    ['2026-03-16', '2026-05-18'], // 16 May 2026 is a Saturday: Monday 18 May
    ['2026-03-18', '2026-05-18'], // Monday 18 May, a working day
    ['2025-12-31', '2026-03-02'], // no 31 February: the month's last day, Saturday 28 -> Monday 2 March
    ['2027-12-31', '2028-02-29'], // leap year, Tuesday 29 February
    ['2026-11-15', '2027-01-15'], // Friday 15 January 2027
    ['2027-01-07', '2027-03-09'], // Sunday 7 March, Monday 8 March (Women's Day) off: Tuesday 9 March
  ])('%s -> %s', (registered, expected) => {
    expect(maxExtendedDueDate(kz, registered)).toBe(expected)
  })
})

describe('extensionRefusal: once, decided while the term runs', () => {
  it('a first extension decided on or before the deadline in force is allowed', () => {
    expect(extensionRefusal({ dueOn: '2026-04-09', extensionDecidedOn: null }, '2026-04-09')).toBeNull()
    expect(extensionRefusal({ dueOn: '2026-04-09', extensionDecidedOn: null }, '2026-03-20')).toBeNull()
  })

  it('a decision the day after the deadline is refused', () => {
    expect(extensionRefusal({ dueOn: '2026-04-09', extensionDecidedOn: null }, '2026-04-10')).toBe('termRanOut')
  })

  it('a second extension is refused, even while the extended term runs', () => {
    expect(extensionRefusal({ dueOn: '2026-05-15', extensionDecidedOn: '2026-03-20' }, '2026-04-20')).toBe(
      'alreadyExtended',
    )
  })
})

describe('redirectDueDate and extensionNoticeDueDate: 3 working days', () => {
  it('redirect: registered Friday 2026-03-20 -> Monday 2026-03-30 (26, 27, 30)', () => {
    expect(redirectDueDate(kz, '2026-03-20')).toBe('2026-03-30')
  })

  it('redirect: registered Monday 2026-04-13 -> Thursday 2026-04-16', () => {
    expect(redirectDueDate(kz, '2026-04-13')).toBe('2026-04-16')
  })

  it('extension notice: decided Tuesday 2025-12-30 -> Tuesday 2026-01-06 (31 Dec, 5 Jan, 6 Jan)', () => {
    expect(extensionNoticeDueDate(kz, '2025-12-30')).toBe('2026-01-06')
  })

  it('extension notice: decided Wednesday 2026-05-06 -> Wednesday 2026-05-13 (8, 12, 13; 7 and 11 May off)', () => {
    // Thu 7 May holiday, Fri 8 (1), weekend, Mon 11 carry-over of 9 May, Tue 12 (2), Wed 13 (3).
    expect(extensionNoticeDueDate(kz, '2026-05-06')).toBe('2026-05-13')
  })
})

describe('isOverdue', () => {
  it('open statuses are overdue only once the due date has passed', () => {
    for (const status of ['registered', 'in_progress'] as const) {
      expect(isOverdue(status, '2026-04-08', '2026-04-09')).toBe(true)
      expect(isOverdue(status, '2025-12-31', '2026-01-05')).toBe(true)
      expect(isOverdue(status, '2026-04-09', '2026-04-09')).toBe(false) // due today: not yet
      expect(isOverdue(status, '2026-04-10', '2026-04-09')).toBe(false)
    }
  })

  it('a final status is never overdue', () => {
    for (const status of ['answered', 'redirected', 'left_without_consideration', 'withdrawn'] as const) {
      expect(isOverdue(status, '2026-01-01', '2026-04-09')).toBe(false)
    }
  })
})

describe('isDueThisWeek (today up to and including Sunday)', () => {
  // Wednesday 2026-04-08; its week runs Monday 6 to Sunday 12 April.
  const wednesday = '2026-04-08'

  it.each([
    ['2026-04-07', false, 'yesterday: overdue, not "due this week"'],
    ['2026-04-08', true, 'today'],
    ['2026-04-10', true, 'Friday'],
    ['2026-04-12', true, 'Sunday'],
    ['2026-04-13', false, 'next Monday'],
  ])('open appeal due %s -> %s (%s)', (dueOn, expected) => {
    expect(isDueThisWeek('registered', dueOn, wednesday)).toBe(expected)
    expect(isDueThisWeek('in_progress', dueOn, wednesday)).toBe(expected)
  })

  it('on a Sunday only that Sunday is left; on a Monday the whole week counts', () => {
    expect(isDueThisWeek('registered', '2026-04-12', '2026-04-12')).toBe(true)
    expect(isDueThisWeek('registered', '2026-04-13', '2026-04-12')).toBe(false)
    expect(isDueThisWeek('registered', '2026-04-12', '2026-04-06')).toBe(true)
  })

  it('across a year end: today Wednesday 2025-12-31, due Sunday 2026-01-04', () => {
    expect(isDueThisWeek('in_progress', '2026-01-04', '2025-12-31')).toBe(true)
    expect(isDueThisWeek('in_progress', '2026-01-05', '2025-12-31')).toBe(false)
  })

  it('a final status is never due this week', () => {
    for (const status of ['answered', 'redirected', 'left_without_consideration', 'withdrawn'] as const) {
      expect(isDueThisWeek(status, '2026-04-09', wednesday)).toBe(false)
    }
  })
})
