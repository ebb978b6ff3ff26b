import type { ApiParsedInput, ApplicantInput, ImportField } from '@shared/api/contract'
import { createAppealInput } from '@shared/api/areas/appeals'
import type { FieldIssue } from '@shared/api/errors'
import { toFieldIssues } from '@shared/api/validation'
import { optionalText } from '@shared/api/fields'
import {
  anonymousClosing,
  type AppealChannel,
  type AppealOutcome,
  type AppealStatus,
  type AppealType,
  type ApplicantKind,
} from '@shared/domain/appeal'
import { isOfficeDate, OFFICE_YEARS } from '@shared/domain/dates'
import type { EarlierState } from '../services/appeals/registerMany'
import { binProblem, iinProblem } from '@shared/domain/iin'
import { appealTypeOf, channelOf, type CatalogMatcher } from './catalogMatching'
import { cellText, cleanText, normalizeIdNumber, parseDateCell, parseTimeCell } from './parseCells'
import type { CellValue, SheetRow } from './readSpreadsheet'
import type { SectorMatcher } from './sectorMatching'
import { isImportedStatus, outcomeOf, statusOf } from './statusMatching'
import { foldLabel } from './synonyms'

/**
 * One register row → the same input `appeals.create` takes, checked by the same schema, plus
 * the problems only a spreadsheet has (an unreadable date, a sector name the catalog does not
 * know). Each problem names the import field it is about.
 */

/** An imported row without a time of receipt is taken as received at the start of the day. */
export const DEFAULT_TIME = '09:00'

export interface RowContext {
  /** Column index (1-based) of each mapped field. */
  columns: Map<ImportField, number>
  sectors: SectorMatcher
  catalogs: CatalogMatcher
  defaults: { channel: AppealChannel; appealType: AppealType; sectorId: number | null }
  /** The office clock: 'YYYY-MM-DD' and 'YYYY-MM-DDTHH:MM'. */
  today: string
  now: string
}

export interface InterpretedRow {
  values: Partial<Record<ImportField, string>>
  receivedAt: string | null
  sectorKey: string | null
  sectorText: string | null
  sectorId: number | null
  problems: FieldIssue[]
  /** What the applicant was read as. */
  applicantKind: ApplicantKind
  /** The status it will be stored with; null when the status cell is unreadable or not importable. */
  appealStatus: AppealStatus | null
  /** The appeal to register, when the row has no problems. */
  appeal: ApiParsedInput<'appeals.create'> | null
  /** How the old register had it: its own registration date, status and answer. */
  earlier: EarlierState
  /** What identifies the row for "imported before?" (see fingerprint.ts). */
  identity: string[]
}

/** A name that is an organisation's: its legal form ('ТОО «Береке»', 'ЖШС …'). */
export const ORGANISATION =
  /(^|[\s"«])(ТОО|ЖШС|АО|АҚ|ИП|ЖК|ГУ|КГУ|ММ|КММ|ГКП|МКК|ОО|ҚБ|ПК|ӨК|КХ|ШҚ|LLP|JSC)(?=[\s"»]|$)/u
const UNKNOWN_VALUE: Partial<Record<ImportField, string>> = {
  locality: 'importUi.problems.unknownLocality',
  executor: 'importUi.problems.unknownExecutor',
}
const INITIALS = /^(\p{Lu})\.\s*(?:(\p{Lu})\.?)?$/u

/** Schema paths → import fields, to place the schema's issues on the row's columns. */
function fieldOfPath(path: (string | number)[], separateNames: boolean, ownNumber: boolean): ImportField | null {
  const [head, sub] = path
  if (head === 'receivedAt') return 'receivedDate'
  if (head === 'externalNumber') return ownNumber ? 'ownNumber' : 'externalNumber'
  if (head === 'sectorId') return 'sector'
  if (head === 'localityId') return 'locality'
  if (head === 'executorId') return 'executor'
  if (head === 'summary' || head === 'channel' || head === 'appealType') return head
  if (head === 'applicant') {
    if (sub === 'iin' || sub === 'bin') return 'idNumber'
    if (sub === 'phone' || sub === 'address') return sub
    if (separateNames && (sub === 'surname' || sub === 'firstName' || sub === 'patronymic')) return sub
    return 'applicantName'
  }
  return null
}

