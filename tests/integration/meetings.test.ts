import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput } from '@shared/api/contract'
import { appealInput, meetingInput, OPERATOR, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { ENGINES } from '../helpers/engines'

/**
 * The akim's report meetings and the questions raised at them: each question becomes an
 * appeal of the meeting, registered on the meeting day (the next working day for a meeting
 * on a day off), all of a batch or none. The office clock stands at Monday 20 April 2026.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

describe.each(ENGINES)('on %s', (engine) => {
  let desk: Desk
  let housing: number
  let land: number
  let social: number
  let karabas: number

  beforeEach(async () => {
    desk = await openDesk(cleanup, { now: NOW, engine })
    ;[housing, land, social] = [await desk.sector('housing'), await desk.sector('land'), await desk.sector('social')]
    karabas = (
      await desk.ok('localities.create', {
        kind: 'okrug',
        nameKk: 'Қарабас ауылдық округі',
        nameRu: 'Карабасский сельский округ',
      })
    ).id
  })

  type Question = ApiInput<'meetings.addQuestions'>['questions'][number]
  const q = (sectorId: number, summary: string, over: Partial<Question> = {}): Question => ({
    sectorId,
    summary,
    ...over,
  })

  /** Five questions of a village meeting: three on housing, one on land, one social. */
  const fiveQuestions = (): Question[] => [
    q(housing, 'Ауыз су құбыры тартылмаған', { applicantName: 'Жұмабеков Нұрлан Серікұлы' }),
    q(land, 'Жайылымдық жер жетіспейді', { applicantName: 'Өмірбеков Қайрат' }),
    q(housing, 'Көше жарығы жоқ'),
    q(social, 'Мектепке автобус керек', { appealType: 'proposal' }),
    q(housing, 'Жол жөндеу қажет', { applicantName: 'Сәрсенова Гүлнар' }),
  ]

  describe('meetings.create', () => {
    it('records the meeting and its audit entry', async () => {
      const meeting = await desk.ok('meetings.create', meetingInput({ localityId: karabas }))
      expect(meeting).toEqual({
        id: expect.any(Number),
        version: 1,
        heldOn: '2026-04-09',
        localityId: karabas,
        place: 'Қарабас ауылының мәдениет үйі',
        speakerName: 'Сәрсенбаев Ерлан Қуанышұлы',
        speakerPosition: 'Қарабас ауылдық округінің әкімі',
        format: 'in_person',
        attendance: 120,
        broadcastLink: null,
        notes: null,
        questionsCount: 0,
        measureCounts: { total: 0, done: 0, overdue: 0 },
      })
      const audit = await desk.sql("SELECT operator, action FROM audit_entries WHERE entity = 'meeting'")
      expect(audit).toEqual([{ operator: OPERATOR.fullName, action: 'create' }])
    })

    it('refuses a meeting dated in the future, writing nothing', async () => {
      const before = { meetings: await desk.count('report_meetings'), audit: await desk.count('audit_entries') }
      const error = await desk.fail('meetings.create', meetingInput({ heldOn: '2026-04-21' }))
      expect(error.issues).toEqual([{ path: ['heldOn'], messageKey: 'validation.dateInFuture' }])
      expect({ meetings: await desk.count('report_meetings'), audit: await desk.count('audit_entries') }).toEqual(
        before,
      )
    })

    it('accepts a meeting held today', async () => {
      expect((await desk.ok('meetings.create', meetingInput({ heldOn: '2026-04-20' }))).heldOn).toBe('2026-04-20')
    })
  })

  describe('meetings.update', () => {
    it('writes one audit entry per changed field, and refuses a date in the future', async () => {
      const meeting = await desk.ok('meetings.create', meetingInput())
      const { questionsCount: _count, measureCounts: _measures, id, ...fields } = meeting
      const updated = await desk.ok('meetings.update', {
        id,
        ...fields,
        attendance: 140,
        broadcastLink: 'https://example.kz/live',
      })
      expect(updated).toMatchObject({ attendance: 140, broadcastLink: 'https://example.kz/live' })
      const rows = await desk.sql(
        "SELECT action, field, old_value, new_value FROM audit_entries WHERE entity = 'meeting' AND action = 'update' ORDER BY id",
      )
      expect(rows).toEqual([
        { action: 'update', field: 'attendance', old_value: '120', new_value: '140' },
        { action: 'update', field: 'broadcastLink', old_value: 'null', new_value: '"https://example.kz/live"' },
      ])
      const error = await desk.fail('meetings.update', { id, ...fields, heldOn: '2026-05-01' })
      expect(error.issues).toEqual([{ path: ['heldOn'], messageKey: 'validation.dateInFuture' }])
      expect((await desk.ok('meetings.get', { id })).heldOn).toBe('2026-04-09')
    })
  })

  describe('meetings.addQuestions', () => {
    it('registers five questions as five appeals of the meeting, on the meeting day', async () => {
      const meeting = await desk.ok('meetings.create', meetingInput({ heldOn: '2026-04-09', localityId: karabas }))
      const details = await desk.ok('meetings.addQuestions', { meetingId: meeting.id, questions: fiveQuestions() })

      expect(details.questionsCount).toBe(5)
      expect(details.questions.map((a) => a.regNumber)).toEqual([
        '2026-000001',
        '2026-000002',
        '2026-000003',
        '2026-000004',
        '2026-000005',
      ])
      for (const appeal of details.questions) {
        expect(appeal).toMatchObject({
          channel: 'report_meeting',
          meetingId: meeting.id,
          localityId: karabas,
          receivedAt: '2026-04-09T12:00',
          registeredOn: '2026-04-09',
          // Thursday 9 April: 10, 13-17, 20-24, 27-30 April
          dueOn: '2026-04-30',
          status: 'registered',
        })
      }
      expect(details.questions.map((a) => [a.applicantKind, a.applicantName, a.appealType])).toEqual([
        ['individual', 'Жұмабеков Нұрлан Серікұлы', 'request'],
        ['individual', 'Өмірбеков Қайрат', 'request'],
        ['at_meeting', null, 'request'],
        ['at_meeting', null, 'proposal'],
        ['individual', 'Сәрсенова Гүлнар', 'request'],
      ])
      // 3 of 5 = 60 %, 1 of 5 = 20 %
      expect([...details.bySector].sort((a, b) => a.sectorId - b.sectorId)).toEqual(
        [
          { sectorId: housing, count: 3, percent: 60 },
          { sectorId: land, count: 1, percent: 20 },
          { sectorId: social, count: 1, percent: 20 },
        ].sort((a, b) => a.sectorId - b.sectorId),
      )
      expect(details.byStatus).toEqual([{ status: 'registered', count: 5 }])

      expect(await desk.count('appeals')).toBe(5)
      const inRegister = await desk.ok('appeals.list', { meetingId: meeting.id })
      expect(inRegister.total).toBe(5)
      const person = await desk.ok('appeals.get', { id: details.questions[0]!.id })
      expect(person.applicant).toMatchObject({
        kind: 'individual',
        surname: 'Жұмабеков',
        firstName: 'Нұрлан',
        patronymic: 'Серікұлы',
        iin: null,
      })
      expect(person.acceptedBy?.fullName).toBe(OPERATOR.fullName)
    })

    it('registers the questions of a Saturday meeting on Monday', async () => {
      const meeting = await desk.ok('meetings.create', meetingInput({ heldOn: '2026-04-11' }))
      const details = await desk.ok('meetings.addQuestions', {
        meetingId: meeting.id,
        questions: [q(housing, 'Су тапшы')],
      })
      // Monday 13 April: 14-17, 20-24, 27-30 April (13), 1 May holiday, 4, 5 May
      expect(details.questions[0]).toMatchObject({
        receivedAt: '2026-04-11T12:00',
        registeredOn: '2026-04-13',
        dueOn: '2026-05-05',
      })
    })

    it('rounds the shares half-up to 2 decimals: 2 of 3 = 66.67, 1 of 3 = 33.33', async () => {
      const meeting = await desk.ok('meetings.create', meetingInput())
      const details = await desk.ok('meetings.addQuestions', {
        meetingId: meeting.id,
        questions: [q(housing, 'Жол'), q(land, 'Жер'), q(housing, 'Су')],
      })
      expect(details.bySector.find((s) => s.sectorId === housing)).toEqual({
        sectorId: housing,
        count: 2,
        percent: 66.67,
      })
      expect(details.bySector.find((s) => s.sectorId === land)).toEqual({ sectorId: land, count: 1, percent: 33.33 })
    })

    it('adds a second batch to the same meeting, recounting the shares', async () => {
      const meeting = await desk.ok('meetings.create', meetingInput())
      await desk.ok('meetings.addQuestions', { meetingId: meeting.id, questions: [q(housing, 'Жол')] })
      const details = await desk.ok('meetings.addQuestions', {
        meetingId: meeting.id,
        questions: [q(land, 'Жер'), q(land, 'Жайылым'), q(land, 'Шекара')],
      })
      // 1 of 4 = 25 %, 3 of 4 = 75 %
      expect(details.bySector.find((s) => s.sectorId === housing)?.percent).toBe(25)
      expect(details.bySector.find((s) => s.sectorId === land)?.percent).toBe(75)
      expect((await desk.ok('meetings.list', { year: 2026 }))[0]!.questionsCount).toBe(4)
    })

    it('refuses a batch with an empty summary at row 3, writing no appeal', async () => {
      const meeting = await desk.ok('meetings.create', meetingInput())
      const before = {
        appeals: await desk.count('appeals'),
        audit: await desk.count('audit_entries'),
        counters: await desk.count('appeal_counters'),
      }
      const questions = fiveQuestions()
      questions[3] = { ...questions[3]!, summary: '  ' }
      const error = await desk.fail('meetings.addQuestions', { meetingId: meeting.id, questions })
      expect(error.code).toBe('validation')
      expect(error.issues).toEqual([
        { path: ['questions', 3, 'summary'], messageKey: 'validation.required', params: { min: 1 } },
      ])
      expect({
        appeals: await desk.count('appeals'),
        audit: await desk.count('audit_entries'),
        counters: await desk.count('appeal_counters'),
      }).toEqual(before)
    })

    it('refuses a batch whose row 2 names an unknown sector: the rows before it are undone, no number is taken', async () => {
      const meeting = await desk.ok('meetings.create', meetingInput())
      const questions = fiveQuestions()
      questions[2] = { ...questions[2]!, sectorId: 9999 }
      const error = await desk.fail('meetings.addQuestions', { meetingId: meeting.id, questions })
      expect(error.issues).toEqual([{ path: ['questions', 2, 'sectorId'], messageKey: 'validation.unknownReference' }])
      expect(await desk.count('appeals')).toBe(0)
      expect((await desk.ok('meetings.get', { id: meeting.id })).questionsCount).toBe(0)
      expect((await desk.ok('appeals.create', appealInput(housing))).regNumber).toBe('2026-000001')
    })

    it('refuses questions for an unknown meeting', async () => {
      const error = await desk.fail('meetings.addQuestions', { meetingId: 404, questions: [q(housing, 'Жол')] })
      expect(error.code).toBe('not_found')
      expect(await desk.count('appeals')).toBe(0)
    })
  })

  describe('meetings.list', () => {
    it("lists a year's meetings, newest first, with their question counts", async () => {
      const autumn = await desk.ok('meetings.create', meetingInput({ heldOn: '2025-11-20' }))
      const february = await desk.ok('meetings.create', meetingInput({ heldOn: '2026-02-12' }))
      const april = await desk.ok('meetings.create', meetingInput({ heldOn: '2026-04-09' }))
      await desk.ok('meetings.addQuestions', { meetingId: april.id, questions: [q(housing, 'Жол'), q(land, 'Жер')] })
      expect((await desk.ok('meetings.list', { year: 2026 })).map((m) => [m.id, m.questionsCount])).toEqual([
        [april.id, 2],
        [february.id, 0],
      ])
      expect((await desk.ok('meetings.list', {})).map((m) => m.id)).toEqual([april.id, february.id, autumn.id])
    })
  })
})
