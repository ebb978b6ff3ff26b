import { TableColumn, type QueryRunner } from 'typeorm'
import type { Migration } from './types'

/**
 * The two 3-working-day terms of the APPK kept as dates when they arise, no longer computed on
 * read from whatever calendar is in force that day: `notice_due_on`, by when the applicant must
 * be told of an extension (3 working days after the head's decision), and `redirect_due_on`,
 * by when an appeal outside the office's competence goes to the right body (3 working days
 * after registration). The applicant told is the existing `extension_notified_on`.
 *
 * Existing rows get them from what they hold: an extended appeal from its decision date, a
 * redirected one from its registration date, counted on the calendar rows in the database now.
 * The arithmetic is copied here (migrations are frozen): a weekday is working unless listed as
 * a day off, a Saturday or Sunday is off unless listed as a working weekend.
 */
export const noticeAndRedirectDue: Migration = {
  version: 13,
  name: 'notice-and-redirect-due',
  async up(qr: QueryRunner) {
    await qr.addColumns('appeals', [
      new TableColumn({ name: 'notice_due_on', type: 'date', isNullable: true }),
      new TableColumn({ name: 'redirect_due_on', type: 'date', isNullable: true }),
    ])
    const days: { date: string; kind: string }[] = await qr.query('SELECT date, kind FROM calendar_days')
    const working = new Set(days.filter((d) => d.kind === 'working_weekend').map((d) => String(d.date)))
    const off = new Set(days.filter((d) => d.kind !== 'working_weekend').map((d) => String(d.date)))
    const isWorking = (date: string) => {
      if (working.has(date)) return true
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
      return weekday !== 0 && weekday !== 6 && !off.has(date)
    }
    const threeWorkingDaysAfter = (date: string) => {
      const d = new Date(`${date}T00:00:00Z`)
      let left = 3
      while (left > 0) {
        d.setUTCDate(d.getUTCDate() + 1)
        if (isWorking(d.toISOString().slice(0, 10))) left -= 1
      }
      return d.toISOString().slice(0, 10)
    }
    const update = async (column: string, id: number, value: string) => {
      // The driver writes the parameters its own way (? on SQLite, $1 on PostgreSQL).
      const [sql, parameters] = qr.connection.driver.escapeQueryWithParameters(
        `UPDATE appeals SET ${column} = :value WHERE id = :id`,
        { value, id },
        {},
      )
      await qr.query(sql, parameters)
    }
    const extended: { id: number; decided: string }[] = await qr.query(
      'SELECT id, extension_decided_on AS decided FROM appeals WHERE extension_decided_on IS NOT NULL',
    )
    for (const row of extended)
      await update('notice_due_on', Number(row.id), threeWorkingDaysAfter(String(row.decided)))
    const redirected: { id: number; registered: string }[] = await qr.query(
      'SELECT id, registered_on AS registered FROM appeals WHERE redirected_on IS NOT NULL',
    )
    for (const row of redirected)
      await update('redirect_due_on', Number(row.id), threeWorkingDaysAfter(String(row.registered)))
  },
}
