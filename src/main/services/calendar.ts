import type { DataSource, EntityManager } from 'typeorm'
import { Between, In } from 'typeorm'
import { DomainError, type FieldIssue } from '@shared/api/errors'
import type {
  ApiParsedInput,
  CalendarDay,
  CalendarEditResult,
  CalendarFile,
  CalendarImportResult,
  CalendarOverview,
  CalendarYearWarning,
  KeptCalendarDay,
  OfficeHours,
} from '@shared/api/contract'
import { calendarFromDays, DEFAULT_OFFICE_HOURS, yearOf, type WorkingCalendar } from '@shared/domain/calendar'
import { localNow, weekday } from '@shared/domain/dates'
import { missingHolidays } from '@shared/domain/holidays'
import { CalendarDayEntity, type CalendarDayRow } from '../db/entities'
import { fieldChanges, recordAudit, type AuditChange } from './audit'
import type { CallContext, Clock } from './context'
import type { SettingsStore } from './settingsStore'
import { transaction } from '../db/transaction'

const HOURS_KEY = 'officeHours'

const yearRange = (year: number) => Between(`${year}-01-01`, `${year}-12-31`)

const keptDay = ({ date, kind, note, source, origin, confirmed }: CalendarDayRow): KeptCalendarDay => ({
  date,
  kind,
  note,
  source,
  confirmed: Boolean(confirmed),
  origin,
})

/** The day as written in the history: its content, without where it came from. */
const dayValue = ({ date, kind, note, source, confirmed }: CalendarDay) =>
  JSON.stringify({ date, kind, note, source, confirmed: Boolean(confirmed) })

const sameDay = (a: CalendarDay, b: CalendarDay) => dayValue(a) === dayValue(b)

/** A working weekend day must be a Saturday or Sunday: a weekday is working anyway. */
function weekendIssue(day: CalendarDay, path: (string | number)[]): FieldIssue[] {
  if (day.kind !== 'working_weekend' || [0, 6].includes(weekday(day.date))) return []
  return [{ path: [...path, 'kind'], messageKey: 'validation.workingWeekendNotWeekend', params: { date: day.date } }]
}

/**
 * The working-day calendar as the office keeps it: shipped for 2021-2028 with each day's source
 * (migration 0010), kept up to date by the office itself, day by day on screen or by importing
 * a file (a transfer order, a later year). Nothing is ever replaced wholesale: an import merges
 * its dates in, an edit touches its one date, and both leave the rest of the year as it was.
 * Deadlines already set are not recomputed: they were set by the calendar in force then.
 */
export class CalendarService {
  private cached: WorkingCalendar | null = null

  constructor(
    private readonly db: DataSource,
    private readonly settings: SettingsStore,
    private readonly clock: Clock,
  ) {}

  async list({ year }: { year: number }): Promise<KeptCalendarDay[]> {
    const rows = await this.db
      .getRepository(CalendarDayEntity)
      .find({ where: { date: yearRange(year) }, order: { date: 'ASC' } })
    return rows.map(keptDay)
  }

  /** The whole calendar and the office hours, for registrations and deadlines; read once, refreshed after a change. */
  async load(): Promise<WorkingCalendar> {
    if (!this.cached) {
      const rows = await this.db.getRepository(CalendarDayEntity).find()
      this.cached = calendarFromDays(rows, await this.hours())
    }
    return this.cached
  }

  /** Adds the file's days and replaces the days of the same dates, in one transaction; every other day stays. */
  async import({ days }: ApiParsedInput<'calendar.import'>, ctx: CallContext): Promise<CalendarImportResult> {
    const issues = days.flatMap((day, index) => weekendIssue(day, ['days', index]))
    const dates = days.map((d) => d.date)
    const duplicate = dates.find((d, i) => dates.indexOf(d) !== i)
    if (duplicate)
      issues.push({ path: ['days'], messageKey: 'validation.calendarDuplicate', params: { date: duplicate } })
    if (issues.length > 0) throw new DomainError('validation', 'errors.validation', issues)

    const years = [...new Set(days.map((d) => yearOf(d.date)))].sort()
    const result = await transaction(this.db, async (manager) => {
      const repo = manager.getRepository(CalendarDayEntity)
      const before = new Map((await repo.findBy({ date: In(dates) })).map((row) => [row.date, row]))
      const changes: AuditChange[] = []
      const written: CalendarDayRow[] = []
      for (const day of days) {
        const old = before.get(day.date)
        if (old && sameDay(keptDay(old), day)) continue
        written.push({ ...day, origin: 'office' })
        changes.push(dayChange(day.date, 'import', old ?? null, day, null))
      }
      if (written.length > 0) await repo.save(written, { chunk: 200 })
      await recordAudit(manager, ctx, changes)
      const added = written.filter((d) => !before.has(d.date)).length
      return { added, replaced: written.length - added, warnings: await this.warnings(manager, years) }
    })
    this.cached = null
    return { years, days: days.length, ...result }
  }

