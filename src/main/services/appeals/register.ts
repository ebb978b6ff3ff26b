import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { Applicant } from '@shared/api/contract'
import type { AppealChannel, AppealType } from '@shared/domain/appeal'
import { anonymousClosing, registrationDate, reviewDueDate } from '@shared/domain/appeal'
import type { WorkingCalendar } from '@shared/domain/calendar'
import { appealSearchColumns } from '@shared/domain/search'
import { AppealEntity, type AppealRow } from '../../db/entities'
import { createdEntry, lockHistory, recordAudit, type AuditChange, type RecordedAudit } from '../audit'
import type { CallContext } from '../context'
import { applicantToColumns } from './mapping'
import { checkReferences, type ReferenceFacts } from './references'

export interface NewAppeal {
  receivedAt: string
  channel: AppealChannel
  externalNumber: string | null
  appealType: AppealType
  sectorId: number
  localityId: number | null
  meetingId: number | null
  applicant: Applicant
  collective: boolean
  signatories: number | null
  summary: string
  executorId: number | null
  repeatedOfId: number | null
  /** An anonymous appeal reporting a crime or a threat: the body it goes to at once. */
  crimeReportTo?: string | null
}

/**
 * The next `count` registration numbers of a year: YYYY-NNNNNN from a per-year counter that
 * only goes up, so a number is never given twice. One statement inside the caller's
 * transaction: the year's row is created or moved on, and says where it got to. On SQLite
 * calls run one at a time; on PostgreSQL the upsert locks the year's row until the commit, so a
 * concurrent registration waits for it and then reads the number after, and a rolled-back
 * registration gives its number back: numbers stay gap-free.
 *
 * The history is taken first (lockHistory, db/dialect.ts: the order of locks): a registration
 * writes its entry before it commits anyway, and one that held the year's row while it waited
 * for the history made every registration behind it wait for the other writes too, a queue
 * behind a queue (measured under thirty desks on the server: most of a registration's time).
 */
export async function reserveRegNumbers(manager: EntityManager, year: number, count: number): Promise<string[]> {
  // numbers in the text: the statement goes with the history lock's, which takes no parameters
  if (!Number.isInteger(year) || !Number.isInteger(count)) throw new Error(`not a year and a count: ${year}, ${count}`)
  const { next: rows } = await lockHistory(
    manager,
    `INSERT INTO appeal_counters (year, last_number) VALUES (${year}, ${count})
     ON CONFLICT (year) DO UPDATE SET last_number = appeal_counters.last_number + excluded.last_number
     RETURNING last_number`,
  )
  const last = Number((rows as { last_number: number }[])[0]!.last_number)
  const first = last - count + 1
  return Array.from({ length: count }, (_, i) => `${year}-${String(first + i).padStart(6, '0')}`)
}

/** The terms last computed, per calendar (a calendar is replaced, never changed, when its days or the office hours change). */
const termsMemo = new WeakMap<WorkingCalendar, Map<string, { registeredOn: string; dueOn: string }>>()
const TERMS_MEMO_SIZE = 512

/**
 * The registration date (the next working day when received after hours or on a day off) and
 * the 15-working-day deadline. They depend on the calendar, the day and whether the time is
 * within office hours, so they are remembered by those (a deadline walks some twenty days).
 */
export function registrationTerms(
  calendar: WorkingCalendar,
  receivedAt: string,
): { registeredOn: string; dueOn: string } {
  const [receivedDate, receivedTime] = receivedAt.split('T') as [string, string]
  const key = `${receivedDate}${receivedTime < calendar.hours.closesAt ? '' : '+'}`
  let memo = termsMemo.get(calendar)
  if (!memo) termsMemo.set(calendar, (memo = new Map()))
  const known = memo.get(key)
  if (known) return known
  const registeredOn = registrationDate(calendar, receivedDate, receivedTime)
  const terms = Object.freeze({ registeredOn, dueOn: reviewDueDate(calendar, registeredOn) })
  if (memo.size >= TERMS_MEMO_SIZE) memo.clear()
  memo.set(key, terms)
  return terms
}