export function interpretRow(row: SheetRow, ctx: RowContext): InterpretedRow {
  const problems: FieldIssue[] = []
  const problem = (field: ImportField, messageKey: string, params?: Record<string, string | number>) =>
    problems.push({ path: [field], messageKey, ...(params ? { params } : {}) })
  const raw = (field: ImportField): CellValue => {
    const col = ctx.columns.get(field)
    return col === undefined ? null : (row.cells[col - 1] ?? null)
  }
  const text = (field: ImportField) => cleanText(raw(field))
  const values: Partial<Record<ImportField, string>> = {}
  for (const field of ctx.columns.keys()) values[field] = cellText(raw(field))

  // --- received date and time (from the registration date when the register has no other)
  const dateField: ImportField =
    raw('receivedDate') === null && raw('registrationDate') !== null
      ? 'registrationDate'
      : ctx.columns.has('receivedDate') || !ctx.columns.has('registrationDate')
        ? 'receivedDate'
        : 'registrationDate'
  const readDate = (field: ImportField): { date: string; time: string | null } | null => {
    const cell = raw(field)
    const read = parseDateCell(cell)
    if (cell === null) return null
    if (!read) problem(field, 'importUi.problems.unreadableDate', { value: cellText(cell) })
    else if (!isOfficeDate(read.date))
      problem(field, 'importUi.problems.dateOutOfRange', { value: cellText(cell), ...OFFICE_YEARS })
    else return read
    return null
  }
  let receivedAt: string | null = null
  const dateCell = raw(dateField)
  const parsed = readDate(dateField)
  if (dateCell === null) problem(dateField, 'validation.required')
  else if (parsed) {
    const timeCell = raw('receivedTime')
    const time = parsed.time ?? (timeCell === null ? DEFAULT_TIME : parseTimeCell(timeCell))
    if (time === null) problem('receivedTime', 'importUi.problems.unreadableTime', { value: cellText(timeCell) })
    else receivedAt = `${parsed.date}T${time}`
    if (receivedAt && receivedAt > ctx.now) problem(dateField, 'validation.receivedInFuture')
  }
  // The register's own registration date is kept as the appeal's (its deadline counts from it);
  // without one the calendar gives it, as for any appeal received that day.
  const registration = dateField === 'registrationDate' ? parsed : readDate('registrationDate')
  const registeredOn = registration?.date ?? null
  if (registeredOn !== null && receivedAt !== null && registeredOn < receivedAt.slice(0, 10))
    problem('registrationDate', 'importUi.problems.registeredBeforeReceived')
  else if (dateField !== 'registrationDate' && registeredOn !== null && registeredOn > ctx.today)
    problem('registrationDate', 'validation.dateInFuture')

  // --- how the register had it: status, outcome, answer
  const state = interpretState(ctx, text, raw, readDate, registeredOn ?? receivedAt?.slice(0, 10) ?? null, problem)

  // --- applicant
  const applicant = interpretApplicant(ctx, text, raw, problem)

  // --- catalogs and lists
  const sectorText = text('sector')
  const key = sectorText === null ? null : ctx.sectors.keyOf(sectorText)
  let sectorId: number | null = null
  if (key === null || key === '') {
    sectorId = ctx.defaults.sectorId
    if (sectorId === null) problem('sector', 'validation.required')
  } else {
    sectorId = ctx.sectors.resolve(key).sectorId
    if (sectorId === null) problem('sector', 'importUi.problems.unknownSector', { value: sectorText! })
  }
  const lookup = <T>(field: ImportField, find: (t: string) => T | null, fallback: T | null): T | null => {
    const value = text(field)
    if (value === null) return fallback
    const found = find(value)
    if (found === null) problem(field, UNKNOWN_VALUE[field] ?? 'importUi.problems.unknownOption', { value })
    return found
  }
  const localityId = lookup('locality', (t) => ctx.catalogs.locality(t), null)
  const executorId = lookup('executor', (t) => ctx.catalogs.executor(t), null)
  const appealType = lookup('appealType', appealTypeOf, ctx.defaults.appealType)
  const channel = lookup('channel', channelOf, ctx.defaults.channel)

  // --- the same schema as appeals.create, for everything else (lengths, IIN checksum, summary…)
  const candidate = {
    receivedAt: receivedAt ?? `${ctx.today}T${DEFAULT_TIME}`,
    channel: channel ?? ctx.defaults.channel,
    externalNumber: keptNumber(text('ownNumber'), text('externalNumber')),
    appealType: appealType ?? ctx.defaults.appealType,
    sectorId: sectorId ?? 1,
    localityId,
    executorId,
    applicant,
    summary: text('summary') ?? '',
  }
  const result = createAppealInput.safeParse(candidate)
  if (!result.success) {
    const separate = ctx.columns.has('surname') || ctx.columns.has('firstName')
    const reported = new Set(problems.map((p) => p.path[0]))
    for (const issue of toFieldIssues(result.error)) {
      const field = fieldOfPath(issue.path, separate, text('ownNumber') !== null)
      if (field !== null && reported.has(field)) continue
      problems.push({ ...issue, path: field === null ? [] : [field] })
    }
  }
  const identity = [
    receivedAt ?? cellText(dateCell),
    foldLabel(applicantText(applicant)),
    applicant.kind === 'individual'
      ? (applicant.iin ?? '')
      : applicant.kind === 'organisation'
        ? (applicant.bin ?? '')
        : '',
    foldLabel(text('summary') ?? ''),
    foldLabel(candidate.externalNumber ?? ''),
  ]
  return {
    values,
    receivedAt,
    sectorKey: key,
    sectorText,
    sectorId,
    problems,
    applicantKind: applicant.kind,
    // an anonymous appeal is closed as it is registered, whatever the register says
    appealStatus:
      anonymousClosing(applicant.kind, null, registeredOn ?? ctx.today)?.status ??
      (state.readable ? state.status : null),
    appeal: problems.length === 0 && result.success ? result.data : null,
    earlier: { registeredOn, status: state.status, answer: state.answer },
    identity,
  }
}

