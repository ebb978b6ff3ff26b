import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput } from '@shared/api/contract'
import { meetingInput, OPERATOR, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/**
 * The measures promised at a report meeting (DESIGN: "the measures promised with a responsible
 * body and a deadline, and whether they were done"): recorded with the meeting, tied to one of
 * its questions or none, marked done or reopened, each change audited, every rule reported on
 * its field with nothing written. The office clock stands at Monday 20 April 2026; the meeting
 * was held on Thursday 9 April.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

let desk: Desk
let meetingId: number
let questionIds: number[]

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  const housing = await desk.sector('housing')
  meetingId = (await desk.ok('meetings.create', meetingInput({ heldOn: '2026-04-09' }))).id
  const details = await desk.ok('meetings.addQuestions', {
    meetingId,
    questions: [
      { sectorId: housing, summary: 'Ауыз су құбыры тартылмаған', applicantName: 'Жұмабеков Нұрлан' },
      { sectorId: housing, summary: 'Көше жарығы жоқ' },
    ],
  })
  questionIds = details.questions.map((q) => q.id)
})

type NewMeasure = ApiInput<'measures.create'>
const measure = (over: Partial<NewMeasure> = {}): NewMeasure => ({
  meetingId,
  text: 'Су құбырын 2026 жылдың жазында тарту',
  responsible: 'Аудандық ТКШ бөлімі',
  dueOn: '2026-08-31',
  appealId: null,
  ...over,
})

const snapshot = async () => ({
  measures: await desk.sql('SELECT * FROM meeting_measures ORDER BY id'),
  audit: await desk.count('audit_entries'),
})

describe('measures.create', () => {
  it('records a measure tied to a question, with its audit entry, and the meeting shows it', async () => {
    const created = await desk.ok('measures.create', measure({ appealId: questionIds[0]! }))
    expect(created).toEqual({
      id: expect.any(Number),
      version: 1,
      meetingId,
      text: 'Су құбырын 2026 жылдың жазында тарту',
      responsible: 'Аудандық ТКШ бөлімі',
      dueOn: '2026-08-31',
      appealId: questionIds[0],
      appealRegNumber: '2026-000001',
      doneOn: null,
      doneNote: null,
      state: 'open',
    })
    const audit = await desk.sql<{ operator: string; action: string; new_value: string }>(
      "SELECT operator, action, new_value FROM audit_entries WHERE entity = 'measure'",
    )
    expect(audit.map((a) => [a.operator, a.action])).toEqual([[OPERATOR.fullName, 'create']])
    expect(JSON.parse(audit[0]!.new_value)).toMatchObject({ meetingId, dueOn: '2026-08-31', appealId: questionIds[0] })

    const details = await desk.ok('meetings.get', { id: meetingId })
    expect(details.measures).toEqual([created])
    expect(details.measureCounts).toEqual({ total: 1, done: 0, overdue: 0 })
  })

  it('refuses, on each field, a deadline before the meeting, a question of another meeting, and empty text; writes nothing', async () => {
    const other = await desk.ok('meetings.create', meetingInput({ heldOn: '2026-04-10' }))
    const otherQuestion = (
      await desk.ok('meetings.addQuestions', {
        meetingId: other.id,
        questions: [{ sectorId: await desk.sector('land'), summary: 'Жайылым' }],
      })
    ).questions[0]!.id
    const before = await snapshot()

    const dates = await desk.fail('measures.create', measure({ dueOn: '2026-04-08', appealId: otherQuestion }))
    expect(dates.code).toBe('validation')
    expect(dates.issues).toEqual([
      { path: ['dueOn'], messageKey: 'validation.beforeMeeting', params: { heldOn: '2026-04-09' } },
      { path: ['appealId'], messageKey: 'validation.notThisMeeting' },
    ])
    const empty = await desk.fail('measures.create', measure({ text: '  ', responsible: '' }))
    expect(empty.issues.map((i) => [i.path, i.messageKey])).toEqual([
      [['text'], 'validation.required'],
      [['responsible'], 'validation.required'],
    ])
    const nowhere = await desk.fail('measures.create', measure({ meetingId: 999 }))
    expect(nowhere.messageKey).toBe('errors.meetingNotFound')

    expect(await snapshot()).toEqual(before)
  })

  it('accepts a deadline on the meeting day itself', async () => {
    expect((await desk.ok('measures.create', measure({ dueOn: '2026-04-09' }))).dueOn).toBe('2026-04-09')
  })
})

describe('measures.update', () => {
  const edit = (
    m: { id: number; text: string; responsible: string; dueOn: string; appealId: number | null },
    over: Partial<ApiInput<'measures.update'>> = {},
  ) => ({
    id: m.id,
    text: m.text,
    responsible: m.responsible,
    dueOn: m.dueOn,
    appealId: m.appealId,
    doneOn: null,
    doneNote: null,
    ...over,
  })

  it('marks a measure done (in time, then late), reopens it, and audits each changed field', async () => {
    const m = await desk.ok('measures.create', measure({ dueOn: '2026-04-15' }))
    const done = await desk.ok('measures.update', edit(m, { doneOn: '2026-04-14', doneNote: 'Құбыр тартылды' }))
    expect(done).toMatchObject({ doneOn: '2026-04-14', doneNote: 'Құбыр тартылды', state: 'done' })
    expect(
      (await desk.ok('measures.update', edit(m, { doneOn: '2026-04-17', doneNote: 'Құбыр тартылды' }))).state,
    ).toBe('done_late')

    // Reopened: the note goes with the done date; the deadline (15 April) has passed.
    const reopened = await desk.ok('measures.update', edit(m, { doneOn: null, doneNote: 'ескерту қалмайды' }))
    expect(reopened).toMatchObject({ doneOn: null, doneNote: null, state: 'overdue' })
    expect((await desk.ok('meetings.get', { id: meetingId })).measureCounts).toEqual({ total: 1, done: 0, overdue: 1 })

    const audit = await desk.sql(
      "SELECT action, field, old_value, new_value FROM audit_entries WHERE entity = 'measure' AND action = 'update' ORDER BY id",
    )
    expect(audit).toEqual([
      { action: 'update', field: 'doneOn', old_value: 'null', new_value: '"2026-04-14"' },
      { action: 'update', field: 'doneNote', old_value: 'null', new_value: '"Құбыр тартылды"' },
      { action: 'update', field: 'doneOn', old_value: '"2026-04-14"', new_value: '"2026-04-17"' },
      { action: 'update', field: 'doneOn', old_value: '"2026-04-17"', new_value: 'null' },
      { action: 'update', field: 'doneNote', old_value: '"Құбыр тартылды"', new_value: 'null' },
    ])
  })

  it('writes no audit entry when nothing changed', async () => {
    const m = await desk.ok('measures.create', measure())
    const before = await desk.count('audit_entries')
    await desk.ok('measures.update', edit(m))
    expect(await desk.count('audit_entries')).toBe(before)
  })

  it('refuses a done date in the future or before the meeting, on doneOn; writes nothing', async () => {
    const m = await desk.ok('measures.create', measure())
    const before = await snapshot()
    expect((await desk.fail('measures.update', edit(m, { doneOn: '2026-04-21' }))).issues).toEqual([
      { path: ['doneOn'], messageKey: 'validation.dateInFuture' },
    ])
    expect((await desk.fail('measures.update', edit(m, { doneOn: '2026-04-08' }))).issues).toEqual([
      { path: ['doneOn'], messageKey: 'validation.beforeMeeting', params: { heldOn: '2026-04-09' } },
    ])
    expect(
      (await desk.fail('measures.update', edit(m, { doneOn: '20.04.2026' }))).issues.map((i) => [i.path, i.messageKey]),
    ).toEqual([[['doneOn'], 'validation.invalidDate']])
    expect((await desk.fail('measures.update', edit(m, { id: 999 }))).messageKey).toBe('errors.measureNotFound')
    expect(await snapshot()).toEqual(before)
  })
})

describe('measures.delete', () => {
  it('removes the measure and keeps what it was in the audit trail', async () => {
    const m = await desk.ok('measures.create', measure({ appealId: questionIds[1]! }))
    expect(await desk.ok('measures.delete', { id: m.id })).toEqual({ id: m.id })
    expect(await desk.count('meeting_measures')).toBe(0)
    const [entry] = await desk.sql<{ action: string; old_value: string; new_value: string | null }>(
      "SELECT action, old_value, new_value FROM audit_entries WHERE entity = 'measure' AND action = 'delete'",
    )
    expect(entry!.new_value).toBeNull()
    expect(JSON.parse(entry!.old_value)).toMatchObject({ text: m.text, appealId: questionIds[1] })
    expect((await desk.fail('measures.delete', { id: m.id })).messageKey).toBe('errors.measureNotFound')
    // The history still verifies with a delete entry in the chain.
    expect(await desk.ok('audit.verify', {})).toMatchObject({ firstBroken: null, findings: [], head: { state: 'ok' } })
  })
})

describe('measures.list', () => {
  it('gives the measures answering one question, in deadline order, and none for another', async () => {
    const later = await desk.ok('measures.create', measure({ appealId: questionIds[0]!, dueOn: '2026-09-30' }))
    const sooner = await desk.ok(
      'measures.create',
      measure({ appealId: questionIds[0]!, dueOn: '2026-05-15', text: 'Жобаны бекіту' }),
    )
    await desk.ok('measures.create', measure({ appealId: null }))
    expect(await desk.ok('measures.list', { appealId: questionIds[0]! })).toEqual([sooner, later])
    expect(await desk.ok('measures.list', { appealId: questionIds[1]! })).toEqual([])
  })
})

describe('meetings.list', () => {
  it("counts each meeting's measures: total, done, overdue today", async () => {
    const second = await desk.ok('meetings.create', meetingInput({ heldOn: '2026-04-10' }))
    await desk.ok('measures.create', measure({ dueOn: '2026-04-17' })) // overdue on the 20th
    const done = await desk.ok('measures.create', measure({ dueOn: '2026-04-30' }))
    const { id, text, responsible, dueOn, appealId } = done
    await desk.ok('measures.update', { id, text, responsible, dueOn, appealId, doneOn: '2026-04-20', doneNote: null })
    await desk.ok('measures.create', measure({ dueOn: '2026-04-20' })) // due today: still in time
    const list = await desk.ok('meetings.list', { year: 2026 })
    expect(Object.fromEntries(list.map((m) => [m.id, m.measureCounts]))).toEqual({
      [meetingId]: { total: 3, done: 1, overdue: 1 },
      [second.id]: { total: 0, done: 0, overdue: 0 },
    })
  })
})
