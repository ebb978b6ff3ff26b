import { describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import {
  defaultParams,
  lastFinishedQuarter,
  quarterDates,
  reportInput,
} from '../../../src/renderer/src/components/reports/reportParams'

/** The schema the core checks every reports.build call with. */
const reportsBuildInput = contract['reports.build'].input

describe('lastFinishedQuarter', () => {
  it('is the previous quarter of the same year', () => {
    expect(lastFinishedQuarter('2026-04-01')).toBe('2026-Q1')
    expect(lastFinishedQuarter('2026-06-30')).toBe('2026-Q1')
    expect(lastFinishedQuarter('2026-07-01')).toBe('2026-Q2')
    expect(lastFinishedQuarter('2026-12-31')).toBe('2026-Q3')
  })

  it("is last year's fourth quarter during the first one", () => {
    expect(lastFinishedQuarter('2026-01-01')).toBe('2025-Q4')
    expect(lastFinishedQuarter('2026-03-31')).toBe('2025-Q4')
  })
})

describe('quarterDates', () => {
  it('spans each quarter from its first to its last day', () => {
    expect(quarterDates('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' })
    expect(quarterDates('2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' })
    expect(quarterDates('2026-Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' })
    expect(quarterDates('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' })
  })

  it('ends the fourth quarter in its own year', () => {
    expect(quarterDates('2027-Q4').to).toBe('2027-12-31')
  })

  it('refuses what is not a quarter rather than inventing dates', () => {
    expect(() => quarterDates('2026')).toThrow()
    expect(() => quarterDates('')).toThrow()
  })
})

describe('defaultParams', () => {
  const params = defaultParams('2026-02-10')

  it("starts sector-by-year on today's year, from the meetings", () => {
    expect(params['sector-by-year']).toEqual({
      kind: 'sector-by-year',
      from: 2026,
      to: 2026,
      source: 'meetings',
      localityId: null,
    })
  })

  it('starts the quarterly report and the register on the last finished quarter', () => {
    expect(params.quarterly).toEqual({ kind: 'quarterly', quarter: '2025-Q4', localityId: null })
    expect(params.register).toEqual({ kind: 'register', from: '2025-10-01', to: '2025-12-31', localityId: null })
  })

  it("starts the press summary on today's year", () => {
    expect(params['press-summary']).toEqual({ kind: 'press-summary', year: 2026 })
  })

  it('gives every kind parameters the API accepts as they are', () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      for (const draft of Object.values(params)) {
        expect(reportsBuildInput.safeParse(reportInput(lang, draft)).success).toBe(true)
      }
    }
  })
})

describe('reportInput', () => {
  it('sends the language and the parameters as they stand', () => {
    const draft = { kind: 'quarterly' as const, quarter: '2026-Q2', localityId: 7 }
    expect(reportInput('ru', draft)).toEqual({ lang: 'ru', params: draft })
  })

  it('leaves an emptied field to the API, which names it', () => {
    const input = reportInput('kk', { kind: 'press-summary', year: undefined })
    const parsed = reportsBuildInput.safeParse(input)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain('params.year')
  })
})