/**
 * The number kept as the appeal's external number: the office's own number from its old
 * register (what its clerks look appeals up by), with the applicant's external number (an
 * e-Otinish number) after it in brackets when the row has both, so that neither is lost.
 */
function keptNumber(own: string | null, external: string | null): string | null {
  if (own === null || external === null || own === external) return own ?? external
  return `${own} (${external})`
}

/**
 * The status the row arrives in. An empty status cell is 'registered', or 'answered' when the
 * row holds an answer date or an outcome. Answered needs its outcome and an answer date on or
 * after the registration day and not in the future (the same rule as answering in the app).
 * Redirected, left without consideration and withdrawn need what a register seldom holds
 * (where to, the reason), so such rows are refused with a problem and entered by hand.
 */
function interpretState(
  ctx: RowContext,
  text: (field: ImportField) => string | null,
  raw: (field: ImportField) => CellValue,
  readDate: (field: ImportField) => { date: string } | null,
  registeredOn: string | null,
  problem: Problem,
): { readable: boolean; status: EarlierState['status']; answer: EarlierState['answer'] } {
  let status: EarlierState['status'] = 'registered'
  let outcome: AppealOutcome | null = null
  let readable = true
  const statusText = text('status')
  const outcomeText = text('outcome')
  const answerCell = raw('answerDate')
  if (statusText !== null) {
    const read = statusOf(statusText)
    if (read === null) {
      readable = false
      problem('status', 'importUi.problems.unknownOption', { value: statusText })
    } else if (!isImportedStatus(read.status)) {
      readable = false
      problem('status', 'importUi.problems.statusNotImported', { value: statusText })
    } else {
      status = read.status
      outcome = read.outcome
    }
  } else if (outcomeText !== null || answerCell !== null) status = 'answered'
  if (outcomeText !== null) {
    const read = outcomeOf(outcomeText)
    if (read === null) problem('outcome', 'importUi.problems.unknownOption', { value: outcomeText })
    outcome = read ?? outcome
  }
  if (!readable) return { readable, status: 'registered', answer: null }
  if (status !== 'answered') {
    if (answerCell !== null || outcomeText !== null) problem('status', 'importUi.problems.answerButOpen')
    return { readable, status, answer: null }
  }
  const answeredOn = readDate('answerDate')?.date ?? null
  if (answerCell === null) problem('answerDate', 'validation.required')
  else if (answeredOn !== null && registeredOn !== null && answeredOn < registeredOn)
    problem('answerDate', 'validation.beforeRegistration')
  else if (answeredOn !== null && answeredOn > ctx.today) problem('answerDate', 'validation.dateInFuture')
  if (outcome === null && outcomeText === null) problem('outcome', 'validation.required')
  const answerText = optionalText(8000).safeParse(text('answerText'))
  if (!answerText.success) problem('answerText', 'validation.tooLong', { max: 8000 })
  if (answeredOn === null || outcome === null) return { readable, status, answer: null }
  return { readable, status, answer: { outcome, answeredOn, answerText: answerText.data ?? null } }
}

