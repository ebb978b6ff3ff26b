import type { DataSource, SelectQueryBuilder } from 'typeorm'
import { translate, localizedName, type Language } from '@shared/i18n'
import type { Cell, ReportModel } from '@shared/reports/model'
import { percentShares } from '@shared/domain/shares'
import { SectorEntity } from '../db/entities'
import { COUNTED_SQL } from '../services/appeals/counted'
import type { ReportContext } from './context'
import { localityScope, localityScopeIds } from './scope'
import { lowerFirst, reportText } from './text'

export interface SectorByYearParams {
  from: number
  to: number
  /** 'meetings': questions raised at report meetings; 'all': every appeal. */
  source: 'meetings' | 'all'
  localityId: number | null
}

/**
 * The official report-meeting table: sectors (rows, catalog order) by year (a count and its
 * share of the year's total per year), and a total row. Counted in SQL by registration day and
 * added up by year; sectors with no appeal in any of the years are left out, as in the
 * reference table.
 *
 * On SQLite the counts come from `appeal_year_counts`, kept by triggers on appeals (migration
 * 0006); on PostgreSQL from the appeals themselves, by registration day.
 */
export async function sectorByYear(
  db: DataSource,
  params: SectorByYearParams,
  ctx: ReportContext,
): Promise<ReportModel> {
  const { lang } = ctx
  const t = reportText(lang)
  const years = Array.from({ length: params.to - params.from + 1 }, (_, i) => params.from + i)

  const counted: { period: string | number; sector_id: number; n: number }[] = await (
    await sectorYearCountsQuery(db, params)
  ).getRawMany()
  const count = new Map<string, number>()
  for (const c of counted) {
    const key = `${Number(String(c.period).slice(0, 4))}:${Number(c.sector_id)}`
    count.set(key, (count.get(key) ?? 0) + Number(c.n))
  }
  const sectors = (await db.getRepository(SectorEntity).find({ order: { sortOrder: 'ASC', id: 'ASC' } })).filter((s) =>
    years.some((y) => count.has(`${y}:${s.id}`)),
  )
  const grid = sectors.map((s) => years.map((y) => count.get(`${y}:${s.id}`) ?? 0))
  const totals = years.map((_, yi) => grid.reduce((sum, row) => sum + row[yi]!, 0))
  const shares = years.map((_, yi) => percentShares(grid.map((row) => row[yi]!)))

  const rows: Cell[][] = sectors.map((sector, si) => [
    { kind: 'count', value: si + 1 },
    { kind: 'text', value: localizedName(sector, lang) },
    ...years.flatMap((_, yi): Cell[] => [
      { kind: 'count', value: grid[si]![yi]! },
      totals[yi] === 0 ? { kind: 'noShare' } : { kind: 'percent', value: shares[yi]![si]! },
    ]),
  ])
  const total: Cell[] = [
    { kind: 'empty' },
    { kind: 'text', value: t('total') },
    ...totals.flatMap((n): Cell[] => [
      { kind: 'count', value: n },
      n === 0 ? { kind: 'noShare' } : { kind: 'percentTotal', value: 100 },
    ]),
  ]

  const single = params.from === params.to
  const titleKey = `sectorByYear.title${params.source === 'meetings' ? 'Meetings' : 'All'}${single ? 'Year' : 'Range'}`
  const range = { from: params.from, to: params.to, year: params.from }
  return {
    kind: 'sector-by-year',
    lang,
    title: t(titleKey, range),
    office: ctx.office,
    period: t(single ? 'periodYear' : 'periodYears', range),
    parameters: [
      t(`source.${params.source}`),
      ...(params.localityId ? [t('locality', { name: await ctx.localityName(params.localityId) })] : []),
    ],
    tables: [
      {
        columns: [
          { header: t('sectorByYear.colNo'), width: 6, align: 'center' },
          { header: t('sectorByYear.colSector'), width: 44 },
          ...years.flatMap((year) => [
            { header: t('sectorByYear.colYear', { year }), width: 11, align: 'center' as const },
            { header: t('sectorByYear.colPercent'), width: 9, align: 'center' as const },
          ]),
        ],
        rows,
        total,
      },
    ],
    sentences: summarySentence(
      sectors.map((s) => localizedName(s, lang)),
      shares,
      lang,
    ),
    charts: [
      {
        title: t('sectorByYear.chartTitle'),
        categories: sectors.map((s) => localizedName(s, lang)),
        series: years.map((year, yi) => ({ name: String(year), values: grid.map((row) => row[yi]!) })),
      },
    ],
    notes: [ctx.sourceNote],
  }
}