/** The columns of a new appeal's row (the id comes from the database; a consolidated record's origin stays empty). */
export type NewAppealRow = Omit<
  AppealRow,
  'id' | 'originOfficeUuid' | 'importedVersion' | 'originRegNumber' | 'originExecutorName' | 'version'
>

/**
 * The row of a newly registered appeal, as every way of registering writes it. Every column
 * is named, with null for what is not there (an absent optional field too), so each row has
 * the same columns and the INSERT the same text.
 */
export function newAppealRow(
  appeal: NewAppeal,
  terms: { registeredOn: string; dueOn: string },
  regNumber: string,
  ctx: CallContext,
  now: string,
): NewAppealRow {
  const applicant = applicantToColumns(appeal.applicant)
  // An anonymous appeal is closed as it is registered: no term runs from that day.
  const closing = anonymousClosing(applicant.applicantKind, appeal.crimeReportTo ?? null, terms.registeredOn)
  // One literal, no spreads: V8 builds a ~40-property literal after two spreads ~30 times
  // slower (0.5 ms a row, measured), which a 10,000-row import feels.
  return {
    uuid: randomUUID(),
    regNumber,
    receivedAt: appeal.receivedAt,
    registeredOn: terms.registeredOn,
    channel: appeal.channel,
    appealType: appeal.appealType,
    sectorId: appeal.sectorId,
    localityId: appeal.localityId ?? null,
    meetingId: appeal.meetingId ?? null,
    applicantKind: applicant.applicantKind,
    applicantName: applicant.applicantName,
    applicantIdNumber: applicant.applicantIdNumber,
    summary: appeal.summary,
    status: closing?.status ?? 'registered',
    dueOn: closing ? terms.registeredOn : terms.dueOn,
    reviewDueOn: closing ? null : terms.dueOn,
    externalNumber: appeal.externalNumber ?? null,
    applicantSurname: applicant.applicantSurname,
    applicantFirstName: applicant.applicantFirstName,
    applicantPatronymic: applicant.applicantPatronymic,
    applicantPhone: applicant.applicantPhone,
    applicantAddress: applicant.applicantAddress,
    collective: appeal.collective,
    signatories: appeal.collective ? (appeal.signatories ?? null) : null,
    executorId: appeal.executorId ?? null,
    acceptedById: ctx.operatorId ?? null,
    outcome: null,
    answerText: null,
    answeredOn: null,
    answerOutgoingNumber: null,
    answerOutgoingOn: null,
    answerSignatoryId: null,
    answerSignatoryName: null,
    answerDelivery: null,
    closingReason: closing?.closingReason ?? null,
    extensionReason: null,
    extensionDecidedOn: null,
    extensionNotifiedOn: null,
    noticeDueOn: null,
    redirectedTo: closing?.redirectedTo ?? null,
    redirectedOn: closing?.redirectedOn ?? null,
    // A crime or threat report is redirected at once, the day it is registered: due that day.
    redirectDueOn: closing?.redirectedOn ?? null,
    repeated: (appeal.repeatedOfId ?? null) !== null,
    repeatedOfId: appeal.repeatedOfId ?? null,
    ...appealSearchColumns({
      regNumber,
      externalNumber: appeal.externalNumber ?? null,
      summary: appeal.summary,
      ...applicant,
    }),
    createdAt: now,
    updatedAt: now,
  }
}

/** The full row of an appeal just inserted, as it now stands in the database. */
export function insertedRow(id: number, row: NewAppealRow): AppealRow {
  return Object.assign(
    { id, originOfficeUuid: null, importedVersion: null, originRegNumber: null, originExecutorName: null, version: 1 },
    row,
  )
}

