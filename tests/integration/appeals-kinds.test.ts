import { beforeEach, describe, expect, it } from 'vitest'
import type { ReportModel, ReportTable } from '@shared/api/contract'
import { appealInput, meetingInput, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { keepPdf, pdfText } from '../helpers/pdf'
import { exportReport, findRow, PDF_TIMEOUT, readSheet } from '../helpers/reportFiles'

/**
 * Anonymous appeals, nameless meeting questions and the one definition of a meeting question.
 * The office clock stands at Monday 20 April 2026. By hand:
 *
 *   A1  anonymous, reception, received Monday 16 March 2026 10:00 → registered that day, left
 *       without consideration (APPK) at once: no term; on 20 April, when a 15-day term
 *       (to 9 April) would be over, it is neither open nor overdue.
 *   A2  anonymous, reports a threat: redirected on 16 March to the district police.
 *   I1  an individual's reception appeal of 16 March: open, due 9 April → overdue (the control).
 *       15 working days: 17–20 March (4), Nauryz 21–23 March with its days off moved to 24 and
 *       25 March, 26–31 March (8), 1–3 April (11), 6–9 April (15).
 *   M   a meeting on Thursday 9 April 2026 with two questions: one named, one without a name
 *       (raised at a meeting: considered, due 30 April, 15 working days from 9 April).
 *
 * Q2 2026 counts the meeting's two questions (registered 9 April); Q1 2026 the three others.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'

let desk: Desk
let housing: number
let meetingId: number

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  housing = await desk.sector('housing')
  meetingId = (await desk.ok('meetings.create', meetingInput({ heldOn: '2026-04-09' }))).id
})

const anonymous = { kind: 'anonymous' as const }
const counts = (table: ReportTable) =>
  Object.fromEntries(
    table.rows.map((row) => ['value' in row[1]! ? row[1].value : '', 'value' in row[2]! ? row[2].value : '']),
  )

describe('an anonymous appeal', () => {
  it('is recorded, left without consideration at once with the legal reason, and has no running term', async () => {
    const a1 = await desk.ok('appeals.create', appealInput(housing, { applicant: anonymous }))
    const i1 = await desk.ok('appeals.create', appealInput(housing))
    expect(a1).toMatchObject({
      registeredOn: '2026-03-16',
      status: 'left_without_consideration',
      registrationClosing: 'anonymous',
      closingReason: 'anonymous',
      dueOn: '2026-03-16',
      reviewDueOn: '2026-03-16',
      overdue: false,
      dueThisWeek: false,
    })
    expect(i1).toMatchObject({ status: 'registered', dueOn: '2026-04-09', overdue: true })

    const dashboard = await desk.ok('dashboard.summary', { year: 2026 })
    expect(dashboard).toMatchObject({ open: 1, overdue: 1 })
    const overdue = await desk.ok('appeals.list', { overdue: true })
    expect(overdue.rows.map((r) => r.id)).toEqual([i1.id])
    const history = (await desk.ok('appeals.get', { id: a1.id })).history
    expect(JSON.parse(history[0]!.newValue!)).toMatchObject({
      status: 'left_without_consideration',
      closingReason: 'anonymous',
    })
  })

  it('that reports a crime or a threat is redirected at once to the body the clerk names', async () => {
    const a2 = await desk.ok(
      'appeals.create',
      appealInput(housing, { applicant: anonymous, crimeReportTo: 'Аудандық полиция бөлімі' }),
    )
    expect(a2).toMatchObject({
      status: 'redirected',
      registrationClosing: 'anonymous_crime_report',
      redirect: { redirectedTo: 'Аудандық полиция бөлімі', redirectedOn: '2026-03-16' },
      overdue: false,
    })
    expect(await desk.ok('dashboard.summary', { year: 2026 })).toMatchObject({ open: 0, overdue: 0 })
  })

  it('is the only kind that may be marked as a crime report', async () => {
    const error = await desk.fail('appeals.create', appealInput(housing, { crimeReportTo: 'Полиция' }))
    expect(error.issues).toEqual([{ path: ['crimeReportTo'], messageKey: 'validation.crimeReportNotAnonymous' }])
  })
})

describe('one definition of a meeting question', () => {
  it('refuses the meeting channel for an appeal outside a meeting', async () => {
    const error = await desk.fail('appeals.create', appealInput(housing, { channel: 'report_meeting' }))
    expect(error.issues).toEqual([{ path: ['channel'], messageKey: 'validation.meetingChannelWithoutMeeting' }])
    expect(await desk.count('appeals')).toBe(0)
  })

  it('refuses another channel for a question of a meeting, on registration and on edit', async () => {
    const error = await desk.fail('appeals.create', appealInput(housing, { channel: 'reception', meetingId }))
    expect(error.issues).toEqual([{ path: ['channel'], messageKey: 'validation.meetingQuestionChannel' }])
    await desk.ok('meetings.addQuestions', {
      meetingId,
      questions: [{ sectorId: housing, summary: 'Көше жарығы жоқ' }],
    })
    const question = (await desk.ok('appeals.list', { meetingId })).rows[0]!
    const { receivedAt: _, ...fields } = appealInput(housing, { channel: 'written', meetingId })
    const edit = await desk.fail('appeals.update', { id: question.id, ...fields })
    expect(edit.issues).toEqual([{ path: ['channel'], messageKey: 'validation.meetingQuestionChannel' }])
  })

  it('refuses an anonymous applicant in a meeting: a nameless question is raised at the meeting', async () => {
    const error = await desk.fail(
      'appeals.create',
      appealInput(housing, { channel: 'report_meeting', meetingId, applicant: anonymous }),
    )
    expect(error.issues).toEqual([{ path: ['applicant', 'kind'], messageKey: 'validation.anonymousAtMeeting' }])
  })

  it('counts the same questions in sector-by-year and the press summary, even with a mis-entered channel', async () => {
    await desk.ok('meetings.addQuestions', {
      meetingId,
      questions: [
        { sectorId: housing, summary: 'Ауыз су жоқ', applicantName: 'Жұмабеков Нұрлан' },
        { sectorId: housing, summary: 'Көше жарығы жоқ' },
      ],
    })
    await desk.ok('appeals.create', appealInput(housing))
    // a row written before the rule, as a clerk once entered it: a reception visit on the
    // meeting channel (counted by channel, sector-by-year said 3 and the press summary 2)
    await desk.sql("UPDATE appeals SET channel = 'report_meeting' WHERE meeting_id IS NULL")
    const total = (model: ReportModel, table: number) => {
      const cells = model.tables[table]!.total!.filter((c) => c.kind === 'count')
      return 'value' in cells[0]! ? cells[0].value : null
    }
    const sectorByYear = await desk.ok('reports.build', {
      lang: 'kk',
      params: { kind: 'sector-by-year', from: 2026, to: 2026, source: 'meetings', localityId: null },
    })
    const press = await desk.ok('reports.build', { lang: 'kk', params: { kind: 'press-summary', year: 2026 } })
    expect(total(sectorByYear, 0)).toBe(2)
    expect(total(press, 1)).toBe(2)
  })
})

describe('a question raised at a meeting without a name', () => {
  beforeEach(async () => {
    await desk.ok('meetings.addQuestions', {
      meetingId,
      questions: [
        { sectorId: housing, summary: 'Ауыз су жоқ', applicantName: 'Жұмабеков Нұрлан' },
        { sectorId: housing, summary: 'Көше жарығы жоқ' },
      ],
    })
    await desk.ok('appeals.create', appealInput(housing, { receivedAt: '2026-04-10T10:00', applicant: anonymous }))
  })

  it('is its own kind, considered with a term like every meeting question', async () => {
    const rows = (await desk.ok('appeals.list', { meetingId })).rows
    const nameless = rows.find((r) => r.applicantName === null)!
    expect(nameless).toMatchObject({
      applicantKind: 'at_meeting',
      channel: 'report_meeting',
      status: 'registered',
      registrationClosing: null,
      registeredOn: '2026-04-09',
      dueOn: '2026-04-30',
      overdue: false,
    })
  })

  it('is counted apart from anonymous appeals in the quarterly report, and so in its xlsx and pdf', async () => {
    const model = await desk.ok('reports.build', { lang: 'kk', params: { kind: 'quarterly', quarter: '2026-Q2' } })
    expect(counts(model.tables[3]!)).toEqual({
      'Жеке тұлға': 1,
      Ұйым: 0,
      Анонимді: 1,
      'Кездесуде көтерілген': 1,
    })
    const sheet = await readSheet(
      await exportReport(desk.core, 'ru', { kind: 'quarterly', quarter: '2026-Q2', localityId: null }, 'xlsx'),
    )
    expect(sheet.getRow(findRow(sheet, 'Поднят на встрече', 2)).getCell(3).value).toBe(1)
    expect(sheet.getRow(findRow(sheet, 'Анонимно', 2)).getCell(3).value).toBe(1)
  })

  it(
    'prints the two kinds on their own lines (kk pdf)',
    async () => {
      const pdf = await exportReport(
        desk.core,
        'kk',
        { kind: 'quarterly', quarter: '2026-Q2', localityId: null },
        'pdf',
      )
      await keepPdf(pdf, 'quarterly-kinds-kk')
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ')
      expect(text).toMatch(/Анонимді 1 0 \+1/)
      expect(text).toMatch(/Кездесуде көтерілген 1 0 \+1/)
    },
    PDF_TIMEOUT,
  )
})
