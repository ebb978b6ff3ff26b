import type { DataSource, SelectQueryBuilder } from 'typeorm'
import type { ApiParsedInput, AppealPage, AppealSummary } from '@shared/api/contract'
import { OPEN_STATUSES, type AppealStatus } from '@shared/domain/appeal'
import { addDays, startOfWeek } from '@shared/domain/dates'
import { ftsQuery, phoneQuery, searchWords } from '@shared/domain/search'
import { engineOf, postgresWordPrefixes } from '../../db/dialect'
import { ANNULLED_SQL, COUNTED_SQL } from './counted'
import { NOTICE_SQL, REDIRECT_SQL } from './noticeAndRedirect'
import { taskDay } from './taskDays'
import { SUMMARY_COLUMNS, summaryFromRaw, type ReadDay, type SummaryRaw } from './mapping'

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
  annulled: 0.001,
}

/** The share of the register one locality or one executor has, roughly (for the query planner). */
const ONE_OF_MANY = 0.05

/** What a filter is said to match when the page walks the sort's index (see filtered). */
const WALKED_SHARE = 0.9

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

  /** `personal`: the search also looks in the applicant's IIN/BIN, phone and address (seesPersonalData). */
  async list(filters: ListFilters, on: ReadDay, personal = false): Promise<AppealPage> {
    const { today } = on
    const { count } = this.listQueries(filters, today, null, personal)
    const total = Number((await count.getRawOne<{ n: number }>())?.n ?? 0)
    const appeals = this.mayWalk(filters)
      ? Number((await this.db.query('SELECT MAX(id) AS n FROM appeals'))[0]?.n ?? 0)
      : 0
    const { page } = this.listQueries(filters, today, { total, appeals }, personal)
    const raws = await page.getRawMany<SummaryRaw>()
    return { rows: raws.map((raw) => summaryFromRaw(raw, on)), total }
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
   *   is counted) lets a page whose filters match many appeals walk the sort's index instead of
   *   looking every match up and sorting them: see mayWalk.
   */
  listQueries(
    filters: ListFilters,
    today: string,
    matches: { total: number; appeals: number } | null = null,
    personal = false,
  ): { count: SelectQueryBuilder<object>; page: SelectQueryBuilder<object> } {
    const direction = filters.order === 'asc' ? 'ASC' : 'DESC'
    const from = () => this.db.createQueryBuilder().from('appeals', 'a')
    const count = this.searchOnly(filters)
      ? this.searchCount(filters, personal)
      : this.filtered(from().select('COUNT(*)', 'n'), filters, today, false, personal)
    const inSortOrder = matches !== null && this.mayWalk(filters) && walkIsCheaper(filters, matches)
    const ids = this.filtered(from().select('a.id'), filters, today, inSortOrder, personal)
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

  async summariesWhere(
    where: string,
    params: Record<string, unknown>,
    on: ReadDay,
    limit = 200,
  ): Promise<AppealSummary[]> {
    const raws = await this.base()
      .where(where, params)
      .orderBy('a.received_at', 'DESC')
      .limit(limit)
      .getRawMany<SummaryRaw>()
    return raws.map((raw) => summaryFromRaw(raw, on))
  }

  /**
   * Whether a page may walk the sort's index, testing each appeal against the filters and
   * stopping when the page is full (list() then decides from the count, walkIsCheaper). Without
   * statistics SQLite cannot tell a filter matching a sixth of the register from one matching a
   * handful, and for an okrug it looked up its 170,000 appeals by the locality index and sorted
   * them (0.8 s at a million) where the walk reads a few hundred (1 ms). Not with a period (the
   * walk would first pass every appeal outside it: the period's index serves those) or a meeting
   * (its own small index); a search only when it is the only filter.
   */
  private mayWalk(f: ListFilters): boolean {
    if (engineOf(this.db) !== 'sqlite' || !SORT_INDEXED.includes(f.sort)) return false
    if (f.query) return this.searchOnly(f)
    return !(f.from || f.to || f.meetingId)
  }

  /** A full-text search (on SQLite) and no other filter. */
  private searchOnly(f: ListFilters): boolean {
    if (!f.query || fullIdNumber(f.query) || !ftsQuery(f.query) || engineOf(this.db) !== 'sqlite') return false
    if (f.annulled === 'only') return false
    const lists = [f.sectorIds, f.statuses, f.channels, f.appealTypes, f.localityIds, f.executorIds]
    return !(
      f.from ||
      f.to ||
      f.meetingId ||
      f.originOfficeUuid ||
      f.overdue ||
      f.dueThisWeek ||
      f.due ||
      f.notice ||
      f.redirect ||
      lists.some((l) => l && l.length > 0)
    )
  }

  /**
   * A search and nothing else is counted in the full-text index alone: it holds one entry per
   * appeal (kept by triggers), so its matches are the appeals' matches, and counting them there
   * reads no appeal (2 ms instead of 80-120 ms for a common surname at a million appeals).
   */
  private searchCount(f: ListFilters, personal: boolean): SelectQueryBuilder<object> {
    // The index holds annulled entries too: unless they are asked for, their matches (a few,
    // read through their partial index; `+a.id` keeps SQLite from looking up every match) are
    // taken off.
    const annulledMatches = `(SELECT COUNT(*) FROM appeals a WHERE ${ANNULLED_SQL} AND +a.id IN (SELECT rowid FROM appeals_fts WHERE appeals_fts MATCH :match))`
    return this.db
      .createQueryBuilder()
      .select(f.annulled === 'include' ? 'COUNT(*)' : `COUNT(*) - ${annulledMatches}`, 'n')
      .from('appeals_fts', 'f')
      .where('appeals_fts MATCH :match', { match: ftsQuery(f.query!, personal) })
  }

  /** Appeals whose applicant's IIN/BIN starts with these digits, newest first (returning citizens). */
  async summariesByIdNumberPrefix(digits: string, on: ReadDay): Promise<AppealSummary[]> {
    const raws = await this.idNumberPrefixQuery(digits).getRawMany<SummaryRaw>()
    return raws.map((raw) => summaryFromRaw(raw, on))
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

  /**
   * The filters as conditions. With `inSortOrder` each filter is written `+a.column …`, which no
   * index can serve, and said to hold for most rows: SQLite then walks the sort's index (without
   * the hint it would rather scan a covering index of the filter columns and sort what it finds).
   */
  private filtered(
    q: SelectQueryBuilder<object>,
    f: ListFilters,
    today: string,
    inSortOrder = false,
    personal = false,
  ): SelectQueryBuilder<object> {
    /** One filter on a column; `share`: how much of the register it usually matches (null: no hint). */
    const where = (column: string, test: string, share: number | null, params: Record<string, unknown>) => {
      if (inSortOrder) q.andWhere(this.likelihood(`+a.${column} ${test}`, WALKED_SHARE), params)
      else q.andWhere(share === null ? `a.${column} ${test}` : this.likelihood(`a.${column} ${test}`, share), params)
    }
    const inList = (column: string, name: string, values: unknown[] | undefined, share: number | null = null) => {
      if (values && values.length > 0) where(column, `IN (:...${name})`, share, { [name]: values })
    }
    const idNumber = fullIdNumber(f.query)
    if (idNumber) {
      q.andWhere('a.applicant_id_number = :idNumber', { idNumber })
    } else if (f.query) {
      const match = ftsQuery(f.query, personal)
      if (match) this.whereSearch(q, match, f.query, inSortOrder, personal)
    }
    if (f.from) q.andWhere('a.registered_on >= :from', { from: f.from })
    if (f.to) q.andWhere('a.registered_on <= :to', { to: f.to })
    inList('sector_id', 'sectorIds', f.sectorIds)
    inList(
      'status',
      'statuses',
      f.statuses,
      f.statuses?.reduce((sum, status) => sum + STATUS_SHARE[status], 0),
    )
    inList('channel', 'channels', f.channels)
    inList('appeal_type', 'appealTypes', f.appealTypes)
    // A locality or an executor is one of a few dozen: a share of the register, not a handful of rows.
    inList('locality_id', 'localityIds', f.localityIds, ONE_OF_MANY * (f.localityIds?.length ?? 0))
    inList('executor_id', 'executorIds', f.executorIds, ONE_OF_MANY * (f.executorIds?.length ?? 0))
    if (f.meetingId) q.andWhere('a.meeting_id = :meetingId', { meetingId: f.meetingId })
    if (f.originOfficeUuid) where('origin_office_uuid', '= :origin', null, { origin: f.originOfficeUuid })
    if (f.overdue || f.dueThisWeek || f.due) where('status', 'IN (:...open)', null, { open: OPEN_STATUSES })
    if (f.annulled === 'only') q.andWhere(ANNULLED_SQL)
    else if (f.annulled !== 'include') q.andWhere(COUNTED_SQL)
    if (f.overdue) where('due_on', '< :today', null, { today })
    if (f.dueThisWeek)
      where('due_on', 'BETWEEN :today AND :sunday', null, { today, sunday: addDays(startOfWeek(today), 6) })
    if (f.due) where('due_on', '= :dueDay', null, { dueDay: taskDay(today, f.due) })
    if (f.notice) q.andWhere(NOTICE_SQL[f.notice], { today, open: OPEN_STATUSES })
    if (f.redirect) q.andWhere(REDIRECT_SQL[f.redirect], { today, open: OPEN_STATUSES })
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
    if (engineOf(this.db) !== 'sqlite') return condition
    return `likelihood(${condition}, ${Math.min(Math.max(share, 0.001), 0.999).toFixed(3)})`
  }

  /**
   * Full-text on SQLite (FTS5, prefix, folded); on PostgreSQL the same word prefixes matched on
   * the folded columns (db/dialect.ts). `personal`: the words may also be found in the
   * applicant's personal data, and a phone number as one number there (ftsQuery); otherwise
   * only the public text is read, so that personal data finds nothing, counts included.
   *
   * SQLite looks each match up by id, then sorts them all: a search matching 20,000 appeals
   * reads 20,000 rows for a page of 50 (120-160 ms at a million appeals). With `inSortOrder`,
   * the id test is written `+a.id IN (…)`, which keeps SQLite from looking rows up by id: it
   * walks the sort's own index instead (received-at or number, which carries the id), tests
   * each id against the matches and stops after the page (5-30 ms). list() asks for it when
   * that walk is the shorter way (walkIsCheaper).
   */
  private whereSearch(
    q: SelectQueryBuilder<object>,
    match: string,
    raw: string,
    inSortOrder: boolean,
    personal: boolean,
  ): void {
    if (engineOf(this.db) === 'sqlite') {
      q.andWhere(`${inSortOrder ? '+' : ''}a.id IN (SELECT rowid FROM appeals_fts WHERE appeals_fts MATCH :match)`, {
        match,
      })
      return
    }
    const phone = personal ? phoneQuery(raw) : null
    if (!phone) {
      const columns = personal ? ['a.search_text', 'a.personal_search_text'] : ['a.search_text']
      const { sql, params } = postgresWordPrefixes(columns, searchWords(raw))
      q.andWhere(sql, params)
      return
    }
    // as ftsQuery: one number in the personal data, or its words (a lone digit left out) in search_text
    const byPhone = postgresWordPrefixes(['a.personal_search_text'], [phone], 'phone')
    const numberWords = searchWords(raw).filter((w) => w.length > 1)
    if (numberWords.length === 0) {
      q.andWhere(byPhone.sql, byPhone.params)
      return
    }
    const byWords = postgresWordPrefixes(['a.search_text'], numberWords)
    q.andWhere(`((${byWords.sql}) OR ${byPhone.sql})`, { ...byWords.params, ...byPhone.params })
  }
}

/**
 * A search of twelve digits (spaces ignored) is an IIN/BIN: it finds the applicant's appeals by
 * the column (its index), not the text, which never holds the number. Only a caller who may see
 * IINs gets here with one (AppealService.list checks it first).
 */
function fullIdNumber(query: string | undefined): string | null {
  const compact = query?.replace(/\s+/g, '') ?? ''
  return /^\d{12}$/.test(compact) ? compact : null
}

/** Sorts with an index of their own, whose entries carry the id (the register number, the received time). */
const SORT_INDEXED: ListFilters['sort'][] = ['regNumber', 'receivedAt']

/**
 * Walking the sort's index reads about (offset + limit) × appeals / total entries before the
 * page is full; looking the matches up reads `total` rows and sorts them. A looked-up match
 * costs what some 50 walked entries cost when the walk tests ids only (a search alone), some 20
 * when it reads each row to test the filters (measured at a million appeals: bench/,
 * docs/PERFORMANCE.md). Walk when that is cheaper: for a first page at a million appeals, from
 * about 1,000 search matches or 1,600 filter matches up.
 */
function walkIsCheaper(f: ListFilters, { total, appeals }: { total: number; appeals: number }): boolean {
  if (total === 0) return false
  const lookupCost = f.query ? 50 : 20
  return ((f.offset + f.limit) * appeals) / total < total * lookupCost
}
