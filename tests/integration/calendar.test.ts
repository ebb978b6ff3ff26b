import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput, KeptCalendarDay } from '@shared/api/contract'
import { appealInput, OPERATOR, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/**
 * The working-day calendar as data: shipped for 2021-2028 with each day's source, kept up to
 * date by the office, day by day on screen (with a reason, in the history) or by importing a
 * file that merges its dates in and never wipes a year. A changed calendar sets the deadlines
 * of appeals registered after it; deadlines already set stay. The office clock stands at
 * Monday 20 April 2026.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

type FileDay = Omit<KeptCalendarDay, 'origin' | 'confirmed'> & { confirmed?: boolean }
const shippedYear = (year: number): KeptCalendarDay[] =>
  (
    JSON.parse(readFileSync(join(__dirname, `../../resources/calendar/kz-${year}.json`), 'utf8')) as {
      days: FileDay[]
    }
  ).days.map((d) => ({ ...d, confirmed: d.confirmed ?? true, origin: 'shipped' }))

let desk: Desk
let housing: number

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  housing = await desk.sector('housing')
})

/** A shipped day as an import file gives it (no origin). */
function sameAsShipped(date: string): ImportDay {
  const { origin: _origin, ...day } = shippedYear(Number(date.slice(0, 4))).find((d) => d.date === date)!
  return day
}

const list = (year: number) => desk.ok('calendar.list', { year })
type ImportDay = ApiInput<'calendar.import'>['days'][number]
const importDays = (days: ImportDay[]) => desk.ok('calendar.import', { days })

describe('calendar.list', () => {
  it('2026 holds Nauryz: 21-23 March holidays, 24-25 March days off carried over, each with its source', async () => {
    const days = await list(2026)
    const nauryz = days.filter((d) => d.date >= '2026-03-21' && d.date <= '2026-03-25')
    expect(nauryz.map((d) => [d.date, d.kind])).toEqual([
      ['2026-03-21', 'holiday'],
      ['2026-03-22', 'holiday'],
      ['2026-03-23', 'holiday'],
      ['2026-03-24', 'day_off'],
      ['2026-03-25', 'day_off'],
    ])
    expect(nauryz.every((d) => d.note.includes('Наурыз') && d.origin === 'shipped' && d.confirmed)).toBe(true)
    expect(nauryz[0]!.source).toContain('№ 267-II, ст. 3')
    expect(nauryz[3]!.source).toContain('ст. 85')
  })

  it('returns the shipped days of every year 2021-2028 in date order, and nothing of other years', async () => {
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028])
      expect(await list(year), String(year)).toEqual(shippedYear(year))
    expect(await list(2020)).toEqual([])
    expect(await list(2029)).toEqual([])
  })
})

