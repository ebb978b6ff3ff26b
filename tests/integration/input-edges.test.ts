import { beforeEach, describe, expect, it } from 'vitest'
import { appealInput, meetingInput, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'

/**
 * Inputs at the edge of what a form would send, through the real dispatcher: each is refused by
 * field with a message key (never `internal`), and nothing is written.
 */
const cleanup = useCleanup()

let desk: Desk
let housing: number

beforeEach(async () => {
  desk = await openDesk(cleanup, '2026-04-20T10:00:00')
  housing = await desk.sector('housing')
})

/** The refusal's code and its issues as (field, key), with the rows of `table` unchanged. */
async function refused(method: string, input: unknown, table: Parameters<Desk['count']>[0] = 'appeals') {
  const before = await desk.count(table)
  const error = await desk.fail(method, input)
  expect(await desk.count(table)).toBe(before)
  return { code: error.code, issues: error.issues.map((i) => [i.path.join('.'), i.messageKey]) }
}

describe('text that only looks filled in', () => {
  it.each(['\u200B', '\u2060\u2060', '\u00AD', '\u200E', ' \u200B \uFEFF '])(
    'a summary of invisible characters only (%j) is "required"',
    async (summary) => {
      expect(await refused('appeals.create', appealInput(housing, { summary }))).toEqual({
        code: 'validation',
        issues: [['summary', 'validation.required']],
      })
    },
  )

  it('visible text with a soft hyphen inside is kept as typed', async () => {
    const appeal = await desk.ok('appeals.create', appealInput(housing, { summary: 'Су\u00ADқұбыры' }))
    expect(appeal.summary).toBe('Су\u00ADқұбыры')
  })
})

describe('dates outside the years an office keeps', () => {
  it.each(['1900-01-01T10:00', '1999-12-31T10:00'])('receivedAt %s is refused, not numbered', async (receivedAt) => {
    expect(await refused('appeals.create', appealInput(housing, { receivedAt }))).toEqual({
      code: 'validation',
      issues: [['receivedAt', 'validation.dateOutOfRange']],
    })
    expect(await desk.sql('SELECT * FROM appeal_counters WHERE year < 2000')).toEqual([])
  })

  it.each(['1899-03-22', '9999-03-22'])(
    'calendar.import of %s is refused, as calendar.list refuses its year',
    async (date) => {
      const { issues } = await refused('calendar.import', { days: [{ date, kind: 'holiday' }] }, 'calendar_days')
      expect(issues).toEqual([['days.0.date', 'validation.dateOutOfRange']])
      expect((await desk.call('calendar.list', { year: Number(date.slice(0, 4)) })).ok).toBe(false)
    },
  )

  it('the message names the years', async () => {
    const error = await desk.fail('appeals.create', appealInput(housing, { receivedAt: '1900-01-01T10:00' }))
    expect(error.issues[0]!.params).toEqual({ first: 2000, last: 2100 })
  })
})

describe('lists and counts beyond reason', () => {
  it('an appeals.list filter of 40,000 ids is refused as too many, not a database error', async () => {
    const sectorIds = Array.from({ length: 40_000 }, (_, i) => i + 1)
    const error = await desk.fail('appeals.list', { sectorIds })
    expect(error.code).toBe('validation')
    expect(error.issues.map((i) => [i.path.join('.'), i.messageKey, i.params])).toEqual([
      ['sectorIds', 'validation.tooMany', { max: 1000 }],
    ])
    // A thousand still goes through.
    expect((await desk.call('appeals.list', { sectorIds: sectorIds.slice(0, 1000) })).ok).toBe(true)
  })

  it('signatories and attendance past any district are refused by field', async () => {
    expect(await refused('appeals.create', appealInput(housing, { collective: true, signatories: 5_000_000 }))).toEqual(
      { code: 'validation', issues: [['signatories', 'validation.tooBig']] },
    )
    expect(await refused('meetings.create', meetingInput({ attendance: 5_000_000 }), 'report_meetings')).toEqual({
      code: 'validation',
      issues: [['attendance', 'validation.tooBig']],
    })
  })
})

describe('references to rows that are not there', () => {
  it('meetings.create and meetings.update with an unknown locality: unknownReference, nothing written', async () => {
    expect(await refused('meetings.create', meetingInput({ localityId: 9999 }), 'report_meetings')).toEqual({
      code: 'validation',
      issues: [['localityId', 'validation.unknownReference']],
    })
    const meeting = await desk.ok('meetings.create', meetingInput())
    expect(await refused('meetings.update', { id: meeting.id, ...meetingInput({ localityId: 9999 }) })).toEqual({
      code: 'validation',
      issues: [['localityId', 'validation.unknownReference']],
    })
    expect(await desk.sql('SELECT locality_id FROM report_meetings')).toEqual([{ locality_id: null }])
  })
})
