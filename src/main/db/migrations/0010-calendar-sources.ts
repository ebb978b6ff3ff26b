import { TableColumn, type QueryRunner } from 'typeorm'
import { insertDays, PREVIOUS_DEFAULTS, SHIPPED_DAYS } from './0010-data/calendar'
import type { Migration } from './types'

/**
 * The calendar with its sources, 2021-2028. Each day now says which act makes it so, whether
 * that could be checked, and where the row came from: shipped with the program or entered by
 * the office. A row exactly as migration 0002 seeded it (same date, kind and note) is the
 * shipped default; any other row the office imported itself. The shipped defaults give way to
 * the shipped days of 2021-2028, except on a date the office set: the office's days are kept
 * as they are, whatever the year. (A year an office imported under the old import, which
 * replaced the whole year, gets back the holidays that import wiped; a date it set stays.)
 * Self-contained: its data is in 0010-data/, frozen with it.
 */
export const calendarSources: Migration = {
  version: 10,
  name: 'calendar-sources',
  async up(qr: QueryRunner) {
    await qr.addColumns('calendar_days', [
      new TableColumn({ name: 'source', type: 'text', default: "''" }),
      new TableColumn({ name: 'origin', type: 'varchar', length: '16', default: "'office'" }),
      new TableColumn({ name: 'confirmed', type: 'boolean', default: true }),
    ])

    const driver = qr.connection.driver
    const p = (i: number) => driver.createParameter(`p${i}`, i)
    for (const day of PREVIOUS_DEFAULTS)
      await qr.query(
        `UPDATE calendar_days SET origin = 'shipped' WHERE date = ${p(0)} AND kind = ${p(1)} AND note = ${p(2)}`,
        [day.date, day.kind, day.note],
      )

    const officeRows: { date: string }[] = await qr.query("SELECT date FROM calendar_days WHERE origin = 'office'")
    const officeDates = new Set(officeRows.map((row) => String(row.date)))
    await qr.query("DELETE FROM calendar_days WHERE origin = 'shipped'")
    await insertDays(
      qr,
      SHIPPED_DAYS.filter((day) => !officeDates.has(day.date)),
    )
  },
}