function applicantText(applicant: ApplicantInput): string {
  if (applicant.kind === 'individual')
    return [applicant.surname, applicant.firstName, applicant.patronymic].filter(Boolean).join(' ')
  return applicant.kind === 'organisation' ? applicant.name : ''
}

type Problem = (field: ImportField, messageKey: string, params?: Record<string, string | number>) => void

/**
 * The applicant: a person (the full name split into surname, name and patronymic, or separate
 * columns), an organisation (a valid BIN, or 'ТОО …' in the name), or anonymous (no name and no
 * number). A bad number is reported with the same keys as the appeal form.
 */
function interpretApplicant(
  ctx: RowContext,
  text: (field: ImportField) => string | null,
  raw: (field: ImportField) => CellValue,
  problem: Problem,
): ApplicantInput {
  const idCell = raw('idNumber')
  const idNumber = idCell === null ? null : normalizeIdNumber(idCell)
  const separate = ctx.columns.has('surname') || ctx.columns.has('firstName')
  const fullName = separate
    ? [text('surname'), text('firstName'), text('patronymic')].filter(Boolean).join(' ')
    : (text('applicantName') ?? '')
  const phone = text('phone')
  const address = text('address')

  if (fullName === '' && !idNumber) return { kind: 'anonymous' }
  const iinIssue = idNumber ? iinProblem(idNumber, ctx.today) : null
  const binIssue = idNumber ? binProblem(idNumber) : null
  // A named row is a person unless the name is an organisation's: its 12 digits are then an
  // IIN, checked as one (a bad IIN is the row's problem, never a reason to call it a BIN).
  // Only a row with a number and no name is told by the number itself.
  const organisation =
    fullName !== '' ? ORGANISATION.test(fullName) : idNumber !== null && iinIssue !== null && binIssue === null
  if (organisation) {
    if (idNumber && binIssue) problem('idNumber', `validation.bin.${binIssue}`)
    return { kind: 'organisation', name: fullName, bin: binIssue ? null : idNumber, phone, address }
  }
  if (idNumber && iinIssue) problem('idNumber', `validation.iin.${iinIssue}`)
  const iin = iinIssue ? null : idNumber
  if (separate) {
    return {
      kind: 'individual',
      surname: text('surname') ?? '',
      firstName: text('firstName') ?? '',
      patronymic: text('patronymic'),
      iin,
      phone,
      address,
    }
  }
  const words = fullName.split(' ').filter(Boolean)
  if (words.length === 0) problem('applicantName', 'validation.required')
  else if (words.length === 1) problem('applicantName', 'importUi.problems.nameIncomplete', { value: fullName })
  const [surname = '', first = '', ...rest] = words
  const initials = rest.length === 0 ? INITIALS.exec(first) : null
  if (initials)
    return {
      kind: 'individual',
      surname,
      firstName: `${initials[1]}.`,
      patronymic: initials[2] ? `${initials[2]}.` : null,
      iin,
      phone,
      address,
    }
  return { kind: 'individual', surname, firstName: first, patronymic: rest.join(' ') || null, iin, phone, address }
}
