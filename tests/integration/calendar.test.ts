import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { CalendarDay } from '@shared/api/contract'
import { appealInput, OPERATOR, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/**
 * The working-day calendar as data: shipped for 2025-2027, replaced year by year with
 * calendar.import when the government decree comes out. A new calendar sets the deadlines of
 * appeals registered after it; deadlines already set stay. The office clock stands at
 * Monday 20 April 2026.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

const shipped = (
  JSON.parse(readFileSync(join(__dirname, '../../resources/calendar/kz-2025-2027.json'), 'utf8')) as {
    days: CalendarDay[]
  }
).days
const shippedYear = (year: number) => shipped.filter((d) => d.date.startsWith(`${year}-`))

let desk: Desk
let housing: number

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  housing = await desk.sector('housing')
})

const list = (year: number) => desk.ok('calendar.list', { year })

describe('calendar.list', () => {
  it('2026 holds Nauryz: 21-23 March holidays, 24-25 March days off carried over from the weekend', async () => {
    const days = await list(2026)
    const nauryz = days.filter((d) => d.date >= '2026-03-21' && d.date <= '2026-03-25')
    expect(nauryz.map((d) => [d.date, d.kind])).toEqual([
      ['2026-03-21', 'holiday'],
      ['2026-03-22', 'holiday'],
      ['2026-03-23', 'holiday'],
      ['2026-03-24', 'day_off'],
      ['2026-03-25', 'day_off'],
    ])
    expect(nauryz.every((d) => d.note.includes('Наурыз'))).toBe(true)
  })

  it('returns the shipped days of the year, in date order, and nothing of other years', async () => {
    const days = await list(2026)
    expect(days).toEqual(shippedYear(2026))
    expect(days).toHaveLength(21)
    expect(await list(2024)).toEqual([])
  })
})

describe('calendar.import', () => {
  /** Monday 6 April 2026 made a day off by decree. */
  const decree2026 = (): CalendarDay[] => [
    ...shippedYear(2026),
    { date: '2026-04-06', kind: 'day_off', note: 'Үкімет қаулысы: демалыс күнін ауыстыру' },
  ]

  it('an extra day off moves the deadline of a new appeal, not of an existing one', async () => {
    const existing = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-03-16T10:00' }))
    expect(existing.dueOn).toBe('2026-04-09')

    expect(await desk.ok('calendar.import', { days: decree2026() })).toEqual({ years: [2026], days: 22 })

    const added = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-03-16T10:00' }))
    // as before, but 6 April no longer counts: 26, 27, 30, 31 March, 1-3, 7-10 April
    expect(added.dueOn).toBe('2026-04-10')
    expect(await desk.ok('appeals.get', { id: existing.id })).toMatchObject({
      dueOn: '2026-04-09',
      reviewDueOn: '2026-04-09',
    })
    expect((await list(2026)).find((d) => d.date === '2026-04-06')?.kind).toBe('day_off')
  })

  it('a Saturday made a working day counts in deadlines and registers appeals that day', async () => {
    await desk.ok('calendar.import', {
      days: [...shippedYear(2026), { date: '2026-03-28', kind: 'working_weekend', note: 'Ауыстыру' }],
    })
    const fromMonday = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-03-16T10:00' }))
    // 17-20 March (4), 26, 27 March, Saturday 28 March (7), 30, 31 March, 1-3, 6-8 April (15)
    expect(fromMonday.dueOn).toBe('2026-04-08')
    const onSaturday = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-03-28T11:00' }))
    expect(onSaturday.registeredOn).toBe('2026-03-28')
  })

  it('replaces only the years in the file', async () => {
    await desk.ok('calendar.import', { days: [{ date: '2026-01-01', kind: 'holiday', note: 'Жаңа жыл' }] })
    expect(await list(2026)).toEqual([{ date: '2026-01-01', kind: 'holiday', note: 'Жаңа жыл' }])
    expect(await list(2025)).toEqual(shippedYear(2025))
    expect(await list(2027)).toEqual(shippedYear(2027))
  })

  it('writes an audit entry naming the years', async () => {
    await desk.ok('calendar.import', { days: decree2026() })
    expect(
      await desk.sql("SELECT operator, entity, entity_id, action FROM audit_entries WHERE entity = 'calendar'"),
    ).toEqual([{ operator: OPERATOR.fullName, entity: 'calendar', entity_id: '2026', action: 'import' }])
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

    it('refuses a working_weekend on a weekday, with its path', async () => {
      await unchanged(async () => {
        const days = decree2026()
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
        const days = [...decree2026(), ...shippedYear(2027)]
        days.splice(5, 0, { date: '2026-02-30', kind: 'holiday', note: '' })
        const error = await desk.fail('calendar.import', { days })
        expect(error.issues).toEqual([{ path: ['days', 5, 'date'], messageKey: 'validation.invalidDate' }])
      })
    })

    it('refuses a day listed twice', async () => {
      await unchanged(async () => {
        const error = await desk.fail('calendar.import', {
          days: [...decree2026(), { date: '2026-04-06', kind: 'holiday', note: '' }],
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

    it('leaves deadlines as they were after a refused import', async () => {
      const days = decree2026()
      days.push({ date: '2026-04-07', kind: 'working_weekend', note: '' })
      await desk.fail('calendar.import', { days })
      expect((await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-03-16T10:00' }))).dueOn).toBe(
        '2026-04-09',
      )
    })
  })
})
