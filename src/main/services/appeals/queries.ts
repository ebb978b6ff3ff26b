import type { DataSource, SelectQueryBuilder } from 'typeorm'
import type { ApiParsedInput, AppealPage, AppealSummary } from '@shared/api/contract'
import { OPEN_STATUSES } from '@shared/domain/appeal'
import { addDays, startOfWeek } from '@shared/domain/dates'
import { foldForSearch, ftsQuery } from '@shared/domain/search'
import { SUMMARY_COLUMNS, summaryFromRaw, type SummaryRaw } from './mapping'

type ListFilters = ApiParsedInput<'appeals.list'>

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
    const query = this.filtered(filters, today)
    const total = await query.clone().select('COUNT(*)', 'n').getRawOne<{ n: number }>()
    const raws = await query
      .select(SUMMARY_COLUMNS)
      .orderBy(SORT_COLUMNS[filters.sort], filters.order === 'asc' ? 'ASC' : 'DESC')
      .addOrderBy('a.id', filters.order === 'asc' ? 'ASC' : 'DESC')
      .offset(filters.offset)
      .limit(filters.limit)
      .getRawMany<SummaryRaw>()
    return { rows: raws.map((raw) => summaryFromRaw(raw, today)), total: Number(total?.n ?? 0) }
  }

  async summariesWhere(where: string, params: Record<string, unknown>, today: string, limit = 200): Promise<AppealSummary[]> {
    const raws = await this.base().where(where, params).orderBy('a.received_at', 'DESC').limit(limit).getRawMany<SummaryRaw>()
    return raws.map((raw) => summaryFromRaw(raw, today))
  }

  private filtered(f: ListFilters, today: string): SelectQueryBuilder<object> {
    const q = this.base()
    if (f.query) {
      const match = ftsQuery(f.query)
      if (match) this.whereSearch(q, match, f.query)
    }
    if (f.from) q.andWhere('a.registered_on >= :from', { from: f.from })
    if (f.to) q.andWhere('a.registered_on <= :to', { to: f.to })
    const inList = (column: string, name: string, values: unknown[] | undefined) => {
      if (values && values.length > 0) q.andWhere(`${column} IN (:...${name})`, { [name]: values })
    }
    inList('a.sector_id', 'sectorIds', f.sectorIds)
    inList('a.status', 'statuses', f.statuses)
    inList('a.channel', 'channels', f.channels)
    inList('a.appeal_type', 'appealTypes', f.appealTypes)
    inList('a.locality_id', 'localityIds', f.localityIds)
    inList('a.executor_id', 'executorIds', f.executorIds)
    if (f.meetingId) q.andWhere('a.meeting_id = :meetingId', { meetingId: f.meetingId })
    if (f.overdue || f.dueThisWeek) q.andWhere('a.status IN (:...open)', { open: OPEN_STATUSES })
    if (f.overdue) q.andWhere('a.due_on < :today', { today })
    if (f.dueThisWeek) {
      q.andWhere('a.due_on >= :today AND a.due_on <= :sunday', { today, sunday: addDays(startOfWeek(today), 6) })
    }
    return q
  }

  /** Full-text on SQLite (FTS5, prefix, folded); a plain LIKE on other databases for now. */
  private whereSearch(q: SelectQueryBuilder<object>, match: string, raw: string): void {
    if (this.db.options.type === 'better-sqlite3') {
      q.andWhere('a.id IN (SELECT rowid FROM appeals_fts WHERE appeals_fts MATCH :match)', { match })
    } else {
      q.andWhere('a.search_text LIKE :like', { like: `%${foldForSearch(raw)}%` })
    }
  }
}
