import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  formatIsoDate,
  isValidIsoDate,
  parseIsoDate,
  startOfWeek,
  weekday,
} from '@shared/domain/dates'

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'], // 2026 is not a leap year
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-02-28', 1, '2028-02-29'], // 2028 is a leap year
    ['2028-02-29', 1, '2028-03-01'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-03-16', 0, '2026-03-16'],
    ['2026-03-16', 24, '2026-04-09'], // 15 left in March (17..31) + 9 in April
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 365, '2028-12-31'], // 366 days in 2028
  ])('%s + %d days -> %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected)
  })
})

describe('addMonths clamps to the last day of the month', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-12-15', 2, '2027-02-15'],
    ['2026-03-16', 2, '2026-05-16'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-05-20', 0, '2026-05-20'],
  ])('%s + %d months -> %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected)
  })
})

describe('weekday (0 = Sunday … 6 = Saturday)', () => {
  it.each([
    ['2026-03-22', 0], // Sunday
    ['2026-03-23', 1], // Nauryz Monday
    ['2026-03-18', 3], // Wednesday
    ['2026-01-01', 4], // Thursday
    ['2026-01-02', 5], // Friday
    ['2026-03-21', 6], // Saturday
    ['2028-02-29', 2], // Tuesday
  ])('%s -> %d', (date, expected) => {
    expect(weekday(date)).toBe(expected)
  })
})

describe('startOfWeek (Monday)', () => {
  it('a Sunday belongs to the week that began six days before', () => {
    expect(startOfWeek('2026-03-22')).toBe('2026-03-16')
  })
  it('a Monday is its own start', () => {
    expect(startOfWeek('2026-03-23')).toBe('2026-03-23')
  })
  it('a Wednesday and a Saturday', () => {
    expect(startOfWeek('2026-03-18')).toBe('2026-03-16')
    expect(startOfWeek('2026-03-21')).toBe('2026-03-16')
  })
  it('across a year end: Sunday 2026-01-04 -> Monday 2025-12-29', () => {
    expect(startOfWeek('2026-01-04')).toBe('2025-12-29')
  })
})

describe('isValidIsoDate', () => {
  it.each(['2026-03-16', '2028-02-29', '2025-12-31', '2026-01-01'])('accepts %s', (value) => {
    expect(isValidIsoDate(value)).toBe(true)
  })

  it.each([
    '2026-02-30',
    '2026-02-29', // 2026 is not a leap year
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-04-00',
    '2026-2-3',
    '26-03-16',
    '2026/03/16',
    '2026-03-16T00:00',
    ' 2026-03-16',
    '',
  ])('rejects %j', (value) => {
    expect(isValidIsoDate(value)).toBe(false)
  })
})

describe('parseIsoDate / formatIsoDate', () => {
  it('parses to UTC midnight and formats back', () => {
    const d = parseIsoDate('2026-03-23')
    expect(d.getTime()).toBe(Date.UTC(2026, 2, 23))
    expect(formatIsoDate(d)).toBe('2026-03-23')
  })
})
