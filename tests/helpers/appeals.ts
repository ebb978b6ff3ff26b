import { join } from 'node:path'
import type { ApiInput, ApiOutput, Appeal, Applicant, ApplicantInput } from '@shared/api/contract'
import type { ApiError, ApiResult } from '@shared/api/errors'
import type { ApiMethod } from '@shared/api/methods'
import type { Core } from '../../src/main/core'
import { AppealEntity } from '../../src/main/db/entities'
import { applicantFromColumns } from '../../src/main/services/appeals/mapping'
import type { CallContext } from '../../src/main/services/context'
import type { useCleanup } from './cleanup'
import { startTestCore } from './core'
import { userContext } from './context'
import { databaseFor, type Engine } from './engines'
import { parameter } from '../../src/main/db/dialect'

/**
 * The clerk's desk in tests: the real core on a real SQLite file in a temp folder, its clock
 * fixed to an office day, and every call made through the dispatcher as an administrator who
 * is on the staff list (OPERATOR): the permission check passes, and the operator of every
 * write is their name, as it is for a signed-in user.
 */

type Cleanup = ReturnType<typeof useCleanup>

/** The operator every desk starts with (a name with Kazakh letters, as audit rows store it). */
export const OPERATOR = { fullName: 'Жұмағалиева Әсем Серікқызы', position: 'Бас маман' }

export type Table =
  'appeals' | 'audit_entries' | 'appeal_counters' | 'report_meetings' | 'meeting_measures' | 'calendar_days' | 'staff'

export interface Desk {
  core: Core
  /** Any call, as raw as a door may send it; the result is not checked. */
  call(method: string, input: unknown): Promise<ApiResult<unknown>>
  /** A call that must succeed; its output, typed from the contract. */
  ok<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>
  /** A call that must fail; its error. */
  fail(method: string, input: unknown): Promise<ApiError>
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>
  count(table: Table): Promise<number>
  /** The id of a sector of the seeded catalog by its code ('housing', 'land', …). */
  sector(code: string): Promise<number>
  /** The staff id of the signed-in administrator (OPERATOR). */
  operatorId: number
  /** The context the desk's calls are made with (change it to act as someone else). */
  ctx: CallContext
}

export interface DeskOptions {
  /** Local date and time on the office's clock, 'YYYY-MM-DDTHH:MM:SS'. Default 10:00. */
  now: string
  /** An existing database file to open (default: a new file in a temp folder). */
  file?: string
  /** Call as an administrator who is not on the staff list (no operator id, no position on receipts). */
  noOperator?: boolean
  /** The engine (default SQLite); PostgreSQL gives the desk a new database on the run's server. */
  engine?: Engine
  /** An existing PostgreSQL database to open instead (a migration test's). */
  postgresUrl?: string
}

