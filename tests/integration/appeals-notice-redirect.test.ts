import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput, Appeal } from '@shared/api/contract'
import { appealInput, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { userContext } from '../helpers/context'

/**
 * The notice of an extension and the redirect of an appeal outside the office's competence:
 * their due dates stored when they arise (not recomputed from a later calendar), the notice
 * recorded on the card, lateness visible, the list's filters and the dashboard's figures.
 *
 * The office clock stands at Monday 20 April 2026. The 2026 calendar: Nauryz Saturday 21 to
 * Monday 23 March, with the days off carried to Tuesday 24 and Wednesday 25 March.
 *
 * Worked by hand:
 * - an appeal received Monday 16 March 2026, 10:00, is registered that day;
 * - its redirect is due 3 working days later: Tue 17, Wed 18, Thu 19 → 19 March;
 * - its 11th working day: 17, 18, 19, 20, (21-25 off) 26, 27, 30, 31 March, 1, 2, 3 April → 3 April;
 * - an extension decided on Friday 20 March (the Friday before Nauryz) is to be told by
 *   Thu 26, Fri 27, Mon 30 March → 30 March.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

let desk: Desk
let appeal: Appeal

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
  expect(appeal).toMatchObject({ registeredOn: '2026-03-16', noticeDueOn: null, redirectDueOn: null })
})

const extend = (over: Partial<ApiInput<'appeals.extend'>> = {}): ApiInput<'appeals.extend'> => ({
  id: appeal.id,
  extendedDueOn: '2026-05-15',
  reason: 'Жер учаскесін комиссия тексеруі қажет',
  decidedOn: '2026-03-20',
  ...over,
})

const stored = async (id: number) =>
  (
    await desk.sql<{ notice_due_on: string | null; redirect_due_on: string | null }>(
      'SELECT notice_due_on, redirect_due_on FROM appeals WHERE id = ?',
      [id],
    )
  )[0]!

describe('the notice of an extension', () => {
  it('is due 3 working days after a decision taken the Friday before Nauryz, stored with the decision', async () => {
    const extended = await desk.ok('appeals.extend', extend())
    expect(await stored(appeal.id)).toEqual({ notice_due_on: '2026-03-30', redirect_due_on: null })
    expect(extended.extension).toMatchObject({ decidedOn: '2026-03-20', notifiedOn: null, noticeDueOn: '2026-03-30' })
    expect(extended).toMatchObject({ noticeDueOn: '2026-03-30', noticeOverdue: true })
  })

  it('keeps its date when the calendar changes afterwards', async () => {
    await desk.ok('appeals.extend', extend())
    await desk.ok('calendar.saveDay', {
      date: '2026-03-27',
      kind: 'day_off',
      note: 'Ауыстыру',
      source: 'Бұйрық № 1',
      reason: 'Тексеру',
    })
    const card = await desk.ok('appeals.get', { id: appeal.id })
    expect(card.extension?.noticeDueOn).toBe('2026-03-30')
  })

  it('is recorded on the card when the applicant is told, with history; told late shows in the report counts', async () => {
    await desk.ok('appeals.extend', extend())
    const told = await desk.ok('appeals.recordNotice', { id: appeal.id, notifiedOn: '2026-03-31' })
    expect(told.extension).toMatchObject({ notifiedOn: '2026-03-31', noticeDueOn: '2026-03-30' })
    expect(told.noticeOverdue).toBe(false)
    expect(told.history.at(-1)).toMatchObject({
      action: 'notice',
      field: 'extensionNotifiedOn',
      oldValue: JSON.stringify(null),
      newValue: JSON.stringify('2026-03-31'),
    })
  })

  it('refuses a notice without an extension, before the decision or in the future', async () => {
    const none = await desk.fail('appeals.recordNotice', { id: appeal.id, notifiedOn: '2026-03-31' })
    expect(none.issues).toEqual([{ path: ['id'], messageKey: 'validation.noticeWithoutExtension' }])
    await desk.ok('appeals.extend', extend())
    const early = await desk.fail('appeals.recordNotice', { id: appeal.id, notifiedOn: '2026-03-19' })
    expect(early.issues).toEqual([{ path: ['notifiedOn'], messageKey: 'validation.notifiedBeforeDecision' }])
    const future = await desk.fail('appeals.recordNotice', { id: appeal.id, notifiedOn: '2026-04-21' })
    expect(future.issues).toEqual([{ path: ['notifiedOn'], messageKey: 'validation.dateInFuture' }])
  })

  it('is recorded by those who write appeals, not by a viewer', async () => {
    await desk.ok('appeals.extend', extend())
    const refused = await desk.core.dispatch(
      'appeals.recordNotice',
      { id: appeal.id, notifiedOn: '2026-03-23' },
      userContext('viewer'),
    )
    expect(refused.ok).toBe(false)
  })
})

describe('the redirect of an appeal outside the competence', () => {
  const redirect = (redirectedOn: string) =>
    desk.ok('appeals.transition', {
      id: appeal.id,
      to: 'redirected',
      redirectedTo: 'Аудандық ТҮКШ бөлімі',
      redirectedOn,
    })

  it('marked for redirect: due 3 working days from registration, stored then, in the history', async () => {
    const marked = await desk.ok('appeals.markForRedirect', { id: appeal.id })
    expect(await stored(appeal.id)).toEqual({ notice_due_on: null, redirect_due_on: '2026-03-19' })
    expect(marked).toMatchObject({ redirectDueOn: '2026-03-19', redirectLate: true })
    expect(marked.history.at(-1)).toMatchObject({
      action: 'markRedirect',
      field: 'redirectDueOn',
      newValue: JSON.stringify('2026-03-19'),
    })
    const done = await redirect('2026-03-19')
    expect(done).toMatchObject({ redirectDueOn: '2026-03-19', redirectLate: false })
    expect(done.redirect).toEqual({
      redirectedTo: 'Аудандық ТҮКШ бөлімі',
      redirectedOn: '2026-03-19',
      dueOn: '2026-03-19',
    })
  })

  it('redirected on day 11 without having been marked: the due date is stored and the redirect is late', async () => {
    const done = await redirect('2026-04-03')
    expect(await stored(appeal.id)).toEqual({ notice_due_on: null, redirect_due_on: '2026-03-19' })
    expect(done).toMatchObject({ redirectDueOn: '2026-03-19', redirectLate: true })
    expect(done.redirect?.dueOn).toBe('2026-03-19')
  })

  it('a closed appeal cannot be marked', async () => {
    await redirect('2026-03-18')
    const error = await desk.fail('appeals.markForRedirect', { id: appeal.id })
    expect(error.issues).toEqual([{ path: ['id'], messageKey: 'validation.redirectMarkClosed' }])
  })
})

describe('the list filters and the dashboard figures', () => {
  /**
   * Five appeals of the housing sector (all registered on weekdays, hand-counted due dates):
   *   A received 16 March: extended on 20 March, notice due 30 March, not told  → notice due, overdue
   *   B received 15 April: extended on 17 April, notice due 22 April, not told   → notice due
   *   C received 13 April: extended on 16 April (notice due 21 April), told on 17 April → none
   *   D received 16 April: marked for redirect, due 21 April                    → redirect due
   *   E received 9 April: marked, due 14 April, still open                      → redirect due, overdue, late
   *   F received 16 March: redirected on 3 April unmarked (due 19 March)        → redirected late
   */
  it('agree with each other', async () => {
    const housing = await desk.sector('housing')
    const create = (receivedAt: string) => desk.ok('appeals.create', appealInput(housing, { receivedAt }))
    const a = appeal
    await desk.ok('appeals.extend', extend())
    const b = await create('2026-04-15T10:00')
    await desk.ok('appeals.extend', extend({ id: b.id, decidedOn: '2026-04-17' }))
    const c = await create('2026-04-13T10:00')
    await desk.ok('appeals.extend', extend({ id: c.id, decidedOn: '2026-04-16', notifiedOn: '2026-04-17' }))
    const d = await create('2026-04-16T10:00')
    await desk.ok('appeals.markForRedirect', { id: d.id })
    const e = await create('2026-04-09T10:00')
    await desk.ok('appeals.markForRedirect', { id: e.id })
    const f = await create('2026-03-16T11:00')
    await desk.ok('appeals.transition', {
      id: f.id,
      to: 'redirected',
      redirectedTo: 'Облыс',
      redirectedOn: '2026-04-03',
    })

    const ids = async (filters: Partial<ApiInput<'appeals.list'>>) =>
      (await desk.ok('appeals.list', { ...filters, sort: 'regNumber', order: 'asc' })).rows.map((r) => r.id)
    expect(await ids({ notice: 'due' })).toEqual([a.id, b.id])
    expect(await ids({ notice: 'overdue' })).toEqual([a.id])
    expect(await ids({ redirect: 'due' })).toEqual([d.id, e.id])
    expect(await ids({ redirect: 'overdue' })).toEqual([e.id])
    expect(await ids({ redirect: 'late' })).toEqual([e.id, f.id])

    const rows = (await desk.ok('appeals.list', { sort: 'regNumber', order: 'asc' })).rows
    expect(rows.map((r) => [r.noticeDueOn, r.noticeOverdue, r.redirectDueOn, r.redirectLate])).toEqual([
      ['2026-03-30', true, null, false],
      ['2026-04-22', false, null, false],
      ['2026-04-21', false, null, false],
      [null, false, '2026-04-21', false],
      [null, false, '2026-04-14', true],
      [null, false, '2026-03-19', true],
    ])

    expect(await desk.ok('dashboard.summary', { year: 2026 })).toMatchObject({
      noticesDue: 2,
      noticesOverdue: 1,
      redirectsDue: 2,
      redirectsOverdue: 1,
    })

    // an annulled entry leaves the figures and the lists
    await desk.ok('appeals.annul', { id: e.id, reason: 'Қате енгізілген' })
    expect(await ids({ redirect: 'due' })).toEqual([d.id])
    expect(await desk.ok('dashboard.summary', { year: 2026 })).toMatchObject({ redirectsDue: 1, redirectsOverdue: 0 })
  })
})
