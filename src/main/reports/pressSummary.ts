import { In, type DataSource } from 'typeorm'
import { DomainError } from '@shared/api/errors'
import { percentShares } from '@shared/domain/shares'
import { localizedName, type Language } from '@shared/i18n'
import { formatPercent, type Cell, type ReportModel, type ReportTable } from '@shared/reports/model'
import { countMeasures, measureState, type MeasureState } from '@shared/domain/measure'
import {
  LocalityEntity,
  MeetingMeasureEntity,
  ReportMeetingEntity,
  SectorEntity,
  type MeetingMeasureRow,
  type ReportMeetingRow,
} from '../db/entities'
import { COUNTED_SQL } from '../services/appeals/counted'
import type { ReportContext } from './context'
import { countBy, OUTCOME_GROUP_SQL, OUTCOME_GROUPS, type AppealScope, type OutcomeGroup } from './counts'
import { formatDate } from './pdf'
import { recurringIssues, type RaisedQuestion, type RecurringIssue } from './recurringIssues'
import { countWord, lowerFirst, reportText, type ReportText } from './text'

export interface PressSummaryParams {
  year?: number
  meetingId?: number
}

/** Recurring issues listed in the table; the sentence names the first three. */
const TOP_ISSUES = 10
const ISSUES_IN_SENTENCE = 3
const SECTORS_IN_SENTENCE = 3

/**
 * The press officer's summary of the akim's report meetings, for one meeting or a year: the
 * meetings held (date, place, attendance, questions), questions by sector with shares, the most
 * frequent issues, where the answers stand, a chart, and sentences written from these numbers
 * (templates in the catalog, no AI) to paste into a release. Counted in SQL over the questions
 * (appeals) of those meetings.
 */
