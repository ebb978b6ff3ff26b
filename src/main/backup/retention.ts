/**
 * Which automatic backups to keep: the newest of each of the last 7 days that have one, of
 * each of the last 4 ISO weeks, and of each of the last 12 months ("grandfather-father-son").
 * Pure, so it is tested on lists of dates rather than files.
 */
export interface Dated {
  name: string
  /** When it was made, ISO-8601. */
  at: string
}

export const RETENTION = { daily: 7, weekly: 4, monthly: 12 } as const

export function backupsToKeep<T extends Dated>(backups: readonly T[]): Set<T> {
  const newestFirst = [...backups].sort((a, b) => b.at.localeCompare(a.at))
  const keep = new Set<T>()
  const pick = (period: (at: string) => string, count: number) => {
    const seen = new Set<string>()
    for (const backup of newestFirst) {
      const key = period(backup.at)
      if (seen.has(key)) continue
      seen.add(key)
      if (seen.size > count) break
      keep.add(backup)
    }
  }
  pick((at) => at.slice(0, 10), RETENTION.daily)
  pick(isoWeek, RETENTION.weekly)
  pick((at) => at.slice(0, 7), RETENTION.monthly)
  return keep
}

/** ISO week of a date, as 'YYYY-Www' (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(at: string): string {
  const date = new Date(`${at.slice(0, 10)}T00:00:00Z`)
  const day = (date.getUTCDay() + 6) % 7 // Monday = 0
  date.setUTCDate(date.getUTCDate() - day + 3) // the Thursday of this week
  const year = date.getUTCFullYear() // the Thursday's year is the week's year
  const week = 1 + Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000))
  return `${year}-W${String(week).padStart(2, '0')}`
}
