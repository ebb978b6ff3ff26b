import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import type { KeptCalendarDay } from '@shared/api/contract'
import { migrate } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import { appealInput, openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { insertMeetingWithTwoQuestions } from '../helpers/olderDatabase'

/**
 * Migration 0010 (the calendar with its sources, 2021-2028) on a version-7 database as an
 * office left it: the 2025-2027 defaults migration 0002 seeded, a meeting with its questions,
 * and days the office imported itself under the old import (which replaced whole years):
 * - 2025 holds only two transfer days: the old import wiped the year's holidays;
 * - 2026 holds the defaults, a day off of its own (6 April) and its own wording of a default
 *   date (9 March);
 * - 2024 holds one day of its own (31 December) and nothing shipped.
 * Every day the office entered survives as it was; every other date of 2021-2028 is the new
 * shipped calendar, with its source.
 */

const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'

const OFFICE_DAYS = [
  { date: '2024-12-31', kind: 'day_off', note: 'Әкімдік шешімі' },
  { date: '2025-05-02', kind: 'day_off', note: 'Ауыстыру (2025-05-10)' },
  { date: '2025-05-10', kind: 'working_weekend', note: 'Ауыстыру (2025-05-02)' },
  { date: '2026-03-09', kind: 'day_off', note: '8 наурыздың орнына' },
  { date: '2026-04-06', kind: 'day_off', note: 'Үкімет қаулысы' },
]

const shippedYear = (year: number): KeptCalendarDay[] =>
  (
    JSON.parse(readFileSync(join(__dirname, `../../resources/calendar/kz-${year}.json`), 'utf8')) as {
      days: (Omit<KeptCalendarDay, 'origin' | 'confirmed'> & { confirmed?: boolean })[]
    }
  ).days.map((d) => ({ ...d, confirmed: d.confirmed ?? true, origin: 'shipped' }))

const asOffice = (day: (typeof OFFICE_DAYS)[number]): KeptCalendarDay =>
  ({ ...day, source: '', confirmed: true, origin: 'office' }) as KeptCalendarDay

async function version7Database(): Promise<string> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  try {
    expect(await migrate(dataSource, MIGRATIONS.slice(0, 7))).toEqual([1, 2, 3, 4, 5, 6, 7])
    await insertMeetingWithTwoQuestions(dataSource, STAMP)
    // The old import deleted a year's days before writing the file's.
    await dataSource.query("DELETE FROM calendar_days WHERE date BETWEEN '2025-01-01' AND '2025-12-31'")
    await dataSource.query("DELETE FROM calendar_days WHERE date = '2026-03-09'")
    for (const day of OFFICE_DAYS)
      await dataSource.query('INSERT INTO calendar_days (date, kind, note) VALUES (?, ?, ?)', [
        day.date,
        day.kind,
        day.note,
      ])
    return file
  } finally {
    await dataSource.destroy()
  }
}

describe('migration 0010 on a version-7 database holding the old defaults and days of the office', () => {
  it('keeps every day the office entered and brings every other date of 2021-2028 to the shipped calendar', async () => {
    const file = await version7Database()
    const desk = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file })
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(10)
    expect((await desk.ok('app.info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION)

    const merged = (year: number) => {
      const office = OFFICE_DAYS.filter((d) => d.date.startsWith(`${year}-`)).map(asOffice)
      const dates = new Set(office.map((d) => d.date))
      return [...shippedYear(year).filter((d) => !dates.has(d.date)), ...office].sort((a, b) =>
        a.date.localeCompare(b.date),
      )
    }
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028])
      expect(await desk.ok('calendar.list', { year }), String(year)).toEqual(merged(year))

    // 30-31 August 2026, a default of 0002, are gone with the shipped calendar of 2026.
    expect(await desk.sql("SELECT date FROM calendar_days WHERE date IN ('2026-08-30', '2026-08-31')")).toEqual([])
    // The meeting and its questions are untouched.
    expect((await desk.ok('meetings.get', { id: 1 })).questionsCount).toBe(2)
  })

  it('after it, an appeal received on Friday 3 January 2025 is registered on Sunday 5 January (order No. 436)', async () => {
    const desk = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file: await version7Database() })
    const housing = await desk.sector('housing')
    const appeal = await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2025-01-03T10:00' }))
    // 3 Jan day off, 4 Sat; 5 Sun worked in its place. From 5 January, 15 working days:
    // 6 (1), 7 Christmas, 8 9 10 (2-4), 13-17 (5-9), 20-24 (10-14), 27 (15).
    expect(appeal).toMatchObject({ registeredOn: '2025-01-05', dueOn: '2025-01-27', dueProvisional: false })
  })
})
