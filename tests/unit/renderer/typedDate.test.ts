import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { whyDateRefused } from '../../../src/renderer/src/lib/typedDate'

describe('whyDateRefused', () => {
  const notAfter2026 = (date: dayjs.Dayjs) => date.isAfter(dayjs('2026-12-31'), 'day')

  it('takes a date typed in the format, and nothing typed', () => {
    expect(whyDateRefused('27.11.2026', 'DD.MM.YYYY', notAfter2026)).toBeNull()
    expect(whyDateRefused('27.11.2026 09:30', 'DD.MM.YYYY HH:mm')).toBeNull()
    expect(whyDateRefused('  ', 'DD.MM.YYYY')).toBeNull()
  })

  it('says the format when the shape is wrong', () => {
    expect(whyDateRefused('1.3.26', 'DD.MM.YYYY')).toBe('format')
    expect(whyDateRefused('2026-11-27', 'DD.MM.YYYY')).toBe('format')
    expect(whyDateRefused('27.11.2026', 'DD.MM.YYYY HH:mm')).toBe('format')
  })

  it('says there is no such day for a day the calendar lacks', () => {
    expect(whyDateRefused('31.02.2026', 'DD.MM.YYYY')).toBe('notADate')
    expect(whyDateRefused('27.13.2026', 'DD.MM.YYYY')).toBe('notADate')
    expect(whyDateRefused('27.11.2026 25:00', 'DD.MM.YYYY HH:mm')).toBe('notADate')
  })

  it('says out of range for a real day the field does not allow', () => {
    expect(whyDateRefused('01.01.2027', 'DD.MM.YYYY', notAfter2026)).toBe('outOfRange')
  })
})
