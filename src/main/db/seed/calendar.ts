import type { CalendarDay, CalendarDayKind } from '@shared/domain/calendar'
import kz2021 from '../../../../resources/calendar/kz-2021.json'
import kz2022 from '../../../../resources/calendar/kz-2022.json'
import kz2023 from '../../../../resources/calendar/kz-2023.json'
import kz2024 from '../../../../resources/calendar/kz-2024.json'
import kz2025 from '../../../../resources/calendar/kz-2025.json'
import kz2026 from '../../../../resources/calendar/kz-2026.json'
import kz2027 from '../../../../resources/calendar/kz-2027.json'
import kz2028 from '../../../../resources/calendar/kz-2028.json'

/** One year's file in resources/calendar: the year, where its days come from, and the days. */
export interface CalendarYearFile {
  year: number
  about: string
  days: { date: string; kind: string; note: string; source: string; confirmed?: boolean }[]
}

/**
 * The calendar shipped with the program, one file per year (2021, when the APPK came into
 * force, to 2028), each day with its source. Migration 0010 brings a database up to these
 * files; an office adds later years and corrections itself (Settings), without a release.
 */
export const SHIPPED_CALENDAR_FILES: readonly CalendarYearFile[] = [
  kz2021,
  kz2022,
  kz2023,
  kz2024,
  kz2025,
  kz2026,
  kz2027,
  kz2028,
]

/** The shipped days of every year, with `confirmed` spelled out (a file only marks the doubtful ones). */
export function shippedDays(files: readonly CalendarYearFile[] = SHIPPED_CALENDAR_FILES): CalendarDay[] {
  return files.flatMap((file) =>
    file.days.map((d) => ({
      date: d.date,
      kind: d.kind as CalendarDayKind,
      note: d.note,
      source: d.source,
      confirmed: d.confirmed ?? true,
    })),
  )
}
