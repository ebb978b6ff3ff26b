import type { EntityManager } from 'typeorm'
import type { WorkingCalendar } from '@shared/domain/calendar'
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
}

export interface RegisterManyOptions {
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
 * Numbers follow the order of `appeals`. One registration at a time costs ~3 ms through the
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
    await checkReferences(manager, refs, options.issuePath?.(i) ?? [])
    checked.add(key)
  }

  const termsAt = new Map<string, ReturnType<typeof registrationTerms>>()
  const terms = appeals.map((appeal) => {
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
    for (let i = start; i < Math.min(start + CHUNK, appeals.length); i++)
      rows.push(newAppealRow(appeals[i]!, terms[i]!, numbers[i]!, ctx, now))
    const idOf = await insertAppealRows(manager, rows)
    const chunk = rows.map((row) => ({
      id: idOf.get(row.regNumber)!,
      regNumber: row.regNumber,
      registeredOn: row.registeredOn,
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