export async function pressSummary(
  db: DataSource,
  params: PressSummaryParams,
  ctx: ReportContext,
): Promise<ReportModel> {
  const { lang } = ctx
  const t = reportText(lang)
  const meetings = await meetingsOf(db, params)
  const scope: AppealScope = async (query) => {
    if (params.meetingId !== undefined) query.andWhere('a.meeting_id = :meetingId', { meetingId: params.meetingId })
    else
      query.andWhere(
        'a.meeting_id IN (SELECT m.id FROM report_meetings m WHERE m.held_on BETWEEN :from AND :to)',
        yearRange(params.year!),
      )
  }

  const perMeeting = await countBy(db, scope, ['a.meeting_id'])
  const perSector = await countBy(db, scope, ['a.sector_id'])
  const standing = await countBy(db, scope, [OUTCOME_GROUP_SQL], { today: ctx.today })
  const issues = recurringIssues(await questionsOf(db, scope)).slice(0, TOP_ISSUES)
  const measures = await measuresOf(db, meetings, ctx.today)

  const catalog = await db.getRepository(SectorEntity).find({ order: { sortOrder: 'ASC', id: 'ASC' } })
  const sectors = catalog
    .map((s) => ({ name: localizedName(s, lang), count: perSector.get(String(s.id)) ?? 0 }))
    .filter((s) => s.count > 0)
  const sectorName = new Map(catalog.map((s) => [s.id, localizedName(s, lang)]))
  const localities = await db.getRepository(LocalityEntity).find()
  const localityName = new Map(
    localities.map((l) => [l.id, localizedName({ ...l, nameEn: l.nameEn ?? l.nameKk }, lang)]),
  )
  const sectorShares = percentShares(sectors.map((s) => s.count))
  const groups = OUTCOME_GROUPS.map((group) => ({ group, count: standing.get(group) ?? 0 }))
  const groupShares = percentShares(groups.map((g) => g.count))
  const questions = sum(sectors.map((s) => s.count))
  const attendance = sum(meetings.map((m) => m.attendance ?? 0))
  const single = params.meetingId !== undefined

  const meetingsTable: ReportTable = {
    title: t('pressSummary.meetings'),
    columns: [
      { header: t('sectorByYear.colNo'), width: 6, align: 'center' },
      { header: t('pressSummary.colPlace'), width: 40 },
      { header: t('pressSummary.colDate'), width: 12, align: 'center' },
      { header: t('pressSummary.colAttendance'), width: 12, align: 'center' },
      { header: t('pressSummary.colQuestions'), width: 12, align: 'center' },
    ],
    rows: meetings.map((m, i) => [
      { kind: 'count', value: i + 1 },
      { kind: 'text', value: m.place },
      { kind: 'date', value: m.heldOn },
      m.attendance === null ? { kind: 'empty' } : { kind: 'count', value: m.attendance },
      { kind: 'count', value: perMeeting.get(String(m.id)) ?? 0 },
    ]),
    total: single
      ? undefined
      : [
          { kind: 'empty' },
          { kind: 'text', value: t('total') },
          { kind: 'empty' },
          { kind: 'count', value: attendance },
          { kind: 'count', value: questions },
        ],
  }
  const shareTable = (
    title: string,
    what: string,
    rows: { name: string; count: number }[],
    shares: number[],
  ): ReportTable => {
    const total = sum(rows.map((r) => r.count))
    return {
      title,
      columns: [
        { header: t('sectorByYear.colNo'), width: 6, align: 'center' },
        { header: what, width: 40 },
        { header: t('pressSummary.colCount'), width: 12, align: 'center' },
        { header: t('sectorByYear.colPercent'), width: 12, align: 'center' },
      ],
      rows: rows.map((row, i) => [
        { kind: 'count', value: i + 1 },
        { kind: 'text', value: row.name },
        { kind: 'count', value: row.count },
        total === 0 ? { kind: 'noShare' } : { kind: 'percent', value: shares[i]! },
      ]),
      total: [
        { kind: 'empty' },
        { kind: 'text', value: t('total') },
        { kind: 'count', value: total },
        total === 0 ? { kind: 'noShare' } : { kind: 'percentTotal', value: 100 },
      ],
    }
  }

  const first = meetings[0]
  return {
    kind: 'press-summary',
    lang,
    title: single
      ? t('pressSummary.titleMeeting', { date: formatDate(first!.heldOn) })
      : t('pressSummary.titleYear', { year: params.year! }),
    office: ctx.office,
    period: single ? formatDate(first!.heldOn) : t('periodYear', { year: params.year! }),
    parameters: single
      ? [t('pressSummary.speaker', { name: first!.speakerName, position: first!.speakerPosition })]
      : [],
    tables: [
      meetingsTable,
      shareTable(t('pressSummary.bySector'), t('sectorByYear.colSector'), sectors, sectorShares),
      ...(issues.length > 0 ? [issuesTable(t, issues, sectorName, localityName)] : []),
      shareTable(
        t('pressSummary.answers'),
        t('pressSummary.colStanding'),
        groups.map((g) => ({ name: t(`outcomeGroup.${g.group}`), count: g.count })),
        groupShares,
      ),
      ...(measures.length > 0 ? [measuresTable(t, measures)] : []),
    ],
    sentences: sentences(t, lang, {
      meetings,
      year: params.year,
      attendance,
      questions,
      topSectors: sectors
        .map((s, i) => ({ ...s, percent: sectorShares[i]! }))
        .sort((a, b) => b.count - a.count)
        .slice(0, SECTORS_IN_SENTENCE),
      issues: issues.slice(0, ISSUES_IN_SENTENCE),
      standing: Object.fromEntries(groups.map((g) => [g.group, g.count])) as Record<OutcomeGroup, number>,
      measures: countMeasures(measures),
    }),
    charts:
      sectors.length > 0
        ? [
            {
              title: t('pressSummary.chartTitle'),
              categories: sectors.map((s) => s.name),
              series: [{ name: t('pressSummary.chartSeries'), values: sectors.map((s) => s.count) }],
            },
          ]
        : [],
    notes: [t('pressSummary.note', { date: formatDate(ctx.today) })],
  }
}

