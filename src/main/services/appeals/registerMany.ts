import type { EntityManager } from 'typeorm'
import { reviewDueDate, type AppealOutcome } from '@shared/domain/appeal'
import type { WorkingCalendar } from '@shared/domain/calendar'
import type { IsoDate } from '@shared/domain/dates'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { checkReferences } from './references'
import {
  insertAppealRows,
  newAppealRow,
  registrationAudit,
  registrationTerms,
  reserveRegNumbers,
  type NewAppeal,
  type NewAppealRow,
} from './register'

/** Rows per INSERT: ~40 columns each, well under SQLite's limit of bound parameters. */
const CHUNK = 200

export interface RegisteredAppeal {
  id: number
  regNumber: string
  registeredOn: string
  status: string
}

/**
 * How an appeal of an office's old register stood when it is brought in: the register's own
 * registration date (null: the calendar's, as for any appeal), and its status with the answer
 * when it was answered. The deadline is the statutory one counted from that date, so an old
 * answered appeal is stored on time or late by its own dates, and an old open one keeps its
 * real deadline.
 */
export interface EarlierState {
  registeredOn: IsoDate | null
  status: 'registered' | 'in_progress' | 'answered'
  answer: { outcome: AppealOutcome; answeredOn: IsoDate; answerText: string | null } | null
}

/** The registration date and deadline of an appeal: the register's own date when it has one, else the calendar's. */
export function earlierTerms(
  calendar: WorkingCalendar,
  receivedAt: string,
  registeredOn: IsoDate | null,
): { registeredOn: IsoDate; dueOn: IsoDate } {
  if (registeredOn === null) return registrationTerms(calendar, receivedAt)
  return { registeredOn, dueOn: reviewDueDate(calendar, registeredOn) }
}

export interface RegisterManyOptions {
  /** How each appeal stood before (imports of old registers); absent: registered now, like any other. */
  earlier?: (index: number) => EarlierState | null
  /** Where a reference problem of appeal i is reported, e.g. ['rows', 17]. */
  issuePath?: (index: number) => (string | number)[]
  /** Called after each chunk with the number registered so far (may yield to the event loop). */
  afterChunk?: (done: number) => Promise<void> | void
}

/**
 * Registers many appeals inside the caller's transaction, exactly as `registerAppeal` does one
 * (the same row, numbering, registration date, deadline, search text and audit entry: see
 * register.ts), but in chunks: references are checked once per distinct set, each year's
 * numbers are reserved at once, rows and audit entries are inserted many per statement.
 * Numbers follow the order of `appeals`; `options.earlier` gives an imported appeal its
 * register's registration date, status and answer. One registration at a time costs ~3 ms through the
 * ORM; a 10,000-row register would take half a minute.
 */
export async function registerAppeals(
  manager: EntityManager,
  calendar: WorkingCalendar,
  appeals: NewAppeal[],
  ctx: CallContext,
  options: RegisterManyOptions = {},
): Promise<RegisteredAppeal[]> {
  const checked = new Set<string>()
  for (const [i, appeal] of appeals.entries()) {
    const refs = {
      sectorId: appeal.sectorId,
      localityId: appeal.localityId,
      meetingId: appeal.meetingId,
      executorId: appeal.executorId,
      repeatedOfId: appeal.repeatedOfId,
    }
    const key = JSON.stringify(refs)
    if (checked.has(key)) continue
    await checkReferences(manager, refs, { pathPrefix: options.issuePath?.(i) })
    checked.add(key)
  }

  const termsAt = new Map<string, ReturnType<typeof registrationTerms>>()
  const terms = appeals.map((appeal, i) => {
    const registeredOn = options.earlier?.(i)?.registeredOn
    if (registeredOn) return earlierTerms(calendar, appeal.receivedAt, registeredOn)
    const known = termsAt.get(appeal.receivedAt) ?? registrationTerms(calendar, appeal.receivedAt)
    termsAt.set(appeal.receivedAt, known)
    return known
  })
  const numbers = await reserveNumbers(
    manager,
    terms.map((t) => Number(t.registeredOn.slice(0, 4))),
  )
  const now = new Date().toISOString()

  const registered: RegisteredAppeal[] = []
  for (let start = 0; start < appeals.length; start += CHUNK) {
    const rows: NewAppealRow[] = []
    for (let i = start; i < Math.min(start + CHUNK, appeals.length); i++) {
      const row = newAppealRow(appeals[i]!, terms[i]!, numbers[i]!, ctx, now)
      const earlier = options.earlier?.(i)
      // an appeal closed as it is registered (anonymous) stays closed whatever the register said
      if (earlier && row.status === 'registered') {
        row.status = earlier.status
        if (earlier.answer) Object.assign(row, earlier.answer)
      }
      rows.push(row)
    }
    const idOf = await insertAppealRows(manager, rows)
    const chunk = rows.map((row) => ({
      id: idOf.get(row.regNumber)!,
      regNumber: row.regNumber,
      registeredOn: row.registeredOn,
      status: row.status,
    }))
    await recordAudit(
      manager,
      ctx,
      rows.map((row, i) => registrationAudit(chunk[i]!.id, row)),
    )
    registered.push(...chunk)
    await options.afterChunk?.(registered.length)
  }
  return registered
}

/** A number for each appeal, in order, from each registration year's counter. */
async function reserveNumbers(manager: EntityManager, years: number[]): Promise<string[]> {
  const perYear = new Map<number, number>()
  for (const year of years) perYear.set(year, (perYear.get(year) ?? 0) + 1)
  const reserved = new Map<number, string[]>()
  for (const [year, count] of perYear) reserved.set(year, await reserveRegNumbers(manager, year, count))
  const next = new Map<number, number>()
  return years.map((year) => {
    const i = next.get(year) ?? 0
    next.set(year, i + 1)
    return reserved.get(year)![i]!
  })
}