/**
 * The counts behind the table, as rows of (period, sector_id, n): `period` is a year or a
 * registration day (its first four characters are the year), and the caller adds them up by
 * year: the rows of `appeal_year_counts` (kept by triggers on both engines; migration 0006,
 * db/derived/appealYearCounts.ts), read by a range of its primary key. sectorDayCountsQuery
 * counts the appeals themselves, the reference the tests and the bench compare with.
 * tests/integration/query-plans.test.ts reads its plan from here.
 */
export async function sectorYearCountsQuery(
  db: DataSource,
  params: SectorByYearParams,
): Promise<SelectQueryBuilder<object>> {
  const query = db
    .createQueryBuilder()
    .select('c.year', 'period')
    .addSelect('c.sector_id', 'sector_id')
    .addSelect('SUM(c.n)', 'n')
    .from('appeal_year_counts', 'c')
    .where('c.year >= :from AND c.year <= :to', { from: params.from, to: params.to })
    .groupBy('c.year')
    .addGroupBy('c.sector_id')
    .having('SUM(c.n) > 0') // a count that fell to 0 stays as a row; its sector is left out as before
  if (params.source === 'meetings') query.andWhere('c.meeting = 1')
  if (params.localityId !== null)
    query.andWhere('c.locality_key IN (:...localityIds)', {
      localityIds: await localityScopeIds(db, params.localityId),
    })
  return query
}

/**
 * The appeals counted by registration day and sector (the fallback where no trigger keeps
 * `appeal_year_counts`, and the bench's measure of the partial index of meeting questions).
 * Grouped by the index's own columns (registered_on, sector_id), SQLite counts while it walks
 * the index; grouped by substr(registered_on, 1, 4) it first sorted every appeal of the period
 * (ten years of a million appeals: 0.78 s before, 0.14 s now; see docs/PERFORMANCE.md).
 */
export async function sectorDayCountsQuery(
  db: DataSource,
  params: SectorByYearParams,
): Promise<SelectQueryBuilder<object>> {
  const query = db
    .createQueryBuilder()
    .select('a.registered_on', 'period')
    .addSelect('a.sector_id', 'sector_id')
    .addSelect('COUNT(*)', 'n')
    .from('appeals', 'a')
    .where('a.registered_on >= :start AND a.registered_on <= :end', {
      start: `${params.from}-01-01`,
      end: `${params.to}-12-31`,
    })
    .andWhere(COUNTED_SQL)
    .groupBy('a.registered_on')
    .addGroupBy('a.sector_id')
  // the partial index of meeting questions is over this very condition (migration 0014)
  if (params.source === 'meetings') query.andWhere('a.meeting_id IS NOT NULL')
  await localityScope(db, query, params.localityId)
  return query
}

/**
 * "By sector, 49-69% housing and utilities, 14-27% social sphere, the other sectors about
 * 1-7%": the two sectors with the largest shares by the range of their yearly shares, the rest
 * as one range. Shares are cut to whole percents (49,29 → 49), as the reference sentence does,
 * and the rest's range starts at the smallest non-zero share.
 */
export function summarySentence(names: string[], sharesByYear: number[][], lang: Language): string[] {
  if (names.length < 3) return []
  const perSector = names.map((_, si) => sharesByYear.map((year) => year[si]!))
  const weight = (si: number) => perSector[si]!.reduce((a, b) => a + b, 0)
  const order = names.map((_, si) => si).sort((a, b) => weight(b) - weight(a))
  const range = (values: number[]) => {
    const nonZero = values.filter((v) => v > 0)
    if (nonZero.length === 0) return '0'
    const lo = Math.floor(Math.min(...nonZero))
    const hi = Math.floor(Math.max(...nonZero))
    return lo === hi ? String(lo) : `${lo}-${hi}`
  }
  const [first, second, ...rest] = order as [number, number, ...number[]]
  return [
    translate(lang, 'reports.sectorByYear.sentence', {
      first: range(perSector[first]!),
      firstName: lowerFirst(names[first]!, lang),
      second: range(perSector[second]!),
      secondName: lowerFirst(names[second]!, lang),
      rest: range(rest.flatMap((si) => perSector[si]!)),
    }),
  ]
}
