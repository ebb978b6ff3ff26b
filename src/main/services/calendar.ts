import type { DataSource } from 'typeorm'
import { Between } from 'typeorm'
import { DomainError } from '@shared/api/errors'
import type { ApiParsedInput, CalendarDay, CalendarImportResult } from '@shared/api/contract'
import { calendarFromDays, type WorkingCalendar } from '@shared/domain/calendar'
import { weekday } from '@shared/domain/dates'
import { CalendarDayEntity } from '../db/entities'
import { recordAudit } from './audit'
import type { CallContext } from './context'

/**
 * The working-day calendar as the office keeps it: shipped for the current and coming years
 * (migration 0002), replaced year by year when the government publishes its decree.
 */
export class CalendarService {
  private cached: WorkingCalendar | null = null

  constructor(private readonly db: DataSource) {}

  async list({ year }: { year: number }): Promise<CalendarDay[]> {
    const rows = await this.db.getRepository(CalendarDayEntity).find({
      where: { date: Between(`${year}-01-01`, `${year}-12-31`) },
      order: { date: 'ASC' },
    })
    return rows.map(({ date, kind, note }) => ({ date, kind, note }))
  }

  /** The whole calendar for deadline arithmetic; read once, refreshed after an import. */
  async load(): Promise<WorkingCalendar> {
    if (!this.cached) {
      const rows = await this.db.getRepository(CalendarDayEntity).find()
      this.cached = calendarFromDays(rows)
    }
    return this.cached
  }

  /**
   * Replaces every year present in the file with the file's days, in one transaction. Existing
   * deadlines are not recomputed: they were set by the calendar in force when registered.
   */
  async import({ days }: ApiParsedInput<'calendar.import'>, ctx: CallContext): Promise<CalendarImportResult> {
    const issues = days.flatMap((day, index) => {
      const weekend = [0, 6].includes(weekday(day.date))
      if (day.kind === 'working_weekend' && !weekend)
        return [
          {
            path: ['days', index, 'kind'],
            messageKey: 'validation.workingWeekendNotWeekend',
            params: { date: day.date },
          },
        ]
      return []
    })
    const dates = days.map((d) => d.date)
    const duplicate = dates.find((d, i) => dates.indexOf(d) !== i)
    if (duplicate)
      issues.push({ path: ['days'], messageKey: 'validation.calendarDuplicate', params: { date: duplicate } })
    if (issues.length > 0) throw new DomainError('validation', 'errors.validation', issues)

    const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort()
    await this.db.transaction(async (manager) => {
      const repo = manager.getRepository(CalendarDayEntity)
      for (const year of years) await repo.delete({ date: Between(`${year}-01-01`, `${year}-12-31`) })
      await repo.insert(days)
      await recordAudit(manager, ctx, [
        {
          entity: 'calendar',
          entityId: years.join(','),
          action: 'import',
          field: null,
          oldValue: null,
          newValue: JSON.stringify({ days: days.length }),
        },
      ])
    })
    this.cached = null
    return { years, days: days.length }
  }
}
