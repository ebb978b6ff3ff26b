import type { DataSource, SelectQueryBuilder } from 'typeorm'
import type { ApiParsedInput, AppealPage, AppealSummary } from '@shared/api/contract'
import { OPEN_STATUSES, type AppealStatus } from '@shared/domain/appeal'
import { addDays, startOfWeek } from '@shared/domain/dates'
import { foldForSearch, ftsQuery } from '@shared/domain/search'
import { SUMMARY_COLUMNS, summaryFromRaw, type SummaryRaw } from './mapping'

type ListFilters = ApiParsedInput<'appeals.list'>

/**
 * How much of a register each status is, roughly (open appeals are the recent few, nearly
 * everything older was answered): what the query planner is told about a status filter.
 */
const STATUS_SHARE: Record<AppealStatus, number> = {
  registered: 0.02,
  in_progress: 0.02,
  answered: 0.8,
  redirected: 0.05,
  left_without_consideration: 0.06,
  withdrawn: 0.03,
}

/** The share of the register one locality or one executor has, roughly (for the query planner). */
const ONE_OF_MANY = 0.05

const SORT_COLUMNS: Record<ListFilters['sort'], string> = {
  regNumber: 'a.reg_number',
  receivedAt: 'a.received_at',
  dueOn: 'a.due_on',
  status: 'a.status',
}

/**
 * Read paths of the appeals register, in SQL (the ORM's entity hydration is several times
 * slower on lists; see DESIGN.md "Known costs"). Pages come from the database: a list never
 * loads more rows than it shows.
 */
export class AppealQueries {
  constructor(private readonly db: DataSource) {}

  base(): SelectQueryBuilder<object> {
    return this.db
      .createQueryBuilder()
      .select(SUMMARY_COLUMNS)
      .from('appeals', 'a')
      .leftJoin('staff', 'ex', 'ex.id = a.executor_id')
  }

  async list(filters: ListFilters, today: string): Promise<AppealPage> {
    const { count } = this.listQueries(filters, today)
    const total = Number((await count.getRawOne<{ n: number }>())?.n ?? 0)
    const appeals = this.searchOnly(filters) ? Number((await this.db.query('SELECT MAX(id) AS n FROM appeals'))[0]?.n ?? 0) : 0
    const { page } = this.listQueries(filters, today, { total, appeals })
    const raws = await page.getRawMany<SummaryRaw>()
    return { rows: raws.map((raw) => summaryFromRaw(raw, today)), total }
  }

  /**
   * The two statements of a list page, as list() runs them (tests/integration/query-plans.test.ts
   * reads their plans from here):
   * - the total counts the appeals table alone (a join to staff changes no count, and it made
   *   SQLite read every matching row: 30 ms at a million appeals instead of nothing), and a
   *   search with no other filter is counted in the full-text index alone;
   * - the page picks its ids first, from the filters and the sort alone, which an index can
   *   often answer without reading the rows, and only then reads those rows and their executor;
   * - `matches` (the total, and how many appeals there are, as list() knows them once the total
   *   is counted) lets a search that matches many appeals walk the sort's index instead: see
   *   whereSearch.
   */
  listQueries(
    filters: ListFilters,
    today: string,
    matches: { total: number; appeals: number } | null = null,
  ): { count: SelectQueryBuilder<object>; page: SelectQueryBuilder<object> } {
    const direction = filters.order === 'asc' ? 'ASC' : 'DESC'
    const from = () => this.db.createQueryBuilder().from('appeals', 'a')
    const count = this.searchOnly(filters) ? this.searchCount(filters) : this.filtered(from().select('COUNT(*)', 'n'), filters, today)
    const inSortOrder = matches !== null && this.searchOnly(filters) && SORT_INDEXED.includes(filters.sort) && walkIsCheaper(filters, matches)
    const ids = this.filtered(from().select('a.id'), filters, today, inSortOrder)
      .orderBy(SORT_COLUMNS[filters.sort], direction)
      .addOrderBy('a.id', direction)
      .offset(filters.offset)
      .limit(filters.limit)
    const page = this.base()
      .where(`a.id IN (${ids.getQuery()})`)
      .setParameters(ids.getParameters())
      .orderBy(SORT_COLUMNS[filters.sort], direction)
      .addOrderBy('a.id', direction)
    return { count, page }
  }

  async summariesWhere(where: string, params: Record<string, unknown>, today: string, limit = 200): Promise<AppealSummary[]> {
    const raws = await this.base().where(where, params).orderBy('a.received_at', 'DESC').limit(limit).getRawMany<SummaryRaw>()
    return raws.map((raw) => summaryFromRaw(raw, today))
  }

  /** A full-text search (on SQLite) and no other filter. */
  private searchOnly(f: ListFilters): boolean {
    if (!f.query || !ftsQuery(f.query) || this.db.options.type !== 'better-sqlite3') return false
    const lists = [f.sectorIds, f.statuses, f.channels, f.appealTypes, f.localityIds, f.executorIds]
    return !(f.from || f.to || f.meetingId || f.originOfficeUuid || f.overdue || f.dueThisWeek || lists.some((l) => l && l.length > 0))
  }

  /**
   * A search and nothing else is counted in the full-text index alone: it holds one entry per
   * appeal (kept by triggers), so its matches are the appeals' matches, and counting them there
   * reads no appeal (2 ms instead of 80-120 ms for a common surname at a million appeals).
   */
  private searchCount(f: ListFilters): SelectQueryBuilder<object> {
    return this.db.createQueryBuilder().select('COUNT(*)', 'n').from('appeals_fts', 'f').where('appeals_fts MATCH :match', { match: ftsQuery(f.query!) })
  }

