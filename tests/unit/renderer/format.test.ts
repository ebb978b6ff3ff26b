import { describe, expect, it } from 'vitest'
import {
  formatBytes,
  formatCount,
  formatDate,
  formatInstant,
  formatLocalDateTime,
  formatPercent,
} from '../../../src/renderer/src/lib/format'

describe('formatDate', () => {
  it('writes a calendar date as offices do', () => {
    expect(formatDate('2026-11-27')).toBe('27.11.2026')
    expect(formatDate('2028-02-29')).toBe('29.02.2028')
  })

  it("takes a timestamp's date part without moving it to another day", () => {
    expect(formatDate('2026-12-31T23:59:59.999Z')).toBe('31.12.2026')
    expect(formatDate('2026-01-01T00:00')).toBe('01.01.2026')
  })

  it('writes nothing for no date', () => {
    expect(formatDate(null)).toBe('')
    expect(formatDate(undefined)).toBe('')
    expect(formatDate('')).toBe('')
  })

  it('shows what is not a date as it is', () => {
    expect(formatDate('soon')).toBe('soon')
    expect(formatDate('27.11.2026')).toBe('27.11.2026')
    expect(formatDate('2026-1-5')).toBe('2026-1-5')
  })
})

describe('formatLocalDateTime', () => {
  it("writes the API's local date and time", () => {
    expect(formatLocalDateTime('2026-11-27T09:05')).toBe('27.11.2026 09:05')
  })

  it('writes a date alone without a trailing space', () => {
    expect(formatLocalDateTime('2026-11-27')).toBe('27.11.2026')
  })

  it('writes nothing for nothing and keeps other text', () => {
    expect(formatLocalDateTime('')).toBe('')
    expect(formatLocalDateTime('later')).toBe('later')
  })
})

describe('formatInstant', () => {
  it("writes a UTC instant in this computer's time", () => {
    const iso = '2026-03-10T21:45:00.000Z'
    const local = new Date(iso)
    const two = (n: number) => String(n).padStart(2, '0')
    const expected = `${two(local.getDate())}.${two(local.getMonth() + 1)}.${local.getFullYear()} ${two(local.getHours())}:${two(local.getMinutes())}`
    expect(formatInstant(iso)).toBe(expected)
    expect(formatInstant(iso)).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/)
  })

  it('keeps what is not an instant as it is', () => {
    expect(formatInstant('')).toBe('')
    expect(formatInstant('not a time')).toBe('not a time')
  })
})

describe('formatCount', () => {
  it('groups digits the way each language does', () => {
    expect(formatCount(1234567, 'en')).toBe('1,234,567')
    expect(formatCount(1234567, 'ru')).toMatch(/^1\s234\s567$/u)
    expect(formatCount(1234567, 'kk')).toMatch(/^1\s234\s567$/u)
  })

  it('writes small counts and zero plainly', () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(formatCount(0, lang)).toBe('0')
      expect(formatCount(250, lang)).toBe('250')
    }
  })
})

describe('formatPercent', () => {
  it('writes a decimal comma in kk and ru, a point in en, always two places', () => {
    expect(formatPercent(14.776, 'kk')).toBe('14,78')
    expect(formatPercent(14.776, 'ru')).toBe('14,78')
    expect(formatPercent(14.776, 'en')).toBe('14.78')
    expect(formatPercent(0, 'kk')).toBe('0,00')
    expect(formatPercent(100, 'en')).toBe('100.00')
  })
})

describe('formatBytes', () => {
  it('never says 0 KB for a small file', () => {
    expect(formatBytes(0)).toBe('1 KB')
    expect(formatBytes(100)).toBe('1 KB')
  })

  it('rounds to whole KB below a megabyte', () => {
    expect(formatBytes(1536)).toBe('2 KB')
    expect(formatBytes(1024 * 1024 - 1)).toBe('1024 KB')
  })

  it('writes MB with one decimal from a megabyte on', () => {
    expect(formatBytes(1024 * 1024)).toBe('1.0 MB')
    expect(formatBytes(5.5 * 1024 * 1024)).toBe('5.5 MB')
    expect(formatBytes(3 * 1024 * 1024 * 1024)).toBe('3072.0 MB')
  })
})
