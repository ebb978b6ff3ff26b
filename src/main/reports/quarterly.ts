import type { DataSource } from 'typeorm'
import { APPEAL_CHANNELS, APPEAL_TYPES, APPLICANT_KINDS } from '@shared/domain/appeal'
import { localizedName, translate, type Language } from '@shared/i18n'
import type { Cell, ReportColumn, ReportModel, ReportTable } from '@shared/reports/model'
import { SectorEntity } from '../db/entities'
import type { ReportContext } from './context'
import { countBy, countWhere, OUTCOME_GROUP_SQL, OUTCOME_GROUPS, registeredBetween } from './counts'
import { formatDate } from './pdf'
import { reportText, type ReportText } from './text'

export interface QuarterlyParams {
  /** YYYY-QN, e.g. 2025-Q1. */
  quarter: string
  localityId: number | null
}

interface Quarter {
  year: number
  q: number
  from: string
  to: string
}

/**
 * The quarterly report on appeals: for the quarter's registrations, received by sector with how
 * each stands (satisfied, explained, refused, redirected, in progress, overdue, closed), then by
 * channel, by type, by applicant, and collective, repeated, answered on time and late, the
 * applicant told of an extension on time, late or not yet, redirected on time and late, each
 * beside the same quarter of the previous year and the difference. Every count is a GROUP BY
 * in SQL; where an appeal stands is as of today (overdue is computed on read).
 */
export async function quarterly(db: DataSource, params: QuarterlyParams, ctx: ReportContext): Promise<ReportModel> {
  const { lang } = ctx
  const t = reportText(lang)
  const current = quarterOf(params.quarter)
  const previous = quarterOf(`${current.year - 1}-Q${current.q}`)
  const now = registeredBetween(db, current.from, current.to, params.localityId)
  const before = registeredBetween(db, previous.from, previous.to, params.localityId)
  const [nowLabel, beforeLabel] = [quarterLabel(current, lang), quarterLabel(previous, lang)]

  const outcomes = await countBy(db, now, ['a.sector_id', OUTCOME_GROUP_SQL], { today: ctx.today })
  const sectorsBefore = await countBy(db, before, ['a.sector_id'])
  const sectors = (await db.getRepository(SectorEntity).find({ order: { sortOrder: 'ASC', id: 'ASC' } })).map(
    (sector) => {
      const groups = OUTCOME_GROUPS.map((group) => outcomes.get(`${sector.id}|${group}`) ?? 0)
      return {
        name: localizedName(sector, lang),
        active: sector.active,
        groups,
        now: sum(groups),
        before: sectorsBefore.get(String(sector.id)) ?? 0,
      }
    },
  )
  // A deactivated sector is shown only when it has appeals in one of the two quarters.
  const shown = sectors.filter((s) => s.active || s.now > 0 || s.before > 0)

  const comparison = (
    title: string,
    column: string,
    rows: { label: string; now: number; before: number }[],
    withTotal = true,
  ): ReportTable => ({
    title,
    columns: comparisonColumns(t, column, nowLabel, beforeLabel),
    rows: rows.map((row, i) => [
      { kind: 'count', value: i + 1 },
      { kind: 'text', value: row.label },
      ...compare(row.now, row.before),
    ]),
    total: withTotal
      ? [
          { kind: 'empty' },
          { kind: 'text', value: t('total') },
          ...compare(sum(rows.map((r) => r.now)), sum(rows.map((r) => r.before))),
        ]
      : undefined,
  })
  const byList = async (column: string, values: readonly string[], labelKey: string) => {
    const [a, b] = [await countBy(db, now, [column]), await countBy(db, before, [column])]
    return values.map((value) => ({
      label: translate(lang, `${labelKey}.${value}`),
      now: a.get(value) ?? 0,
      before: b.get(value) ?? 0,
    }))
  }
  const conditions = {
    collective: 'a.collective',
    repeated: 'a.repeated',
    onTime: "a.status = 'answered' AND a.answered_on <= a.due_on",
    late: "a.status = 'answered' AND a.answered_on > a.due_on",
    // the applicant told of an extension against the stored notice_due_on, and redirects
    // against the stored redirect_due_on (migration 0013), never recomputed
    noticeOnTime: 'a.extension_notified_on <= a.notice_due_on',
    noticeLate: 'a.extension_notified_on > a.notice_due_on',
    noticeNotYet: 'a.notice_due_on IS NOT NULL AND a.extension_notified_on IS NULL',
    redirectOnTime: 'a.redirected_on <= a.redirect_due_on',
    redirectLate: 'a.redirected_on > a.redirect_due_on',
  }
  const [flagsNow, flagsBefore] = [await countWhere(db, now, conditions), await countWhere(db, before, conditions)]

  const sectorTable: ReportTable = {
    title: t('quarterly.bySector'),
    columns: [
      ...comparisonColumns(t, t('quarterly.colSector'), nowLabel, beforeLabel),
      ...OUTCOME_GROUPS.map((group): ReportColumn => ({
        header: t(`quarterly.colOutcome.${group}`),
        width: 15,
        align: 'center',
      })),
    ],
    rows: shown.map((s, i) => [
      { kind: 'count', value: i + 1 },
      { kind: 'text', value: s.name },
      ...compare(s.now, s.before),
      ...s.groups.map((n): Cell => ({ kind: 'count', value: n })),
    ]),
    total: [
      { kind: 'empty' },
      { kind: 'text', value: t('total') },
      ...compare(sum(shown.map((s) => s.now)), sum(shown.map((s) => s.before))),
      ...OUTCOME_GROUPS.map((_, gi): Cell => ({ kind: 'count', value: sum(shown.map((s) => s.groups[gi]!)) })),
    ],
  }

  return {
    kind: 'quarterly',
    lang,
    title: t('quarterly.title', { year: current.year, q: quarterName(current.q, lang) }),
    office: ctx.office,
    period: nowLabel,
    parameters: [
      t('quarterly.compared', { previous: beforeLabel }),
      ...(params.localityId ? [t('locality', { name: await ctx.localityName(params.localityId) })] : []),
    ],
    tables: [
      sectorTable,
      comparison(
        t('quarterly.byChannel'),
        t('quarterly.colChannel'),
        await byList('a.channel', APPEAL_CHANNELS, 'channel'),
      ),
      comparison(
        t('quarterly.byType'),
        t('quarterly.colType'),
        await byList('a.appeal_type', APPEAL_TYPES, 'appealType'),
      ),
      comparison(
        t('quarterly.byApplicant'),
        t('quarterly.colApplicant'),
        await byList('a.applicant_kind', APPLICANT_KINDS, 'applicantKind'),
      ),
      comparison(
        t('quarterly.indicators'),
        t('quarterly.colIndicator'),
        (Object.keys(conditions) as (keyof typeof conditions)[]).map((key) => ({
          label: t(`quarterly.${key}`),
          now: flagsNow[key],
          before: flagsBefore[key],
        })),
        false,
      ),
    ],
    sentences: [],
    charts: [
      {
        title: t('quarterly.chartTitle'),
        categories: shown.map((s) => s.name),
        series: [
          { name: nowLabel, values: shown.map((s) => s.now) },
          { name: beforeLabel, values: shown.map((s) => s.before) },
        ],
      },
    ],
    notes: [t('quarterly.note', { date: formatDate(ctx.today) })],
  }
}

