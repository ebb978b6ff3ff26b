import type { DataSource, SelectQueryBuilder } from 'typeorm'
import type { DashboardSummary } from '@shared/api/contract'
import { OPEN_STATUSES } from '@shared/domain/appeal'
import { addDays, localNow, startOfWeek } from '@shared/domain/dates'
import { COUNTED_SQL } from './appeals/counted'
import { NOTICE_SQL, REDIRECT_SQL } from './appeals/noticeAndRedirect'
import type { Clock } from './context'

/** The numbers on the first screen, each one SQL aggregate. */
export class DashboardService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async summary({ year }: { year: number }): Promise<DashboardSummary> {
    const today = localNow(this.clock()).date
    const q = this.queries(year, today)
    const count = async (query: SelectQueryBuilder<object>) => Number((await query.getRawOne<{ n: number }>())?.n ?? 0)
    const perSector = new Map<number, number>()
    for (const r of await q.bySector.getRawMany<{ sector_id: number; n: number }>()) {
      perSector.set(Number(r.sector_id), (perSector.get(Number(r.sector_id)) ?? 0) + Number(r.n))
    }
    const bySector = [...perSector].sort(([a], [b]) => a - b)
    return {
      year,
      total: bySector.reduce((sum, [, n]) => sum + n, 0),
      open: await count(q.open),
      overdue: await count(q.overdue),
      dueThisWeek: await count(q.dueThisWeek),
      meetingsHeld: await count(q.meetingsHeld),
      measuresOverdue: await count(q.measuresOverdue),
      noticesDue: await count(q.noticesDue),
      noticesOverdue: await count(q.noticesOverdue),
      redirectsDue: await count(q.redirectsDue),
      redirectsOverdue: await count(q.redirectsOverdue),
      bySector: bySector.map(([sectorId, count]) => ({ sectorId, count })),
    }
  }

  /**
   * The statements behind the numbers (tests/integration/query-plans.test.ts reads their plans
   * from here). The year's appeals are counted by day and sector, the index's own order, and
   * added up by sector here: grouped by sector alone, SQLite sorted the whole year first.
   */
  queries(
    year: number,
    today: string,
  ): Record<
    | 'bySector'
    | 'open'
    | 'overdue'
    | 'dueThisWeek'
    | 'meetingsHeld'
    | 'measuresOverdue'
    | 'noticesDue'
    | 'noticesOverdue'
    | 'redirectsDue'
    | 'redirectsOverdue',
    SelectQueryBuilder<object>
  > {
    const sunday = addDays(startOfWeek(today), 6)
    const range = { from: `${year}-01-01`, to: `${year}-12-31` }
    const count = (where: string, params: Record<string, unknown>, table = 'appeals') =>
      this.db.createQueryBuilder().select('COUNT(*)', 'n').from(table, 'a').where(where, params)
    const open = { open: OPEN_STATUSES }
    return {
      bySector: this.db
        .createQueryBuilder()
        .select('a.sector_id', 'sector_id')
        .addSelect('COUNT(*)', 'n')
        .from('appeals', 'a')
        .where('a.registered_on BETWEEN :from AND :to', range)
        .andWhere(COUNTED_SQL)
        .groupBy('a.registered_on')
        .addGroupBy('a.sector_id'),
      open: count(`a.status IN (:...open) AND ${COUNTED_SQL}`, open),
      overdue: count(`a.status IN (:...open) AND a.due_on < :today AND ${COUNTED_SQL}`, { ...open, today }),
      dueThisWeek: count(`a.status IN (:...open) AND a.due_on BETWEEN :today AND :sunday AND ${COUNTED_SQL}`, {
        ...open,
        today,
        sunday,
      }),
      meetingsHeld: count('a.held_on BETWEEN :from AND :to', range, 'report_meetings'),
      // Promised at a meeting of any year and still not done: a late promise stays late.
      measuresOverdue: count('a.due_on < :today AND a.done_on IS NULL', { today }, 'meeting_measures'),
      // the conditions of the list's filters, so a figure and the list it opens agree
      noticesDue: count(`${NOTICE_SQL.due} AND ${COUNTED_SQL}`, { ...open, today }),
      noticesOverdue: count(`${NOTICE_SQL.overdue} AND ${COUNTED_SQL}`, { ...open, today }),
      redirectsDue: count(`${REDIRECT_SQL.due} AND ${COUNTED_SQL}`, { ...open, today }),
      redirectsOverdue: count(`${REDIRECT_SQL.overdue} AND ${COUNTED_SQL}`, { ...open, today }),
    }
  }
}