describe('calendar.import merges: it adds or replaces the listed dates and never wipes a year', () => {
  it('two transfer days of 2025 leave its holidays alone: an appeal of 20 March 2025 is still due on 15 April', async () => {
    // Before this was fixed, an import deleted the whole year first, so the deadline below came
    // out as 10 April (no Nauryz). By hand, from registration on Thursday 20 March 2025:
    //  21 Fri Nauryz, 22-23 weekend (Nauryz), 24-25 Mon-Tue carried over       -> none
    //  26 27 28 Mar, 31 Mar, 1 2 3 4 Apr, 7 8 9 10 11 Apr, 14 15 Apr            -> 1-15
    const result = await importDays([
      { date: '2025-05-02', kind: 'day_off', note: 'Ауыстыру (2025-05-10)', source: 'Бұйрық' },
      { date: '2025-05-10', kind: 'working_weekend', note: 'Ауыстыру (2025-05-02)', source: 'Бұйрық' },
    ])
    expect(result).toEqual({ years: [2025], days: 2, added: 2, replaced: 0, warnings: [] })
    const days = await list(2025)
    expect(days).toHaveLength(shippedYear(2025).length + 2)
    expect(days.filter((d) => d.origin === 'office').map((d) => d.date)).toEqual(['2025-05-02', '2025-05-10'])
    const appeal = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2025-03-20T10:00' }))
    expect(appeal).toMatchObject({ registeredOn: '2025-03-20', dueOn: '2025-04-15' })
  })

  it('an extra day off moves the deadline of a new appeal, not of an existing one', async () => {
    const existing = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-03-16T10:00' }))
    expect(existing.dueOn).toBe('2026-04-09')

    const result = await importDays([{ date: '2026-04-06', kind: 'day_off', note: 'Ауыстыру', source: 'Бұйрық' }])
    expect(result).toMatchObject({ years: [2026], days: 1, added: 1, replaced: 0 })

    const added = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-03-16T10:00' }))
    // as before, but 6 April no longer counts: 26, 27, 30, 31 March, 1-3, 7-10 April
    expect(added.dueOn).toBe('2026-04-10')
    expect(await desk.ok('appeals.get', { id: existing.id })).toMatchObject({ dueOn: '2026-04-09' })
  })

  it('a Saturday made a working day counts in deadlines and registers appeals that day', async () => {
    await importDays([{ date: '2026-03-28', kind: 'working_weekend', note: 'Ауыстыру', source: '' }])
    const fromMonday = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-03-16T10:00' }))
    // 17-20 March (4), 26, 27 March, Saturday 28 March (7), 30, 31 March, 1-3, 6-8 April (15)
    expect(fromMonday.dueOn).toBe('2026-04-08')
    const onSaturday = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-03-28T11:00' }))
    expect(onSaturday.registeredOn).toBe('2026-03-28')
  })

  it('replaces the day on a listed date and keeps every other day of every year', async () => {
    const before2026 = await list(2026)
    const result = await importDays([
      { date: '2026-01-01', kind: 'holiday', note: 'Жаңа жыл', source: 'Заң' },
      // the same as shipped: neither added nor replaced, and stays the shipped day
      sameAsShipped('2026-01-02'),
    ])
    expect(result).toMatchObject({ days: 2, added: 0, replaced: 1 })
    expect(await list(2026)).toEqual(
      before2026.map((d) =>
        d.date === '2026-01-01'
          ? { date: '2026-01-01', kind: 'holiday', note: 'Жаңа жыл', source: 'Заң', confirmed: true, origin: 'office' }
          : d,
      ),
    )
    expect(await list(2025)).toEqual(shippedYear(2025))
  })

  it('warns when the year no longer makes a statutory holiday a day off', async () => {
    const result = await importDays([{ date: '2026-03-22', kind: 'working_weekend', note: 'Қате', source: '' }])
    expect(result.warnings).toEqual([{ year: 2026, missing: [{ date: '2026-03-22', holiday: 'nauryz' }] }])
  })

  it('writes one history entry for each date it added or replaced', async () => {
    await importDays([
      { date: '2026-04-06', kind: 'day_off', note: 'Ауыстыру', source: 'Бұйрық' },
      { date: '2026-01-01', kind: 'holiday', note: 'Жаңа жыл', source: 'Заң' },
    ])
    const entries = await desk.sql<Record<string, string | null>>(
      "SELECT operator, entity_id, action, old_value, new_value FROM audit_entries WHERE entity = 'calendar' ORDER BY entity_id",
    )
    expect(entries.map((e) => [e.operator, e.entity_id, e.action])).toEqual([
      [OPERATOR.fullName, '2026-01-01', 'import'],
      [OPERATOR.fullName, '2026-04-06', 'import'],
    ])
    expect(JSON.parse(entries[0]!.old_value!)).toMatchObject({ date: '2026-01-01', note: 'Жаңа жыл / Новый год' })
    expect(entries[1]!.old_value).toBeNull()
    expect(JSON.parse(entries[1]!.new_value!)).toEqual({
      date: '2026-04-06',
      kind: 'day_off',
      note: 'Ауыстыру',
      source: 'Бұйрық',
      confirmed: true,
    })
  })

  describe('is all or none', () => {
    const unchanged = async (run: () => Promise<void>) => {
      const before = {
        days: await desk.sql('SELECT * FROM calendar_days ORDER BY date'),
        audit: await desk.count('audit_entries'),
      }
      await run()
      expect({
        days: await desk.sql('SELECT * FROM calendar_days ORDER BY date'),
        audit: await desk.count('audit_entries'),
      }).toEqual(before)
    }
    const decree = (): ImportDay[] => [{ date: '2026-04-06', kind: 'day_off', note: 'Ауыстыру' }]

    it('refuses a working_weekend on a weekday, with its path', async () => {
      await unchanged(async () => {
        const days = decree()
        const index = days.push({ date: '2026-04-08', kind: 'working_weekend', note: 'Сәрсенбі' }) - 1
        const error = await desk.fail('calendar.import', { days })
        expect(error.code).toBe('validation')
        expect(error.issues).toEqual([
          {
            path: ['days', index, 'kind'],
            messageKey: 'validation.workingWeekendNotWeekend',
            params: { date: '2026-04-08' },
          },
        ])
      })
    })

    it('refuses a file with one impossible date among good ones', async () => {
      await unchanged(async () => {
        const days = [...decree(), ...decree().map((d) => ({ ...d, date: '2026-04-07' }))]
        days.splice(1, 0, { date: '2026-02-30', kind: 'holiday', note: '' })
        const error = await desk.fail('calendar.import', { days })
        expect(error.issues).toEqual([{ path: ['days', 1, 'date'], messageKey: 'validation.invalidDate' }])
      })
    })

    it('refuses a day listed twice', async () => {
      await unchanged(async () => {
        const error = await desk.fail('calendar.import', {
          days: [...decree(), { date: '2026-04-06', kind: 'holiday', note: '' }],
        })
        expect(error.issues).toEqual([
          { path: ['days'], messageKey: 'validation.calendarDuplicate', params: { date: '2026-04-06' } },
        ])
      })
    })

    it('refuses an empty file', async () => {
      await unchanged(async () => {
        const error = await desk.fail('calendar.import', { days: [] })
        expect(error.issues).toEqual([{ path: ['days'], messageKey: 'validation.calendarEmpty', params: { min: 1 } }])
      })
    })
  })
})

