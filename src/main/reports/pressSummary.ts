import { In, type DataSource } from 'typeorm'
import { DomainError } from '@shared/api/errors'
import { percentShares } from '@shared/domain/shares'
import { localizedName, type Language } from '@shared/i18n'
import { formatPercent, type ReportModel, type ReportTable } from '@shared/reports/model'
import { countMeasures, measureState, type MeasureState } from '@shared/domain/measure'
import {
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
import { countWord, lowerFirst, reportText, type ReportText } from './text'

export interface PressSummaryParams {
  year?: number
  meetingId?: number
}

/** Issues listed in the table; the sentence names those raised more than once, at most three. */
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
  const issues = await topIssues(db, scope)
  const measures = await measuresOf(db, meetings, ctx.today)

  const sectors = (await db.getRepository(SectorEntity).find({ order: { sortOrder: 'ASC', id: 'ASC' } }))
    .map((s) => ({ name: localizedName(s, lang), count: perSector.get(String(s.id)) ?? 0 }))
    .filter((s) => s.count > 0)
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
  ): ReportTable => ({
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
      { kind: 'percent', value: shares[i]! },
    ]),
    total: [
      { kind: 'empty' },
      { kind: 'text', value: t('total') },
      { kind: 'count', value: sum(rows.map((r) => r.count)) },
      { kind: 'percentTotal', value: 100 },
    ],
  })

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
      {
        title: t('pressSummary.topIssues'),
        columns: [
          { header: t('sectorByYear.colNo'), width: 6, align: 'center' },
          { header: t('pressSummary.colIssue'), width: 40 },
          { header: t('pressSummary.colTimes'), width: 12, align: 'center' },
        ],
        rows: issues.map((issue, i) => [
          { kind: 'count', value: i + 1 },
          { kind: 'text', value: issue.summary },
          { kind: 'count', value: issue.count },
        ]),
      },
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
      issues: issues.filter((issue) => issue.count > 1).slice(0, ISSUES_IN_SENTENCE),
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

/** The questions asked most often: the same wording counted together, most frequent first. */
async function topIssues(db: DataSource, scope: AppealScope): Promise<{ summary: string; count: number }[]> {
  const query = db
    .createQueryBuilder()
    .select('TRIM(a.summary)', 'summary')
    .addSelect('COUNT(*)', 'n')
    .from('appeals', 'a')
    .where(COUNTED_SQL)
  await scope(query)
  const rows: { summary: string; n: number }[] = await query
    .groupBy('TRIM(a.summary)')
    .orderBy('n', 'DESC')
    .addOrderBy('summary', 'ASC')
    .limit(TOP_ISSUES)
    .getRawMany()
  return rows.map((row) => ({ summary: row.summary, count: Number(row.n) }))
}

interface Facts {
  meetings: ReportMeetingRow[]
  year: number | undefined
  attendance: number
  questions: number
  topSectors: { name: string; count: number; percent: number }[]
  issues: { summary: string; count: number }[]
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
    [...opening, s('questions', { questions, questionWord: countWord(t, lang, 'question', questions) })].join(' '),
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
  if (facts.issues.length > 0)
    paragraphs.push(
      s('issues', { list: list(facts.issues.map((x) => s('issueItem', { issue: x.summary, count: x.count }))) }),
    )
  const answered = standing.satisfied + standing.explained + standing.refused
  const open = standing.in_progress + standing.overdue
  paragraphs.push(
    [
      s('answered', {
        answered,
        answeredWord: countWord(t, lang, 'questionAnswered', answered),
        satisfied: standing.satisfied,
      }),
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

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` })