async function meetingsOf(db: DataSource, params: PressSummaryParams): Promise<ReportMeetingRow[]> {
  const repo = db.getRepository(ReportMeetingEntity)
  if (params.meetingId !== undefined) {
    const meeting = await repo.findOne({ where: { id: params.meetingId } })
    if (!meeting) throw new DomainError('not_found', 'errors.meetingNotFound')
    return [meeting]
  }
  const { from, to } = yearRange(params.year!)
  return repo
    .createQueryBuilder('m')
    .where('m.held_on BETWEEN :from AND :to', { from, to })
    .orderBy('m.held_on', 'ASC')
    .addOrderBy('m.id', 'ASC')
    .getMany()
}

type JudgedMeasure = MeetingMeasureRow & { state: MeasureState }

/** The measures promised at these meetings, in deadline order, each judged against the report's day. */
async function measuresOf(db: DataSource, meetings: ReportMeetingRow[], today: string): Promise<JudgedMeasure[]> {
  if (meetings.length === 0) return []
  const rows = await db
    .getRepository(MeetingMeasureEntity)
    .find({ where: { meetingId: In(meetings.map((m) => m.id)) }, order: { dueOn: 'ASC', id: 'ASC' } })
  return rows.map((row) => ({ ...row, state: measureState(row, today) }))
}

/** What was promised, who answers for it, by when, and whether it was done (and when). */
function measuresTable(t: ReportText, measures: JudgedMeasure[]): ReportTable {
  return {
    title: t('pressSummary.measures'),
    columns: [
      { header: t('sectorByYear.colNo'), width: 6, align: 'center' },
      { header: t('pressSummary.colMeasure'), width: 30 },
      { header: t('pressSummary.colResponsible'), width: 22 },
      { header: t('pressSummary.colDue'), width: 12, align: 'center' },
      { header: t('pressSummary.colState'), width: 22 },
    ],
    rows: measures.map((m, i) => [
      { kind: 'count', value: i + 1 },
      { kind: 'text', value: m.text },
      { kind: 'text', value: m.responsible },
      { kind: 'date', value: m.dueOn },
      {
        kind: 'text',
        value: t(`pressSummary.measureState.${m.state}`, { date: m.doneOn ? formatDate(m.doneOn) : '' }),
      },
    ]),
  }
}

/**
 * The questions of the report, in the order they were recorded, for recurringIssues. The few
 * hundred questions of a year's meetings are grouped in JavaScript: telling one issue from
 * another takes their words, which SQL cannot compare.
 */
async function questionsOf(db: DataSource, scope: AppealScope): Promise<RaisedQuestion[]> {
  const query = db
    .createQueryBuilder()
    .select('a.sector_id', 'sectorId')
    .addSelect('a.locality_id', 'localityId')
    .addSelect('a.summary', 'summary')
    .from('appeals', 'a')
    .where(COUNTED_SQL)
  await scope(query)
  const rows: RaisedQuestion[] = await query.orderBy('a.id', 'ASC').getRawMany()
  return rows.map((r) => ({
    sectorId: r.sectorId === null ? null : Number(r.sectorId),
    localityId: r.localityId === null ? null : Number(r.localityId),
    summary: r.summary,
  }))
}

/** The issues raised more than once: the wording, its sector and locality, how many times. */
function issuesTable(
  t: ReportText,
  issues: RecurringIssue[],
  sectorName: Map<number, string>,
  localityName: Map<number, string>,
): ReportTable {
  const name = (names: Map<number, string>, id: number | null): Cell =>
    id === null || !names.has(id) ? { kind: 'empty' } : { kind: 'text', value: names.get(id)! }
  return {
    title: t('pressSummary.topIssues'),
    columns: [
      { header: t('sectorByYear.colNo'), width: 6, align: 'center' },
      { header: t('pressSummary.colIssue'), width: 34 },
      { header: t('sectorByYear.colSector'), width: 20 },
      { header: t('pressSummary.colLocality'), width: 16 },
      { header: t('pressSummary.colTimes'), width: 12, align: 'center' },
    ],
    rows: issues.map((issue, i) => [
      { kind: 'count', value: i + 1 },
      { kind: 'text', value: issue.summary },
      name(sectorName, issue.sectorId),
      name(localityName, issue.localityId),
      { kind: 'count', value: issue.count },
    ]),
  }
}

