import { describe, expect, it } from 'vitest'
import { openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/** Each report's parameters as last used, kept in the database with the language. */

const cleanup = useCleanup()

describe('remembered report parameters', () => {
  it('keeps one set per report, replaces it on the next change, and refuses an invalid one', async () => {
    const desk = await openDesk(cleanup, '2026-03-10')
    expect(await desk.ok('preferences.get', {})).toEqual({ language: 'kk', reports: {} })

    const sector = { kind: 'sector-by-year' as const, from: 2024, to: 2026, source: 'all' as const, localityId: null }
    await desk.ok('preferences.update', { report: sector })
    await desk.ok('preferences.update', { report: { kind: 'press-summary', year: 2025 } })
    await desk.ok('preferences.update', { language: 'ru' })
    await desk.ok('preferences.update', { report: { ...sector, from: 2025 } })
    expect(await desk.ok('preferences.get', {})).toEqual({
      language: 'ru',
      reports: { 'sector-by-year': { ...sector, from: 2025 }, 'press-summary': { kind: 'press-summary', year: 2025 } },
    })

    // a range the report refuses is not remembered
    const refused = await desk.fail('preferences.update', { report: { ...sector, from: 2027 } })
    expect(refused.issues).toEqual([{ path: ['report', 'to'], messageKey: 'validation.yearRange' }])
    expect((await desk.ok('preferences.get', {})).reports['sector-by-year']).toEqual({ ...sector, from: 2025 })
  })
})
