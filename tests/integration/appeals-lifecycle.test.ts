import { beforeEach, describe, expect, it } from 'vitest'
import type { Appeal, ApiInput } from '@shared/api/contract'
import { APPEAL_STATUSES, APPEAL_TRANSITIONS, type AppealStatus } from '@shared/domain/appeal'
import { appealInput, bringTo, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { ENGINES } from '../helpers/engines'

/**
 * The lifecycle of an appeal through appeals.transition and appeals.extend: the allowed
 * status changes, answers and their timeliness, extensions and redirection deadlines.
 * The office clock stands at Monday 20 April 2026, 10:00. The appeal under test is received
 * Monday 16 March 2026 at 10:00: registered that day, due 9 April (see appeals-deadlines).
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

describe.each(ENGINES)('on %s', (engine) => {
  let desk: Desk
  let appeal: Appeal

  beforeEach(async () => {
    desk = await openDesk(cleanup, { now: NOW, engine })
    appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
    expect(appeal).toMatchObject({ registeredOn: '2026-03-16', dueOn: '2026-04-09' })
  })

  const row = async (id: number) => (await desk.sql('SELECT * FROM appeals WHERE id = ?', [id]))[0]

  /** A valid request to move an appeal to `to` (for 'registered' the schema has no variant). */
  function transitionTo(id: number, to: AppealStatus): Record<string, unknown> {
    switch (to) {
      case 'answered':
        return {
          id,
          to,
          outcome: 'satisfied_fully',
          answerText: 'Су құбыры 8 сәуірде жөнделді',
          answeredOn: '2026-04-08',
        }
      case 'redirected':
        return { id, to, redirectedTo: 'Аудандық ТҮКШ бөлімі', redirectedOn: '2026-03-18' }
      case 'left_without_consideration':
      case 'withdrawn':
        return { id, to, reason: 'Өтініш беруші өтінішін кері алды' }
      default:
        return { id, to }
    }
  }

  describe('the transition matrix', () => {
    // The rule, spelled out: an appeal is taken into work before it is answered; it may be
    // redirected, left without consideration or withdrawn before an answer; the last four are final.
    const ALLOWED = [
      'registered -> in_progress',
      'registered -> redirected',
      'registered -> left_without_consideration',
      'registered -> withdrawn',
      'in_progress -> answered',
      'in_progress -> redirected',
      'in_progress -> left_without_consideration',
      'in_progress -> withdrawn',
    ]
    // Annulment is no transition (appeals.annul, tests/integration/appeals-annul.test.ts, which
    // also refuses every transition of an annulled entry).
    const statuses = APPEAL_STATUSES.filter((s) => s !== 'annulled')
    const pairs = statuses.flatMap((from) => statuses.map((to) => ({ from, to, name: `${from} -> ${to}` })))

    it('the domain table allows exactly the transitions the rule allows', () => {
      const fromTable = APPEAL_STATUSES.flatMap((from) => APPEAL_TRANSITIONS[from].map((to) => `${from} -> ${to}`))
      expect(fromTable.sort()).toEqual([...ALLOWED].sort())
    })

    it.each(pairs.filter((p) => ALLOWED.includes(p.name)))('allows $name', async ({ from, to }) => {
      await bringTo(desk, appeal.id, from)
      const changed = await desk.ok('appeals.transition', transitionTo(appeal.id, to) as ApiInput<'appeals.transition'>)
      expect(changed.status).toBe(to)
      expect((await row(appeal.id))!.status).toBe(to)
    })

    it.each(pairs.filter((p) => !ALLOWED.includes(p.name)))(
      'refuses $name and leaves the row as it was',
      async ({ from, to }) => {
        await bringTo(desk, appeal.id, from)
        const before = await row(appeal.id)
        const audit = await desk.count('audit_entries')
        const error = await desk.fail('appeals.transition', transitionTo(appeal.id, to))
        expect(error.code).toBe('validation')
        // 'registered' is no target at all (the schema has no such variant); the others are refused by the rule
        const messageKey = to === 'registered' ? 'validation.invalidOption' : 'validation.transitionNotAllowed'
        expect(error.issues).toEqual([{ path: ['to'], messageKey }])
        expect(await row(appeal.id)).toEqual(before)
        expect(await desk.count('audit_entries')).toBe(audit)
      },
    )
  })

  describe('answering', () => {
    const answer = (answeredOn: string) =>
      ({
        id: appeal.id,
        to: 'answered',
        outcome: 'satisfied_partly',
        answerText: 'Жөндеу жұмыстары басталды',
        answeredOn,
      }) as const

    it('keeps the answer text, date and outcome; answered before the due date is on time', async () => {
      await desk.ok('appeals.transition', { id: appeal.id, to: 'in_progress' })
      const answered = await desk.ok('appeals.transition', answer('2026-04-08'))
      expect(answered).toMatchObject({
        status: 'answered',
        outcome: 'satisfied_partly',
        answerText: 'Жөндеу жұмыстары басталды',
        answeredOn: '2026-04-08',
        answeredOnTime: true,
        overdue: false,
      })
      expect(await desk.ok('appeals.get', { id: appeal.id })).toMatchObject({
        answeredOn: '2026-04-08',
        answeredOnTime: true,
      })
    })

    it('an answer on the due date itself is on time', async () => {
      await desk.ok('appeals.transition', { id: appeal.id, to: 'in_progress' })
      expect((await desk.ok('appeals.transition', answer('2026-04-09'))).answeredOnTime).toBe(true)
    })

    it('an answer after the due date is late (answeredOnTime false), and no longer overdue once answered', async () => {
      await desk.ok('appeals.transition', { id: appeal.id, to: 'in_progress' })
      expect((await desk.ok('appeals.get', { id: appeal.id })).overdue).toBe(true) // due 9 April, today 20 April
      const late = await desk.ok('appeals.transition', answer('2026-04-10'))
      expect(late).toMatchObject({ answeredOnTime: false, overdue: false, status: 'answered' })
    })

    it('an answer dated before registration is refused on answeredOn, nothing changes', async () => {
      await desk.ok('appeals.transition', { id: appeal.id, to: 'in_progress' })
      const before = await row(appeal.id)
      const error = await desk.fail('appeals.transition', answer('2026-03-13'))
      expect(error.issues).toEqual([{ path: ['answeredOn'], messageKey: 'validation.beforeRegistration' }])
      expect(await row(appeal.id)).toEqual(before)
    })

    it('an answer dated in the future is refused on answeredOn', async () => {
      await desk.ok('appeals.transition', { id: appeal.id, to: 'in_progress' })
      const error = await desk.fail('appeals.transition', answer('2026-04-21'))
      expect(error.issues).toEqual([{ path: ['answeredOn'], messageKey: 'validation.dateInFuture' }])
      expect((await row(appeal.id))!.status).toBe('in_progress')
    })

    it('answering an unknown appeal is not_found', async () => {
      const error = await desk.fail('appeals.transition', { id: 999, to: 'in_progress' })
      expect(error.code).toBe('not_found')
    })
  })

  describe('extension', () => {
    const extend = (over: Partial<ApiInput<'appeals.extend'>> = {}): ApiInput<'appeals.extend'> => ({
      id: appeal.id,
      extendedDueOn: '2026-05-15',
      reason: 'Жер учаскесін комиссия тексеруі қажет',
      decidedOn: '2026-03-20',
      ...over,
    })

    it('within two months: dueOn becomes the new date, the first deadline is kept, the notice is due in 3 working days', async () => {
      const extended = await desk.ok('appeals.extend', extend())
      expect(extended).toMatchObject({
        dueOn: '2026-05-15',
        reviewDueOn: '2026-04-09',
        overdue: false,
        // decided Friday 20 March; 21-25 March are off (Nauryz), so 26, 27, 30 March
        extension: {
          extendedDueOn: '2026-05-15',
          reason: 'Жер учаскесін комиссия тексеруі қажет',
          decidedOn: '2026-03-20',
          notifiedOn: null,
          noticeDueOn: '2026-03-30',
        },
      })
    })

    it('may reach two months from registration, moved off the weekend (16 March -> Saturday 16 May -> Monday 18 May)', async () => {
      const extended = await desk.ok(
        'appeals.extend',
        extend({ extendedDueOn: '2026-05-18', decidedOn: '2026-04-06', notifiedOn: '2026-04-07' }),
      )
      // decided Monday 6 April: 7, 8, 9 April
      expect(extended.extension).toMatchObject({
        extendedDueOn: '2026-05-18',
        notifiedOn: '2026-04-07',
        noticeDueOn: '2026-04-09',
      })
    })

    it('beyond two months is refused with the latest date allowed', async () => {
      const before = await row(appeal.id)
      const error = await desk.fail('appeals.extend', extend({ extendedDueOn: '2026-05-19' }))
      expect(error.issues).toEqual([
        { path: ['extendedDueOn'], messageKey: 'validation.extensionTooLong', params: { max: '2026-05-18' } },
      ])
      expect(await row(appeal.id)).toEqual(before)
    })

    it('a date not later than the deadline in force is refused', async () => {
      const same = await desk.fail('appeals.extend', extend({ extendedDueOn: '2026-04-09' }))
      expect(same.issues).toEqual([
        { path: ['extendedDueOn'], messageKey: 'validation.extensionNotLater', params: { due: '2026-04-09' } },
      ])
    })

    it('a second extension is refused on its date, and the card keeps the first one', async () => {
      // First: decided Friday 20 March, to 15 May. Second: decided Monday 6 April (the extended
      // term runs until 15 May), to 18 May, within the two months: refused all the same.
      await desk.ok('appeals.extend', extend())
      const before = { row: await row(appeal.id), audit: await desk.count('audit_entries') }
      const error = await desk.fail('appeals.extend', extend({ extendedDueOn: '2026-05-18', decidedOn: '2026-04-06' }))
      expect(error.issues).toEqual([
        {
          path: ['extendedDueOn'],
          messageKey: 'validation.extensionAlreadyDecided',
          params: { decidedOn: '2026-03-20', due: '2026-05-15' },
        },
      ])
      expect({ row: await row(appeal.id), audit: await desk.count('audit_entries') }).toEqual(before)
      const card = await desk.ok('appeals.get', { id: appeal.id })
      expect(card.extension).toMatchObject({ extendedDueOn: '2026-05-15', decidedOn: '2026-03-20' })
      expect(card.history.filter((e) => e.action === 'extend' && e.field === 'dueOn')).toHaveLength(1)
    })

    it('an extension decided after the term ran out is refused on its decision date', async () => {
      // Due Thursday 9 April: decided that day is in time, decided Friday 10 April is not.
      const late = await desk.fail('appeals.extend', extend({ decidedOn: '2026-04-10' }))
      expect(late.issues).toEqual([
        { path: ['decidedOn'], messageKey: 'validation.extensionAfterTerm', params: { due: '2026-04-09' } },
      ])
      expect((await row(appeal.id))!.extension_decided_on).toBeNull()
      const lastDay = await desk.ok('appeals.extend', extend({ decidedOn: '2026-04-09' }))
      expect(lastDay.dueOn).toBe('2026-05-15')
    })

    it('a closed appeal cannot be extended', async () => {
      await bringTo(desk, appeal.id, 'answered')
      const error = await desk.fail('appeals.extend', extend())
      expect(error.code).toBe('validation')
      expect(error.issues.map((i) => i.messageKey)).toEqual(['validation.extensionClosed'])
      expect((await row(appeal.id))!.due_on).toBe('2026-04-09')
    })

    it('an answer within the extended deadline is on time, though after the first one', async () => {
      await desk.ok('appeals.extend', extend())
      await desk.ok('appeals.transition', { id: appeal.id, to: 'in_progress' })
      const answered = await desk.ok('appeals.transition', {
        id: appeal.id,
        to: 'answered',
        outcome: 'explained',
        answerText: 'Комиссия шешімі',
        answeredOn: '2026-04-17',
      })
      expect(answered).toMatchObject({
        dueOn: '2026-05-15',
        reviewDueOn: '2026-04-09',
        answeredOn: '2026-04-17',
        answeredOnTime: true,
      })
    })

    it('refuses a notice dated before the decision', async () => {
      const error = await desk.fail('appeals.extend', extend({ decidedOn: '2026-04-06', notifiedOn: '2026-04-03' }))
      expect(error.issues).toEqual([{ path: ['notifiedOn'], messageKey: 'validation.notifiedBeforeDecision' }])
    })

    it('refuses a decision before registration or in the future', async () => {
      const early = await desk.fail('appeals.extend', extend({ decidedOn: '2026-03-13' }))
      expect(early.issues).toEqual([{ path: ['decidedOn'], messageKey: 'validation.beforeRegistration' }])
      const future = await desk.fail('appeals.extend', extend({ decidedOn: '2026-04-21' }))
      expect(future.issues).toEqual([
        { path: ['decidedOn'], messageKey: 'validation.extensionAfterTerm', params: { due: '2026-04-09' } },
        { path: ['decidedOn'], messageKey: 'validation.dateInFuture' },
      ])
    })
  })

  describe('redirection', () => {
    it('is due 3 working days after registration', async () => {
      const redirected = await desk.ok('appeals.transition', {
        id: appeal.id,
        to: 'redirected',
        redirectedTo: 'Аудандық жер қатынастары бөлімі',
        redirectedOn: '2026-03-18',
      })
      // registered Monday 16 March: 17, 18, 19 March
      expect(redirected.redirect).toEqual({
        redirectedTo: 'Аудандық жер қатынастары бөлімі',
        redirectedOn: '2026-03-18',
        dueOn: '2026-03-19',
      })
      expect(redirected.status).toBe('redirected')
    })

    it('counts working days over Nauryz: registered Friday 20 March -> due Monday 30 March', async () => {
      const friday = await desk.ok(
        'appeals.create',
        appealInput(await desk.sector('land'), { receivedAt: '2026-03-20T10:00' }),
      )
      const redirected = await desk.ok('appeals.transition', {
        id: friday.id,
        to: 'redirected',
        redirectedTo: 'Аудандық жер қатынастары бөлімі',
        redirectedOn: '2026-03-26',
      })
      // 21-25 March are off: 26, 27, 30 March
      expect(redirected.redirect!.dueOn).toBe('2026-03-30')
    })

    it('refuses a redirection dated before registration', async () => {
      const error = await desk.fail('appeals.transition', {
        id: appeal.id,
        to: 'redirected',
        redirectedTo: 'Аудандық жер қатынастары бөлімі',
        redirectedOn: '2026-03-15',
      })
      expect(error.issues).toEqual([{ path: ['redirectedOn'], messageKey: 'validation.beforeRegistration' }])
    })
  })

  describe('leaving without consideration and withdrawal', () => {
    it('keeps the reason', async () => {
      const left = await desk.ok('appeals.transition', {
        id: appeal.id,
        to: 'left_without_consideration',
        reason: 'Мекенжайы көрсетілмеген',
      })
      expect(left).toMatchObject({
        status: 'left_without_consideration',
        closingReason: 'Мекенжайы көрсетілмеген',
        overdue: false,
      })
    })
  })
})