/** Opens the core with the clock fixed at `now` (local time), calling as OPERATOR, an administrator. */
export async function openDesk(cleanup: Cleanup, options: DeskOptions | string): Promise<Desk> {
  const opts = typeof options === 'string' ? { now: options } : options
  const now = opts.now.includes('T') ? opts.now : `${opts.now}T10:00:00`
  const file = opts.file ?? join(cleanup.tempDir(), 'akimat.sqlite')
  // On PostgreSQL, the file's folder still holds the history key; the data is a new database.
  const core = await startTestCore(file, {
    clock: () => new Date(now),
    ...(opts.postgresUrl ? { postgresUrl: opts.postgresUrl } : await databaseFor(opts.engine ?? 'sqlite')),
  })
  // a test may close the core itself (to open the file again); close it once
  cleanup.defer(() => (core.database.dataSource.isInitialized ? core.close() : undefined))

  const desk = { ctx: userContext('administrator', { fullName: OPERATOR.fullName }) } as Desk
  const call = (method: string, input: unknown) => core.dispatch(method, input, desk.ctx)
  const ok = async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
    const result = await call(method, input)
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
    return result.data as ApiOutput<M>
  }
  const fail = async (method: string, input: unknown): Promise<ApiError> => {
    const result = await call(method, input)
    if (result.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(result.data)}`)
    return result.error
  }
  // Tests write SQLite's `?` placeholders; on PostgreSQL they become $1, $2, … (none sits in a literal there).
  // The data source of the moment: a restore reopens the database under a new one.
  const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => {
    const db = core.database.dataSource
    let index = 0
    return db.query(
      query.replace(/\?/g, () => parameter(db, index++)),
      params,
    )
  }
  const count = async (table: Table) => Number((await sql<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n)
  const sector = async (code: string) => {
    const found = (await ok('sectors.list', {})).find((s) => s.code === code)
    if (!found) throw new Error(`no sector ${code}`)
    return found.id
  }

  let operatorId = 0
  if (!opts.noOperator) {
    const existing = (await ok('staff.list', {})).find((s) => s.fullName === OPERATOR.fullName)
    operatorId = existing?.id ?? (await ok('staff.create', { ...OPERATOR, isExecutor: false })).id
    desk.ctx = userContext('administrator', { fullName: OPERATOR.fullName, staffId: operatorId })
  }
  return Object.assign(desk, { core, call, ok, fail, sql, count, sector, operatorId })
}

// ---------------------------------------------------------------- IIN / BIN

/**
 * The 12-digit number with its check digit, computed from the rule in DESIGN.md (not from
 * src): weights 1..11 mod 11; if 10, weights 3,4,5,6,7,8,9,10,11,1,2 mod 11; if still 10, none.
 */
export function withCheckDigit(first11: string): string {
  const digits = [...first11].map(Number)
  const sum = (weights: number[]) => weights.reduce((acc, w, i) => acc + w * digits[i]!, 0) % 11
  let check = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  if (check === 10) check = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])
  if (check === 10) throw new Error(`${first11} has no valid check digit`)
  return first11 + String(check)
}

/** The same number with its last digit changed: a wrong checksum. */
export const wrongCheckDigit = (number: string): string => number.slice(0, 11) + String((Number(number[11]) + 1) % 10)

/**
 * Valid IINs, worked out by hand (digits · weights 1..11, mod 11 = the 12th digit):
 * 900515301234: born 1990-05-15, digit 7 = 3 (a man born in the 1900s);
 *   9 + 0 + 0 + 20 + 5 + 30 + 21 + 0 + 9 + 20 + 33 = 147, 147 mod 11 = 4.
 * 851203401116: born 1985-12-03, digit 7 = 4 (a woman born in the 1900s);
 *   8 + 10 + 3 + 8 + 0 + 18 + 28 + 0 + 9 + 10 + 11 = 105, 105 mod 11 = 6.
 * 780302305559: born 1978-03-02, digit 7 = 3;
 *   7 + 16 + 0 + 12 + 0 + 12 + 21 + 0 + 45 + 50 + 55 = 218, 218 mod 11 = 9.
 */
export const IIN = {
  nurlan: '900515301234',
  aigul: '851203401116',
  other: '780302305559',
} as const

/**
 * A valid BIN 051240001234: registered 2005-12 (digits 3-4 = month 12), a legal entity;
 * 0 + 10 + 3 + 8 + 20 + 0 + 0 + 0 + 9 + 20 + 33 = 103, 103 mod 11 = 4.
 */
export const BIN = '051240001234'

// ---------------------------------------------------------------- builders

export type Person = Extract<ApplicantInput, { kind: 'individual' }>

export function person(over: Partial<Person> = {}): Person {
  return {
    kind: 'individual',
    surname: 'Жұмабеков',
    firstName: 'Нұрлан',
    patronymic: 'Серікұлы',
    iin: IIN.nurlan,
    phone: '+7 701 123 4567',
    address: 'Қарабас ауылы, Абай көшесі, 12',
    ...over,
  }
}

export type NewAppeal = ApiInput<'appeals.create'>

/** A valid registration: a reception visit on Monday 16 March 2026, 10:00. */
export function appealInput(sectorId: number, over: Partial<NewAppeal> = {}): NewAppeal {
  return {
    receivedAt: '2026-03-16T10:00',
    channel: 'reception',
    appealType: 'application',
    sectorId,
    applicant: person(),
    summary: 'Көшедегі су құбыры жарылған, жөндеуді сұраймын',
    ...over,
  }
}

export type NewMeeting = ApiInput<'meetings.create'>

export function meetingInput(over: Partial<NewMeeting> = {}): NewMeeting {
  return {
    heldOn: '2026-04-09',
    place: 'Қарабас ауылының мәдениет үйі',
    speakerName: 'Сәрсенбаев Ерлан Қуанышұлы',
    speakerPosition: 'Қарабас ауылдық округінің әкімі',
    format: 'in_person',
    attendance: 120,
    ...over,
  }
}

/** Sends an appeal through its statuses to `status` by the allowed path. */
export async function bringTo(desk: Desk, id: number, status: string, on = '2026-04-08'): Promise<void> {
  const steps: Record<string, ApiInput<'appeals.transition'>[]> = {
    registered: [],
    in_progress: [{ id, to: 'in_progress' }],
    answered: [
      { id, to: 'in_progress' },
      { id, to: 'answered', outcome: 'explained', answerText: 'Жауап берілді', answeredOn: on },
    ],
    redirected: [{ id, to: 'redirected', redirectedTo: 'Аудандық жер қатынастары бөлімі', redirectedOn: on }],
    left_without_consideration: [{ id, to: 'left_without_consideration', reason: 'Өтініш беруші анықталмады' }],
    withdrawn: [{ id, to: 'withdrawn', reason: 'Өтініш беруші кері қайтарып алды' }],
  }
  for (const step of steps[status]!) await desk.ok('appeals.transition', step)
}

/** The applicant as stored, in full (read from the row: no reveal, no history entry). */
export async function storedApplicant(desk: Desk, id: number): Promise<Applicant> {
  return applicantFromColumns(await desk.core.database.dataSource.getRepository(AppealEntity).findOneByOrFail({ id }))
}

/**
 * An edit request carrying the appeal's current values, with some changed. The card's applicant
 * is masked: the edit form gets it in full through a reveal, which writes a history entry; here
 * it is read from the row, so that the tests counting history entries count the edit alone.
 */
export async function editInput(
  desk: Desk,
  a: Appeal,
  over: Partial<ApiInput<'appeals.update'>> = {},
): Promise<ApiInput<'appeals.update'>> {
  return {
    id: a.id,
    channel: a.channel,
    externalNumber: a.externalNumber,
    appealType: a.appealType,
    sectorId: a.sectorId,
    localityId: a.localityId,
    meetingId: a.meetingId,
    applicant: await storedApplicant(desk, a.id),
    collective: a.collective,
    signatories: a.signatories,
    summary: a.summary,
    executorId: a.executorId,
    repeatedOfId: a.repeatedOfId,
    ...over,
  }
}
