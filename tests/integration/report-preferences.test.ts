import { describe, expect, it } from 'vitest'
import { APPEAL_LIST_COLUMNS } from '@shared/domain/appealColumns'
import { openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { userContext } from '../helpers/context'

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

  it('keeps the register’s columns for each user, in the list’s order, the number always', async () => {
    const desk = await openDesk(cleanup, '2026-03-10')
    const clerk = userContext('clerk', { id: 7 })
    const head = userContext('head', { id: 8 })
    const columnsOf = async (ctx: typeof clerk) => {
      desk.ctx = ctx
      return (await desk.ok('preferences.own', {})).appealColumns
    }
    expect(await columnsOf(clerk)).toEqual([...APPEAL_LIST_COLUMNS])
    desk.ctx = clerk
    await desk.ok('preferences.update', { appealColumns: ['summary', 'applicant', 'dueOn'] })
    expect(await columnsOf(clerk)).toEqual(['regNumber', 'applicant', 'summary', 'dueOn'])
    // another user keeps every column, and the office's language is shared
    desk.ctx = head
    await desk.ok('preferences.update', { language: 'ru' })
    expect(await columnsOf(head)).toEqual([...APPEAL_LIST_COLUMNS])
    expect(await columnsOf(clerk)).toEqual(['regNumber', 'applicant', 'summary', 'dueOn'])
    expect((await desk.ok('preferences.get', {})).language).toBe('ru')
    desk.ctx = clerk
    const refused = await desk.fail('preferences.update', { appealColumns: ['summary', 'iin'] })
    expect(refused.issues).toEqual([{ path: ['appealColumns', 1], messageKey: 'validation.invalidOption' }])
  })
})