  /** Appeals whose applicant's IIN/BIN starts with these digits, newest first (returning citizens). */
  async summariesByIdNumberPrefix(digits: string, today: string): Promise<AppealSummary[]> {
    const raws = await this.idNumberPrefixQuery(digits).getRawMany<SummaryRaw>()
    return raws.map((raw) => summaryFromRaw(raw, today))
  }

  /**
   * A range on the column, not LIKE 'digits%': LIKE ignores case, so SQLite cannot serve it
   * from the (case-sensitive) index and reads every appeal; the range is an index seek. IINs
   * and BINs are digits, and ':' sorts right after '9'.
   */
  idNumberPrefixQuery(digits: string, limit = 200): SelectQueryBuilder<object> {
    return this.base()
      .where('a.applicant_id_number >= :low AND a.applicant_id_number < :high', { low: digits, high: `${digits}:` })
      .orderBy('a.received_at', 'DESC')
      .limit(limit)
  }

  private filtered(q: SelectQueryBuilder<object>, f: ListFilters, today: string, inSortOrder = false): SelectQueryBuilder<object> {
    if (f.query) {
      const match = ftsQuery(f.query)
      if (match) this.whereSearch(q, match, f.query, inSortOrder)
    }
    if (f.from) q.andWhere('a.registered_on >= :from', { from: f.from })
    if (f.to) q.andWhere('a.registered_on <= :to', { to: f.to })
    const inList = (column: string, name: string, values: unknown[] | undefined) => {
      if (values && values.length > 0) q.andWhere(`${column} IN (:...${name})`, { [name]: values })
    }
    inList('a.sector_id', 'sectorIds', f.sectorIds)
    if (f.statuses && f.statuses.length > 0) {
      const share = f.statuses.reduce((sum, status) => sum + STATUS_SHARE[status], 0)
      q.andWhere(this.likelihood('a.status IN (:...statuses)', share), { statuses: f.statuses })
    }
    inList('a.channel', 'channels', f.channels)
    inList('a.appeal_type', 'appealTypes', f.appealTypes)
    // A locality or an executor is one of a few dozen: a share of the register, not a handful of rows.
    for (const [column, name, values] of [['a.locality_id', 'localityIds', f.localityIds], ['a.executor_id', 'executorIds', f.executorIds]] as const) {
      if (values && values.length > 0) q.andWhere(this.likelihood(`${column} IN (:...${name})`, ONE_OF_MANY * values.length), { [name]: values })
    }
    if (f.meetingId) q.andWhere('a.meeting_id = :meetingId', { meetingId: f.meetingId })
    if (f.originOfficeUuid) q.andWhere('a.origin_office_uuid = :origin', { origin: f.originOfficeUuid })
    if (f.overdue || f.dueThisWeek) q.andWhere('a.status IN (:...open)', { open: OPEN_STATUSES })
    if (f.overdue) q.andWhere('a.due_on < :today', { today })
    if (f.dueThisWeek) {
      q.andWhere('a.due_on >= :today AND a.due_on <= :sunday', { today, sunday: addDays(startOfWeek(today), 6) })
    }
    return q
  }

  /**
   * A condition with how often it holds, for SQLite's query planner: an office database has no
   * statistics (ANALYZE never runs), so the planner takes every equality for a selective one
   * and would read most of the register through the status index for "answered" (3.2 s instead
   * of 0.2 s for a year's housing appeals at a million appeals). Other databases get the
   * condition as it is.
   */
  private likelihood(condition: string, share: number): string {
    if (this.db.options.type !== 'better-sqlite3') return condition
    return `likelihood(${condition}, ${Math.min(Math.max(share, 0.001), 0.999).toFixed(3)})`
  }

  /**
   * Full-text on SQLite (FTS5, prefix, folded); a plain LIKE on other databases for now.
   *
   * SQLite looks each match up by id, then sorts them all: a search matching 20,000 appeals
   * reads 20,000 rows for a page of 50 (120-160 ms at a million appeals). With `inSortOrder`,
   * the id test is written `+a.id IN (…)`, which keeps SQLite from looking rows up by id: it
   * walks the sort's own index instead (received-at or number, which carries the id), tests
   * each id against the matches and stops after the page (5-30 ms). list() asks for it when
   * that walk is the shorter way (walkIsCheaper).
   */
  private whereSearch(q: SelectQueryBuilder<object>, match: string, raw: string, inSortOrder: boolean): void {
    if (this.db.options.type === 'better-sqlite3') {
      q.andWhere(`${inSortOrder ? '+' : ''}a.id IN (SELECT rowid FROM appeals_fts WHERE appeals_fts MATCH :match)`, { match })
    } else {
      q.andWhere('a.search_text LIKE :like', { like: `%${foldForSearch(raw)}%` })
    }
  }
}

/** Sorts with an index of their own, whose entries carry the id (the register number, the received time). */
const SORT_INDEXED: ListFilters['sort'][] = ['regNumber', 'receivedAt']

/**
 * Walking the sort's index reads about (offset + limit) × appeals / total entries before the
 * page is full; looking the matches up reads `total` rows, each costing some 50-100 index
 * entries (measured: bench/, docs/PERFORMANCE.md). Walk when that is fewer; at a million
 * appeals and a first page, from about 1,000 matches up.
 */
function walkIsCheaper(f: ListFilters, { total, appeals }: { total: number; appeals: number }): boolean {
  if (total === 0) return false
  return ((f.offset + f.limit) * appeals) / total < total * 50
}
