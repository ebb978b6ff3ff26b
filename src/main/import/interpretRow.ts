import type { ApiParsedInput, ApplicantInput, ImportField } from '@shared/api/contract'
import { createAppealInput } from '@shared/api/areas/appeals'
import type { FieldIssue } from '@shared/api/errors'
import { toFieldIssues } from '@shared/api/validation'
import type { AppealChannel, AppealType } from '@shared/domain/appeal'
import { isOfficeDate, OFFICE_YEARS } from '@shared/domain/dates'
import { binProblem, iinProblem } from '@shared/domain/iin'
import { appealTypeOf, channelOf, type CatalogMatcher } from './catalogMatching'
import { cellText, cleanText, normalizeIdNumber, parseDateCell, parseTimeCell } from './parseCells'
import type { CellValue, SheetRow } from './readSpreadsheet'
import type { SectorMatcher } from './sectorMatching'
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
  /** The appeal to register, when the row has no problems. */
  appeal: ApiParsedInput<'appeals.create'> | null
  /** What identifies the row for "imported before?" (see fingerprint.ts). */
  identity: string[]
}

const ORGANISATION = /(^|[\s"«])(ТОО|ЖШС|АО|АҚ|ИП|ЖК|ГУ|КГУ|ММ|КММ|ГКП|МКК|ОО|ҚБ|ПК|ӨК|КХ|ШҚ|LLP|JSC)(?=[\s"»]|$)/u
const UNKNOWN_VALUE: Partial<Record<ImportField, string>> = {
  locality: 'importUi.problems.unknownLocality',
  executor: 'importUi.problems.unknownExecutor',
}
const INITIALS = /^(\p{Lu})\.\s*(?:(\p{Lu})\.?)?$/u

/** Schema paths → import fields, to place the schema's issues on the row's columns. */
function fieldOfPath(path: (string | number)[], separateNames: boolean): ImportField | null {
  const [head, sub] = path
  if (head === 'receivedAt') return 'receivedDate'
  if (head === 'sectorId') return 'sector'
  if (head === 'localityId') return 'locality'
  if (head === 'executorId') return 'executor'
  if (head === 'summary' || head === 'externalNumber' || head === 'channel' || head === 'appealType') return head
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

  // --- received date and time
  let receivedAt: string | null = null
  const dateCell = raw('receivedDate')
  const parsed = parseDateCell(dateCell)
  if (dateCell === null) problem('receivedDate', 'validation.required')
  else if (!parsed) problem('receivedDate', 'importUi.problems.unreadableDate', { value: cellText(dateCell) })
  else if (!isOfficeDate(parsed.date))
    problem('receivedDate', 'importUi.problems.dateOutOfRange', { value: cellText(dateCell), ...OFFICE_YEARS })
  else {
    const timeCell = raw('receivedTime')
    const time = parsed.time ?? (timeCell === null ? DEFAULT_TIME : parseTimeCell(timeCell))
    if (time === null) problem('receivedTime', 'importUi.problems.unreadableTime', { value: cellText(timeCell) })
    else receivedAt = `${parsed.date}T${time}`
    if (receivedAt && receivedAt > ctx.now) problem('receivedDate', 'validation.receivedInFuture')
  }

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
    externalNumber: text('externalNumber'),
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
      const field = fieldOfPath(issue.path, separate)
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
    foldLabel(text('externalNumber') ?? ''),
  ]
  return {
    values,
    receivedAt,
    sectorKey: key,
    sectorText,
    sectorId,
    problems,
    appeal: problems.length === 0 && result.success ? result.data : null,
    identity,
  }
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
  const organisation = ORGANISATION.test(fullName) || (idNumber !== null && iinIssue !== null && binIssue === null)
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