describe('editing a day on screen, with a reason kept in the history', () => {
  const reason = 'Еңбек министрлігінің бұйрығы'

  it('adds a day, changes it, removes it: each with its reason, each moving new deadlines only', async () => {
    const added = await desk.ok('calendar.saveDay', {
      date: '2026-04-06',
      kind: 'day_off',
      note: 'Ауыстыру',
      source: 'Бұйрық № 1',
      reason,
    })
    expect(added).toEqual({
      day: {
        date: '2026-04-06',
        kind: 'day_off',
        note: 'Ауыстыру',
        source: 'Бұйрық № 1',
        confirmed: true,
        origin: 'office',
      },
      warning: null,
    })
    expect((await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-03-16T10:00' }))).dueOn).toBe(
      '2026-04-10',
    )

    await desk.ok('calendar.saveDay', {
      date: '2026-04-06',
      kind: 'day_off',
      note: 'Ауыстыру',
      source: 'Бұйрық № 2',
      confirmed: false,
      reason: 'Нөмірі түзетілді',
    })
    expect((await list(2026)).find((d) => d.date === '2026-04-06')).toMatchObject({
      source: 'Бұйрық № 2',
      confirmed: false,
    })

    expect(await desk.ok('calendar.removeDay', { date: '2026-04-06', reason: 'Бұйрық күшін жойды' })).toEqual({
      day: null,
      warning: null,
    })
    expect((await list(2026)).some((d) => d.date === '2026-04-06')).toBe(false)
    expect((await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-03-16T10:00' }))).dueOn).toBe(
      '2026-04-09',
    )

    const history = await desk.sql<Record<string, string | null>>(
      "SELECT action, old_value, new_value FROM audit_entries WHERE entity = 'calendar' AND entity_id = '2026-04-06' ORDER BY id",
    )
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'delete'])
    expect(JSON.parse(history[0]!.new_value!)).toMatchObject({ kind: 'day_off', source: 'Бұйрық № 1', reason })
    expect(JSON.parse(history[1]!.old_value!)).toMatchObject({ source: 'Бұйрық № 1' })
    expect(JSON.parse(history[1]!.new_value!)).toMatchObject({ source: 'Бұйрық № 2', reason: 'Нөмірі түзетілді' })
    expect(JSON.parse(history[2]!.new_value!)).toEqual({ reason: 'Бұйрық күшін жойды' })
  })

  it('removing a statutory holiday leaves a warning naming it', async () => {
    const result = await desk.ok('calendar.removeDay', { date: '2026-07-06', reason })
    expect(result.warning).toEqual({ year: 2026, missing: [{ date: '2026-07-06', holiday: 'capitalDay' }] })
    expect((await desk.ok('calendar.overview', {})).years.find((y) => y.year === 2026)?.missing).toEqual([
      { date: '2026-07-06', holiday: 'capitalDay' },
    ])
  })

  it('wants a reason, refuses a working weekday on a weekday, and a day the calendar does not hold', async () => {
    expect((await desk.fail('calendar.saveDay', { date: '2026-04-06', kind: 'day_off', note: '' })).issues).toEqual([
      { path: ['reason'], messageKey: 'validation.required' },
    ])
    expect(
      (await desk.fail('calendar.saveDay', { date: '2026-04-08', kind: 'working_weekend', note: '', reason })).issues,
    ).toEqual([{ path: ['kind'], messageKey: 'validation.workingWeekendNotWeekend', params: { date: '2026-04-08' } }])
    const missing = await desk.fail('calendar.removeDay', { date: '2026-04-08', reason })
    expect(missing.code).toBe('not_found')
    expect(await desk.sql("SELECT * FROM audit_entries WHERE entity = 'calendar'")).toEqual([])
  })
})