  /** Adds a day or changes the one on its date, with the reason in the history. */
  async saveDay(input: ApiParsedInput<'calendar.saveDay'>, ctx: CallContext): Promise<CalendarEditResult> {
    const { reason, ...day } = input
    const issues = weekendIssue(day, [])
    if (issues.length > 0) throw new DomainError('validation', 'errors.validation', issues)
    const result = await transaction(this.db, async (manager) => {
      const repo = manager.getRepository(CalendarDayEntity)
      const old = await repo.findOneBy({ date: day.date })
      const row: CalendarDayRow = { ...day, origin: 'office' }
      if (!old || !sameDay(keptDay(old), day)) {
        await repo.save(row)
        await recordAudit(manager, ctx, [dayChange(day.date, old ? 'update' : 'create', old, day, reason)])
      } else return { day: keptDay(old), warning: await this.warning(manager, yearOf(day.date)) }
      return { day: keptDay(row), warning: await this.warning(manager, yearOf(day.date)) }
    })
    this.cached = null
    return result
  }

  /** Removes one day (it becomes an ordinary day of its weekday), with the reason in the history. */
  async removeDay(
    { date, reason }: ApiParsedInput<'calendar.removeDay'>,
    ctx: CallContext,
  ): Promise<CalendarEditResult> {
    const result = await transaction(this.db, async (manager) => {
      const repo = manager.getRepository(CalendarDayEntity)
      const old = await repo.findOneBy({ date })
      if (!old)
        throw new DomainError('not_found', 'errors.calendarDayNotFound', [
          { path: ['date'], messageKey: 'errors.calendarDayNotFound', params: { date } },
        ])
      await repo.delete({ date })
      await recordAudit(manager, ctx, [dayChange(date, 'delete', old, null, reason)])
      return { day: null, warning: await this.warning(manager, yearOf(date)) }
    })
    this.cached = null
    return result
  }

  /** A year's days as a file that `import` takes back (the same shape as the shipped files). */
  async export({ year }: { year: number }): Promise<CalendarFile> {
    const days = (await this.list({ year })).map(({ origin: _origin, ...day }) => day)
    return {
      year,
      about: `Akimat Desk: the working-day calendar of ${year} as this office keeps it (${days.length} days), exported ${localNow(this.clock()).date}.`,
      days,
    }
  }

  /** The years held, with what each lacks; and this year or the next when missing altogether. */
  async overview(): Promise<CalendarOverview> {
    const rows = await this.db.getRepository(CalendarDayEntity).find({ order: { date: 'ASC' } })
    const byYear = new Map<number, CalendarDayRow[]>()
    for (const row of rows) byYear.set(yearOf(row.date), [...(byYear.get(yearOf(row.date)) ?? []), row])
    const thisYear = yearOf(localNow(this.clock()).date)
    return {
      years: [...byYear].map(([year, days]) => ({
        year,
        days: days.length,
        officeDays: days.filter((d) => d.origin === 'office').length,
        unconfirmed: days.filter((d) => !d.confirmed).length,
        missing: missingHolidays(year, days),
      })),
      missingYears: [thisYear, thisYear + 1].filter((year) => !byYear.has(year)),
    }
  }

  async hours(): Promise<OfficeHours> {
    return { ...DEFAULT_OFFICE_HOURS, ...(await this.settings.get<Partial<OfficeHours>>(HOURS_KEY)) }
  }

  /** Office hours decide registration dates from now on; dates already given stay. */
  async setHours(input: ApiParsedInput<'calendar.setHours'>, ctx: CallContext): Promise<OfficeHours> {
    const before = await this.hours()
    await transaction(this.db, async (manager) => {
      await this.settings.set(HOURS_KEY, input, manager)
      await recordAudit(
        manager,
        ctx,
        fieldChanges('office_hours', 'office', before, input, ['opensAt', 'closesAt', 'saturdayWork']),
      )
    })
    this.cached = null
    return input
  }

  private async warning(manager: EntityManager, year: number): Promise<CalendarYearWarning | null> {
    return (await this.warnings(manager, [year]))[0] ?? null
  }

  /** The years among `years` whose days now leave out fixed-date statutory holidays. */
  private async warnings(manager: EntityManager, years: number[]): Promise<CalendarYearWarning[]> {
    const out: CalendarYearWarning[] = []
    for (const year of years) {
      const days = await manager.getRepository(CalendarDayEntity).findBy({ date: yearRange(year) })
      const missing = missingHolidays(year, days)
      if (missing.length > 0) out.push({ year, missing })
    }
    return out
  }
}

/** One date's change in the history: the day before and after, and the reason given on screen (none for an import). */
function dayChange(
  date: string,
  action: AuditChange['action'],
  before: CalendarDay | null,
  after: CalendarDay | null,
  reason: string | null,
): AuditChange {
  const why = reason === null ? {} : { reason }
  return {
    entity: 'calendar',
    entityId: date,
    action,
    field: null,
    oldValue: before ? dayValue(before) : null,
    newValue: JSON.stringify(after ? { ...(JSON.parse(dayValue(after)) as object), ...why } : why),
  }
}