/**
 * One INSERT of new appeal rows, with the driver's own column names, value conversion and
 * parameter syntax (the ORM's save and insert builder cost more than SQLite's work: a save
 * re-reads the row for its defaults, and the builder's time grows with the square of the
 * parameters). Returns the ids given, by number (RETURNING's order is not guaranteed).
 */
export async function insertAppealRows(manager: EntityManager, rows: NewAppealRow[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  const first = rows[0]
  if (!first) return ids
  const metadata = manager.connection.getMetadata(AppealEntity)
  const driver = manager.connection.driver
  const columns = metadata.columns.filter((c) => !c.isGenerated && Object.hasOwn(first, c.propertyName))
  const params: unknown[] = []
  const tuples = rows.map((row) => {
    const placeholders = columns.map((column) => {
      params.push(
        driver.preparePersistentValue((row as unknown as Record<string, unknown>)[column.propertyName], column),
      )
      return driver.createParameter(`p${params.length}`, params.length - 1)
    })
    return `(${placeholders.join(', ')})`
  })
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ')
  const returned: { id: number; reg_number: string }[] = await manager.query(
    `INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES ${tuples.join(', ')} RETURNING id, reg_number`,
    params,
  )
  for (const r of returned) ids.set(r.reg_number, Number(r.id))
  return ids
}

/**
 * The audit entry of a registration: its number, dates, status (with why, when closed at once;
 * with the outcome and answer date, when an old register's appeal arrives answered) and summary.
 */
export function registrationAudit(
  id: number,
  row: Pick<
    AppealRow,
    | 'regNumber'
    | 'registeredOn'
    | 'dueOn'
    | 'status'
    | 'closingReason'
    | 'redirectedTo'
    | 'summary'
    | 'outcome'
    | 'answeredOn'
  >,
): AuditChange {
  const { regNumber, registeredOn, dueOn, status, closingReason, redirectedTo, summary } = row
  const closed =
    status === 'registered' || status === 'in_progress'
      ? {}
      : status === 'answered'
        ? { outcome: row.outcome, answeredOn: row.answeredOn }
        : { closingReason, redirectedTo }
  return createdEntry('appeal', id, { regNumber, registeredOn, dueOn, status, ...closed, summary })
}

/** A registration as written: the row, what its references are, and its audit entry. */
export interface Registration {
  row: AppealRow
  references: ReferenceFacts
  audit: RecordedAudit
}

/**
 * Registers an appeal inside the caller's transaction: checks its references, gives it the
 * registration date (the next working day when received after hours or on a day off), its
 * number, its 15-working-day deadline, and writes the audit entry with it. Five statements:
 * the references (one look-up), the counter, the row (its full-text entry by trigger), the
 * audit chain's tail and the entry.
 */
export async function register(
  manager: EntityManager,
  calendar: WorkingCalendar,
  appeal: NewAppeal,
  ctx: CallContext,
  issuePath: (string | number)[] = [],
): Promise<Registration> {
  const references = await checkReferences(manager, appeal, {
    pathPrefix: issuePath,
    acceptedById: ctx.operatorId ?? null,
  })
  const terms = registrationTerms(calendar, appeal.receivedAt)
  const [regNumber] = await reserveRegNumbers(manager, Number(terms.registeredOn.slice(0, 4)), 1)
  const fields = newAppealRow(appeal, terms, regNumber!, ctx, new Date().toISOString())
  const id = (await insertAppealRows(manager, [fields])).get(fields.regNumber)!
  const row = insertedRow(id, fields)
  const [audit] = await recordAudit(manager, ctx, [registrationAudit(id, row)])
  return { row, references, audit: audit! }
}

/** `register`, for callers that need the row only (meetings' questions, the sample district). */
export async function registerAppeal(
  manager: EntityManager,
  calendar: WorkingCalendar,
  appeal: NewAppeal,
  ctx: CallContext,
  issuePath: (string | number)[] = [],
): Promise<AppealRow> {
  return (await register(manager, calendar, appeal, ctx, issuePath)).row
}
