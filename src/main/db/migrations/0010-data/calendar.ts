import type { QueryRunner } from 'typeorm'
import previous from './previous-kz-2025-2027.json'
import kz2021 from './kz-2021.json'
import kz2022 from './kz-2022.json'
import kz2023 from './kz-2023.json'
import kz2024 from './kz-2024.json'
import kz2025 from './kz-2025.json'
import kz2026 from './kz-2026.json'
import kz2027 from './kz-2027.json'
import kz2028 from './kz-2028.json'

/**
 * What migration 0010 needs, frozen with it: the calendar files of 2021-2028 as shipped with it
 * (copies of resources/calendar/kz-YYYY.json at that version; a later correction of those files
 * reaches databases through a new migration), and the 2025-2027 defaults migration 0002 seeded,
 * to tell them from the days an office entered.
 */
export const PREVIOUS_DEFAULTS: readonly { date: string; kind: string; note: string }[] = previous.days

interface FileDay {
  date: string
  kind: string
  note: string
  source: string
  confirmed?: boolean
}

export const SHIPPED_DAYS: readonly Required<FileDay>[] = [
  kz2021,
  kz2022,
  kz2023,
  kz2024,
  kz2025,
  kz2026,
  kz2027,
  kz2028,
].flatMap((file) => (file.days as FileDay[]).map((day) => ({ ...day, confirmed: day.confirmed ?? true })))

/** One INSERT per day with the driver's placeholders; booleans as 0/1 on SQLite. */
export async function insertDays(qr: QueryRunner, days: readonly Required<FileDay>[]): Promise<void> {
  const driver = qr.connection.driver
  const sqlite = qr.connection.options.type !== 'postgres'
  const columns = ['date', 'kind', 'note', 'source', 'confirmed', 'origin']
  const sql =
    `INSERT INTO calendar_days (${columns.map((c) => driver.escape(c)).join(', ')}) ` +
    `VALUES (${columns.map((c, i) => driver.createParameter(c, i)).join(', ')})`
  for (const day of days)
    await qr.query(sql, [
      day.date,
      day.kind,
      day.note,
      day.source,
      sqlite ? Number(day.confirmed) : day.confirmed,
      'shipped',
    ])
}