interface Facts {
  meetings: ReportMeetingRow[]
  year: number | undefined
  attendance: number
  questions: number
  topSectors: { name: string; count: number; percent: number }[]
  issues: RecurringIssue[]
  standing: Record<OutcomeGroup, number>
  measures: { total: number; done: number; overdue: number }
}

/** Paragraphs for a press release, each sentence a catalog template filled with the numbers. */
function sentences(t: ReportText, lang: Language, facts: Facts): string[] {
  const { meetings, year, questions, standing } = facts
  if (meetings.length === 0) return [t('pressSummary.sentence.noMeetings', { year: year! })]
  const s = (key: string, params?: Record<string, string | number>) => t(`pressSummary.sentence.${key}`, params)
  const known = meetings.some((m) => m.attendance !== null)
  const opening =
    year === undefined
      ? [
          s('heldMeeting', { date: formatDate(meetings[0]!.heldOn), place: meetings[0]!.place }),
          ...(known ? [s('attendanceMeeting', { people: facts.attendance })] : []),
        ]
      : [
          s('heldYear', {
            year,
            meetings: meetings.length,
            meetingWord: countWord(t, lang, 'meeting', meetings.length),
          }),
          ...(known ? [s('attendanceYear', { people: facts.attendance })] : []),
        ]
  const paragraphs = [
    [
      ...opening,
      questions === 0
        ? s('noQuestions')
        : s('questions', { questions, questionWord: countWord(t, lang, 'question', questions) }),
    ].join(' '),
  ]
  if (questions === 0) return paragraphs

  const list = (items: string[]) => items.join(s('listSeparator'))
  paragraphs.push(
    s('sectors', {
      list: list(
        facts.topSectors.map((x) =>
          s('sectorItem', { name: lowerFirst(x.name, lang), count: x.count, percent: formatPercent(x.percent, lang) }),
        ),
      ),
    }),
  )
  paragraphs.push(
    facts.issues.length > 0
      ? s('issues', { list: list(facts.issues.map((x) => s('issueItem', { issue: x.summary, count: x.count }))) })
      : s('noRepeatedIssues'),
  )
  const answered = standing.satisfied + standing.explained + standing.refused
  const open = standing.in_progress + standing.overdue
  paragraphs.push(
    [
      answeredSentence(s, answered, standing.satisfied, countWord(t, lang, 'questionAnswered', answered)),
      ...(standing.redirected > 0 ? [s('redirected', { redirected: standing.redirected })] : []),
      ...(open === 0
        ? []
        : standing.overdue > 0
          ? [s('openOverdue', { open, overdue: standing.overdue })]
          : [s('open', { open })]),
    ].join(' '),
  )
  const { measures } = facts
  if (measures.total > 0) {
    paragraphs.push(
      [s('measures', measures), ...(measures.overdue > 0 ? [s('measuresOverdue', measures)] : [])].join(' '),
    )
  }
  return paragraphs
}

/**
 * How many questions are answered and how many of them resolved positively, in words that hold
 * for 0 and 1 as well: "no answers yet", "an answer to 1 question, resolved positively", not
 * "answers to 0 questions, of them resolved — 0".
 */
function answeredSentence(
  s: (key: string, params?: Record<string, string | number>) => string,
  answered: number,
  satisfied: number,
  answeredWord: string,
): string {
  if (answered === 0) return s('answeredNone')
  if (answered === 1) return s(satisfied === 1 ? 'answeredOneSatisfied' : 'answeredOne')
  return s(satisfied === 0 ? 'answeredNoneSatisfied' : 'answered', { answered, answeredWord, satisfied })
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` })