describe('calendar.export', () => {
  it("gives a year's days as a file the import takes back", async () => {
    const file = await desk.ok('calendar.export', { year: 2026 })
    expect(file.year).toBe(2026)
    expect(file.days).toEqual(shippedYear(2026).map(({ origin: _origin, ...day }) => day))
    await desk.ok('calendar.removeDay', { date: '2026-05-27', reason: 'Тексеру' })
    const result = await importDays(file.days)
    expect(result).toMatchObject({ years: [2026], added: 1, replaced: 0, warnings: [] })
    expect((await list(2026)).map(({ origin: _origin, ...day }) => day)).toEqual(file.days)
  })
})

describe('calendar.overview', () => {
  it('lists the years held, with office days and unconfirmed days, and no missing year in 2026', async () => {
    await importDays([{ date: '2026-04-06', kind: 'day_off', note: 'Ауыстыру' }])
    const overview = await desk.ok('calendar.overview', {})
    expect(overview.missingYears).toEqual([])
    expect(overview.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028])
    expect(overview.years.find((y) => y.year === 2026)).toMatchObject({ officeDays: 1, unconfirmed: 0, missing: [] })
    expect(overview.years.find((y) => y.year === 2027)).toMatchObject({ officeDays: 0, unconfirmed: 2 })
  })

  it('names the next year when the calendar lacks it (the clock in 2028)', async () => {
    const later = await openDesk(cleanup, '2028-06-01T10:00:00')
    expect((await later.ok('calendar.overview', {})).missingYears).toEqual([2029])
  })
})
