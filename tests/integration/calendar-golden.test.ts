import { describe, expect, it } from 'vitest'
import { appealInput, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/**
 * Registration dates and 15-working-day deadlines worked out by hand, day by day, against the
 * shipped calendar (resources/calendar/kz-20XX.json) and the office hours. Each expectation
 * says how it was counted; none is read back from the code under test.
 */

const cleanup = useCleanup()

async function register(desk: Desk, receivedAt: string) {
  return desk.ok('appeals.create', appealInput(await desk.sector('housing'), { receivedAt }))
}

describe('historic years, across New Year and Nauryz', () => {
  it('received Tuesday 28.12.2021 at 10:00: registered that day, due Friday 21.01.2022', async () => {
    const desk = await openDesk(cleanup, '2022-02-01T10:00:00')
    // 29, 30, 31 Dec 2021 (Wed-Fri)                              -> 1-3
    // 1-2 Jan 2022 Sat-Sun New Year -> carried over to Mon 3, Tue 4 -> none
    // 5, 6 Jan (Wed-Thu)                                         -> 4-5
    // 7 Jan Fri Orthodox Christmas                               -> none
    // 10-14 Jan                                                   -> 6-10
    // 17-21 Jan                                                   -> 11-15
    expect(await register(desk, '2021-12-28T10:00')).toMatchObject({
      registeredOn: '2021-12-28',
      dueOn: '2022-01-21',
      dueProvisional: false,
    })
  })

  it('received Friday 18.03.2022 at 17:00: registered that day, due Wednesday 13.04.2022', async () => {
    const desk = await openDesk(cleanup, '2022-05-01T10:00:00')
    // 19-20 Mar weekend; 21-23 Mar (Mon-Wed) Nauryz               -> none
    // 24, 25 Mar                                                   -> 1-2
    // 28 Mar - 1 Apr                                               -> 3-7
    // 4-8 Apr                                                      -> 8-12
    // 11, 12, 13 Apr                                               -> 13-15
    expect(await register(desk, '2022-03-18T17:00')).toMatchObject({
      registeredOn: '2022-03-18',
      dueOn: '2022-04-13',
    })
  })

  it('received the same Friday at 19:00, after closing: registered Thursday 24.03.2022, due 14.04.2022', async () => {
    const desk = await openDesk(cleanup, '2022-05-01T10:00:00')
    // The next working day after Friday 18 March is Thursday 24 (weekend, then Nauryz).
    // 25 Mar (1), 28 Mar - 1 Apr (2-6), 4-8 Apr (7-11), 11-14 Apr (12-15).
    expect(await register(desk, '2022-03-18T19:00')).toMatchObject({
      registeredOn: '2022-03-24',
      dueOn: '2022-04-14',
    })
  })
})

describe('a transfer order', () => {
  it('received Friday 03.01.2025 (a day off by order No. 436): registered Sunday 05.01.2025, due 27.01.2025', async () => {
    const desk = await openDesk(cleanup, '2025-02-10T10:00:00')
    // 3 Jan day off by the order, 4 Sat; 5 Sun a working day by the same order: registered then.
    // 6 (1), 7 Tue Christmas, 8-10 (2-4), 13-17 (5-9), 20-24 (10-14), 27 (15).
    expect(await register(desk, '2025-01-03T10:00')).toMatchObject({
      registeredOn: '2025-01-05',
      dueOn: '2025-01-27',
    })
  })
})

describe('a deadline in a year the calendar does not hold is provisional', () => {
  it('2028 is shipped: a June appeal is not provisional; one of 20.12.2028 runs into 2029 and is', async () => {
    const desk = await openDesk(cleanup, '2028-12-21T10:00:00')
    // 1 June 2028 (Thu): 2 (1), 5-9 (2-6), 12-16 (7-11), 19-22 (12-15): all within 2028.
    expect(await register(desk, '2028-06-01T10:00')).toMatchObject({ dueOn: '2028-06-22', dueProvisional: false })
    // Wednesday 20 December 2028: 21, 22 (1-2), 25-29 (3-7); 2029 has no calendar, so every
    // weekday counts: 1-5 Jan (8-12), 8, 9, 10 Jan (13-15). New Year 2029 is not counted.
    const late = await register(desk, '2028-12-20T10:00')
    expect(late).toMatchObject({ registeredOn: '2028-12-20', dueOn: '2029-01-10', dueProvisional: true })
    const listed = await desk.ok('appeals.list', { sort: 'receivedAt', order: 'desc', offset: 0, limit: 10 })
    expect(listed.rows.map((r) => [r.regNumber, r.dueProvisional])).toEqual([
      [late.regNumber, true],
      [expect.any(String), false],
    ])
    expect((await desk.ok('calendar.overview', {})).missingYears).toEqual([2029])

    // With New Year 2029 entered, a new appeal of the same moment counts it: 1-2 Jan off, so
    // 3-5 Jan (8-10), 8-12 Jan (11-15).
    await desk.ok('calendar.import', {
      days: [
        { date: '2029-01-01', kind: 'holiday', note: 'Жаңа жыл' },
        { date: '2029-01-02', kind: 'holiday', note: 'Жаңа жыл' },
      ],
    })
    expect(await register(desk, '2028-12-20T10:00')).toMatchObject({ dueOn: '2029-01-12', dueProvisional: false })
  })
})

describe('office hours', () => {
  const hours = { opensAt: '09:00', closesAt: '18:00', saturdayWork: true }

  it('before opening counts as that day, after closing as the next reception day', async () => {
    const desk = await openDesk(cleanup, '2026-05-20T10:00:00')
    expect(await desk.ok('calendar.hours', {})).toEqual({ opensAt: '09:00', closesAt: '18:30', saturdayWork: false })
    // By default the office closes at 18:30.
    expect((await register(desk, '2026-04-15T18:10')).registeredOn).toBe('2026-04-15')
    expect(await desk.ok('calendar.setHours', hours)).toEqual(hours)
    expect((await register(desk, '2026-04-15T08:00')).registeredOn).toBe('2026-04-15') // Wed, before opening
    expect((await register(desk, '2026-04-15T18:10')).registeredOn).toBe('2026-04-16') // Wed, after closing
    expect((await register(desk, '2026-04-17T18:10')).registeredOn).toBe('2026-04-18') // Fri evening -> Saturday
  })

  it('with Saturday work, a Saturday appeal is registered that Saturday; the term still counts working days only', async () => {
    const desk = await openDesk(cleanup, '2026-05-20T10:00:00')
    // Saturday work off: Saturday 18 April -> Monday 20; 21-24 (1-4), 27-30 (5-8), 1 May Fri
    // holiday, 4, 5, 6 (9-11), 7 Thu Defender Day, 8 (12), 9 Sat Victory Day carried to Mon
    // 11, 12, 13, 14 (13-15).
    expect(await register(desk, '2026-04-18T11:00')).toMatchObject({ registeredOn: '2026-04-20', dueOn: '2026-05-14' })
    await desk.ok('calendar.setHours', hours)
    // Saturday work on: registered Saturday 18; the next working day, Monday 20, is day 1:
    // 20-24 (1-5), 27-30 (6-9), 4, 5, 6 (10-12), 8 (13), 12, 13 (14-15).
    expect(await register(desk, '2026-04-18T11:00')).toMatchObject({ registeredOn: '2026-04-18', dueOn: '2026-05-13' })
    // A Saturday that is a holiday is no reception day: Victory Day, Saturday 9 May 2026 ->
    // Sunday, Monday 11 (its carry-over) -> Tuesday 12 May.
    expect((await register(desk, '2026-05-09T11:00')).registeredOn).toBe('2026-05-12')
  })

  it('refuses a closing time before the opening time, and a time that is not HH:MM', async () => {
    const desk = await openDesk(cleanup, '2026-05-20T10:00:00')
    expect(
      (await desk.fail('calendar.setHours', { opensAt: '18:00', closesAt: '09:00', saturdayWork: false })).issues,
    ).toEqual([{ path: ['closesAt'], messageKey: 'validation.closesBeforeOpening' }])
    expect(
      (await desk.fail('calendar.setHours', { opensAt: '9:00', closesAt: '18:00', saturdayWork: false })).issues,
    ).toEqual([{ path: ['opensAt'], messageKey: 'validation.invalidTime' }])
  })
})
