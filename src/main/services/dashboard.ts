import type { DataSource } from 'typeorm'
import type { DashboardSummary } from '@shared/api/contract'
import { OPEN_STATUSES } from '@shared/domain/appeal'
import { addDays, localNow, startOfWeek } from '@shared/domain/dates'
import type { Clock } from './context'

/** The numbers on the first screen, each one SQL aggregate. */
export class DashboardService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async summary({ year }: { year: number }): Promise<DashboardSummary> {
    const today = localNow(this.clock()).date
    const sunday = addDays(startOfWeek(today), 6)
    const range = { from: `${year}-01-01`, to: `${year}-12-31` }
    const count = async (where: string, params: Record<string, unknown>, table = 'appeals') => {
      const row = await this.db.createQueryBuilder().select('COUNT(*)', 'n').from(table, 'a').where(where, params).getRawOne<{ n: number }>()
      return Number(row?.n ?? 0)
    }
    const bySector: { sector_id: number; n: number }[] = await this.db
      .createQueryBuilder()
      .select('a.sector_id', 'sector_id')
      .addSelect('COUNT(*)', 'n')
      .from('appeals', 'a')
      .where('a.registered_on BETWEEN :from AND :to', range)
      .groupBy('a.sector_id')
      .getRawMany()
    const open = { open: OPEN_STATUSES }
    return {
      year,
      total: bySector.reduce((sum, r) => sum + Number(r.n), 0),
      open: await count('a.status IN (:...open)', open),
      overdue: await count('a.status IN (:...open) AND a.due_on < :today', { ...open, today }),
      dueThisWeek: await count('a.status IN (:...open) AND a.due_on BETWEEN :today AND :sunday', { ...open, today, sunday }),
      meetingsHeld: await count('a.held_on BETWEEN :from AND :to', range, 'report_meetings'),
      bySector: bySector.map((r) => ({ sectorId: Number(r.sector_id), count: Number(r.n) })),
    }
  }
}