/** №, what is counted, this quarter, the same quarter a year before, the difference. */
function comparisonColumns(t: ReportText, what: string, nowLabel: string, beforeLabel: string): ReportColumn[] {
  return [
    { header: t('sectorByYear.colNo'), width: 6, align: 'center' },
    { header: what, width: 24 },
    { header: nowLabel, width: 12, align: 'center' },
    { header: beforeLabel, width: 12, align: 'center' },
    { header: t('quarterly.colDifference'), width: 11, align: 'center' },
  ]
}

function compare(now: number, before: number): Cell[] {
  return [
    { kind: 'count', value: now },
    { kind: 'count', value: before },
    { kind: 'difference', value: now - before },
  ]
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

/** 2025-Q2 → 2025-04-01 … 2025-06-30. */
export function quarterOf(quarter: string): Quarter {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))]
  const lastMonth = q * 3
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate()
  const pad = (n: number) => String(n).padStart(2, '0')
  return { year, q, from: `${year}-${pad(lastMonth - 2)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` }
}

/** Official papers in kk and ru number quarters in Roman numerals: "2025 ж. I тоқсан", "I квартал 2025 г."; en "Q1 2025". */
function quarterName(q: number, lang: Language): string {
  return lang === 'en' ? `Q${q}` : ['I', 'II', 'III', 'IV'][q - 1]!
}

function quarterLabel(quarter: Quarter, lang: Language): string {
  return translate(lang, 'reports.quarterly.quarter', { year: quarter.year, q: quarterName(quarter.q, lang) })
}
