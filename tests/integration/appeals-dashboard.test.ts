import { describe, expect, it } from 'vitest'
import { appealInput, bringTo, meetingInput, openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/**
 * The first screen (dashboard.summary): the year's appeals by sector and meetings held, and
 * today's workload (open, overdue, due this week). The office clock stands at Monday
 * 20 April 2026; this week runs to Sunday 26 April.
 *
 *   appeal                               sector   status       due
 *   received 2026-03-16                  housing  registered   2026-04-09  overdue
 *   received 2026-03-20                  land     answered     2026-04-15
 *   received 2026-04-01                  housing  registered   2026-04-22  due this week
 *   received 2026-04-10                  social   registered   2026-05-04
 *   question at the 2026-04-09 meeting   social   registered   2026-04-30
 *   question at the 2026-04-09 meeting   housing  registered   2026-04-30
 *   received 2025-12-22                  housing  in_progress  2026-01-15  overdue (a 2025 appeal)
 *
 * The meeting's questions are registered on Thursday 9 April: 10, 13-17, 20-24, 27-30 April.
 * Meetings: 12 February and 9 April 2026, 20 November 2025.
 * Measures promised: at the 2025 meeting, due 31 March 2026, not done (overdue: a late promise
 * stays on the screen whatever its year); at 9 April, one due 17 April done on the 20th (late
 * but done), one due today (in time), one due 30 April.
 */

const cleanup = useCleanup()

it("counts the year by sector, today's workload and the meetings held", async () => {
  const desk = await openDesk(cleanup, '2026-04-20T10:00:00')
  const [housing, land, social] = [await desk.sector('housing'), await desk.sector('land'), await desk.sector('social')]
  const create = (receivedAt: string, sectorId: number) =>
    desk.ok('appeals.create', appealInput(sectorId, { receivedAt }))

  await create('2026-03-16T10:00', housing)
  const answered = await create('2026-03-20T10:00', land)
  await bringTo(desk, answered.id, 'answered', '2026-04-14')
  await create('2026-04-01T10:00', housing)
  await create('2026-04-10T10:00', social)
  const old = await create('2025-12-22T10:00', housing)
  await bringTo(desk, old.id, 'in_progress')

  const november = await desk.ok('meetings.create', meetingInput({ heldOn: '2025-11-20' }))
  await desk.ok('meetings.create', meetingInput({ heldOn: '2026-02-12' }))
  const april = await desk.ok('meetings.create', meetingInput({ heldOn: '2026-04-09' }))
  const details = await desk.ok('meetings.addQuestions', {
    meetingId: april.id,
    questions: [
      { sectorId: social, summary: 'Ауылға фельдшерлік пункт керек' },
      { sectorId: housing, summary: 'Ауыз су тапшы' },
    ],
  })
  expect(details.questions.map((q) => q.dueOn)).toEqual(['2026-04-30', '2026-04-30'])
  const promise = (meetingId: number, dueOn: string) =>
    desk.ok('measures.create', {
      meetingId,
      text: 'Фельдшерлік пункт ашу',
      responsible: 'Аудандық аурухана',
      dueOn,
      appealId: null,
    })
  await promise(november.id, '2026-03-31')
  const doneLate = await promise(april.id, '2026-04-17')
  await desk.ok('measures.update', {
    id: doneLate.id,
    text: doneLate.text,
    responsible: doneLate.responsible,
    dueOn: doneLate.dueOn,
    appealId: null,
    doneOn: '2026-04-20',
    doneNote: null,
  })
  await promise(april.id, '2026-04-20')
  await promise(april.id, '2026-04-30')

  const summary = await desk.ok('dashboard.summary', { year: 2026 })
  expect({ ...summary, bySector: [...summary.bySector].sort((a, b) => a.sectorId - b.sectorId) }).toEqual({
    year: 2026,
    total: 6,
    // Today's workload counts every open appeal, whatever its year: the 2025 appeal still in
    // progress is overdue today and must not drop off the screen on 1 January.
    open: 6,
    overdue: 2,
    dueThisWeek: 1,
    meetingsHeld: 2,
    measuresOverdue: 1,
    // no extension and no redirect among them (tests/integration/appeals-notice-redirect.test.ts)
    noticesDue: 0,
    noticesOverdue: 0,
    redirectsDue: 0,
    redirectsOverdue: 0,
    bySector: [
      { sectorId: social, count: 2 },
      { sectorId: housing, count: 3 },
      { sectorId: land, count: 1 },
    ].sort((a, b) => a.sectorId - b.sectorId),
  })

  const lastYear = await desk.ok('dashboard.summary', { year: 2025 })
  expect(lastYear).toMatchObject({ year: 2025, total: 1, meetingsHeld: 1, bySector: [{ sectorId: housing, count: 1 }] })
})

describe('the workload moves with the deadlines', () => {
  it('an extension takes an appeal out of overdue', async () => {
    const desk = await openDesk(cleanup, '2026-04-20T10:00:00')
    const appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    expect(await desk.ok('dashboard.summary', { year: 2026 })).toMatchObject({ open: 1, overdue: 1, dueThisWeek: 0 })
    // extended to Friday 24 April: due this week, no longer overdue
    await desk.ok('appeals.extend', {
      id: appeal.id,
      extendedDueOn: '2026-04-24',
      reason: 'Қосымша тексеру',
      decidedOn: '2026-04-08',
    })
    expect(await desk.ok('dashboard.summary', { year: 2026 })).toMatchObject({ open: 1, overdue: 0, dueThisWeek: 1 })
  })

  it('an empty year is all zeros', async () => {
    const desk = await openDesk(cleanup, '2026-04-20T10:00:00')
    expect(await desk.ok('dashboard.summary', { year: 2026 })).toEqual({
      year: 2026,
      total: 0,
      open: 0,
      overdue: 0,
      dueThisWeek: 0,
      meetingsHeld: 0,
      measuresOverdue: 0,
      noticesDue: 0,
      noticesOverdue: 0,
      redirectsDue: 0,
      redirectsOverdue: 0,
      bySector: [],
    })
  })
})
