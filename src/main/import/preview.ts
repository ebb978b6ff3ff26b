import type {
  ApiParsedInput,
  ImportColumn,
  ImportField,
  ImportPreview,
  ImportRow,
  ImportSectorText,
  Locality,
  StaffMember,
} from '@shared/api/contract'
import { DATE_FIELDS, REQUIRED_IMPORT_FIELDS } from '@shared/api/areas/import'
import { DomainError, type FieldIssue } from '@shared/api/errors'
import { anonymousClosing, isOverdue } from '@shared/domain/appeal'
import type { WorkingCalendar } from '@shared/domain/calendar'
import type { Sector } from '@shared/domain/sector'
import { earlierTerms, type EarlierState } from '../services/appeals/registerMany'
import { CatalogMatcher } from './catalogMatching'
import { dataRows, findHeader } from './findHeader'
import { interpretRow, type InterpretedRow, type RowContext } from './interpretRow'
import { cellText } from './parseCells'
import type { Sheet, SheetRow, Spreadsheet } from './readSpreadsheet'
import { SectorMatcher, type SectorMappings } from './sectorMatching'
import { suggestFields } from './synonyms'

export type ImportInput = ApiParsedInput<'import.preview'>

/** What judging the rows needs from the database's catalogs, read before any work. */
export interface RowCatalogs {
  sectors: Sector[]
  localities: Locality[]
  staff: StaffMember[]
  remembered: SectorMappings
}

/** What a preview needs from the database, read before any work. */
export interface ImportCatalogs extends RowCatalogs {
  /** Which of these fingerprints were imported before. */
  known(fingerprints: string[]): Promise<Set<string>>
}

/** A row that can be imported: its appeal, how the register had it, and the fingerprint that will mark it imported. */
export interface ValidRow {
  rowNumber: number
  appeal: NonNullable<ReturnType<typeof interpretRow>['appeal']>
  earlier: EarlierState
  fingerprint: string
}

/** What the deadlines of the rows are judged by: the office's calendar and day. */
export interface Deadlines {
  calendar: WorkingCalendar
  today: string
}

export interface Analysis {
  preview: ImportPreview
  valid: ValidRow[]
  sectors: SectorMatcher
}

/**
 * Every row of the table read and judged on its own: what it would become, what keeps it out,
 * its fingerprint. A pure function of the workbook, the caller's choices (mapping, sectors,
 * defaults), the catalogs and the office clock; whether a row was imported before is the
 * database's to say, afterwards (judge()).
 */
export interface Interpretation {
  fileName: string
  book: Pick<Spreadsheet, 'format' | 'encoding' | 'delimiter'>
  sheet: Sheet
  headerIndex: number
  columns: ImportColumn[]
  missingFields: ImportField[]
  interpreted: { row: SheetRow; result: InterpretedRow }[]
  prints: string[]
  sectors: SectorMatcher
  /** Some row was refused only for being received after `clock.now`: a later clock may judge it otherwise. */
  clockDependent: boolean
}

const SAMPLES = 3

/** The sheet whose header names the most fields (most workbooks have one sheet). */
function pickSheet(book: Spreadsheet, headerRow: number | null): { sheet: Sheet; headerIndex: number } {
  let best: { sheet: Sheet; headerIndex: number; score: number } | null = null
  for (const sheet of book.sheets) {
    if (sheet.rows.length === 0) continue
    try {
      const found = findHeader(sheet.rows, headerRow)
      if (best === null || found.score > best.score) best = { sheet, headerIndex: found.index, score: found.score }
    } catch (error) {
      if (book.sheets.length === 1) throw error
    }
  }
  if (!best)
    throw new DomainError('validation', 'importUi.errors.noTable', [
      { path: ['file'], messageKey: 'importUi.errors.noTable' },
    ])
  return best
}

/** The column mapping in force: the caller's (each field at most once), else the suggestions. */
function mapping(input: ImportInput, suggested: (ImportField | null)[], width: number): (ImportField | null)[] {
  if (input.columns === null) return suggested
  const fields: (ImportField | null)[] = Array.from({ length: width }, () => null)
  const issues: FieldIssue[] = []
  const seen = new Set<ImportField>()
  input.columns.forEach((choice, i) => {
    if (choice.field === null || choice.index > width) return
    if (seen.has(choice.field))
      issues.push({ path: ['columns', i, 'field'], messageKey: 'importUi.problems.fieldTwice' })
    seen.add(choice.field)
    fields[choice.index - 1] = choice.field
  })
  if (issues.length > 0) throw new DomainError('validation', 'errors.validation', issues)
  return fields
}

/**
 * Reads the table out of a spreadsheet and judges every row: what it would become, and what
 * keeps it out (each problem on its field). Writes nothing.
 */
export async function analyse(
  book: Spreadsheet,
  fileName: string,
  input: ImportInput,
  catalogs: ImportCatalogs,
  clock: { today: string; now: string },
  fingerprintOf: (identity: string[]) => string,
  calendar: WorkingCalendar,
): Promise<Analysis> {
  return judge(interpret(book, fileName, input, catalogs, clock, fingerprintOf), catalogs.known, {
    calendar,
    today: clock.today,
  })
}

/** The first half of analyse(): the table found, its columns mapped, each row interpreted and fingerprinted. */
export function interpret(
  book: Spreadsheet,
  fileName: string,
  input: ImportInput,
  catalogs: RowCatalogs,
  clock: { today: string; now: string },
  fingerprintOf: (identity: string[]) => string,
): Interpretation {
  const { sheet, headerIndex } = pickSheet(book, input.headerRow)
  const header = sheet.rows[headerIndex]!
  const body = dataRows(sheet.rows, headerIndex)
  const width = body.reduce((max, r) => Math.max(max, r.cells.length), header.cells.length)
  const headers = Array.from({ length: width }, (_, i) => cellText(header.cells[i] ?? null))
  const suggested = suggestFields(headers)
  const fields = mapping(input, suggested, width)

  const columns: ImportColumn[] = headers.map((text, i) => ({
    index: i + 1,
    header: text,
    suggested: suggested[i] ?? null,
    field: fields[i] ?? null,
    samples: samplesOf(body, i),
  }))
  const columnOf = new Map<ImportField, number>()
  fields.forEach((field, i) => field && columnOf.set(field, i + 1))
  const dated = DATE_FIELDS.some((f) => columnOf.has(f))
  const missingFields = REQUIRED_IMPORT_FIELDS.filter((f) => !columnOf.has(f) && !(dated && DATE_FIELDS.includes(f)))
  if (!columnOf.has('sector') && input.defaults.sectorId === null) missingFields.push('sector')

  const sectors = new SectorMatcher(catalogs.sectors, catalogs.remembered, input.sectorMapping)
  const ctx: RowContext = {
    columns: columnOf,
    sectors,
    catalogs: new CatalogMatcher(catalogs.localities, catalogs.staff),
    defaults: input.defaults,
    today: clock.today,
    now: clock.now,
  }
  const mappedCols = [...columnOf.values()]
  const interpreted = body
    .filter((row) => mappedCols.some((col) => row.cells[col - 1] !== null && row.cells[col - 1] !== undefined))
    .map((row) => ({ row, result: interpretRow(row, ctx) }))
  const prints = interpreted.map(({ result }) => fingerprintOf(result.identity))
  const clockDependent = interpreted.some(({ result }) => result.problems.some((p) => p.messageKey === FUTURE_KEY))
  const { format, encoding, delimiter } = book
  return {
    fileName,
    book: { format, encoding, delimiter },
    sheet,
    headerIndex,
    columns,
    missingFields,
    interpreted,
    prints,
    sectors,
    clockDependent,
  }
}

/**
 * The second half of analyse(): each interpreted row's status (valid, with problems, imported
 * before, repeated in the file), asking the database which fingerprints it holds, and the
 * preview's counts and sector list.
 */
export async function judge(
  interpretation: Interpretation,
  knownOf: (fingerprints: string[]) => Promise<Set<string>>,
  deadlines: Deadlines,
): Promise<Analysis> {
  const { fileName, book, sheet, headerIndex, columns, missingFields, interpreted, prints, sectors } = interpretation
  const header = sheet.rows[headerIndex]!
  const known = await knownOf(prints)

  const seen = new Set<string>()
  const valid: ValidRow[] = []
  const sectorTexts = new Map<string, { text: string; rows: number }>()
  const counts = { rows: 0, valid: 0, withProblems: 0, alreadyImported: 0, repeatedInFile: 0 }
  const rows: ImportRow[] = interpreted.map(({ row, result }, i) => {
    const fingerprint = prints[i]!
    if (result.sectorKey) {
      const entry = sectorTexts.get(result.sectorKey) ?? { text: result.sectorText!, rows: 0 }
      entry.rows += 1
      sectorTexts.set(result.sectorKey, entry)
    }
    let status: ImportRow['status'] = 'valid'
    if (known.has(fingerprint)) status = 'alreadyImported'
    else if (result.problems.length > 0 || !result.appeal) status = 'problems'
    else if (seen.has(fingerprint)) status = 'repeatedInFile'
    if (status === 'valid') {
      // only a row that will be imported makes a later identical row a repeat
      seen.add(fingerprint)
      valid.push({ rowNumber: row.number, appeal: result.appeal!, earlier: result.earlier, fingerprint })
    }
    counts.rows += 1
    counts[COUNTED[status]] += 1
    return {
      rowNumber: row.number,
      status,
      values: result.values,
      receivedAt: result.receivedAt,
      sectorId: result.sectorId,
      applicantKind: result.applicantKind,
      appealStatus: result.appealStatus,
      problems: status === 'problems' ? result.problems : [],
    }
  })

  const sectorList: ImportSectorText[] = [...sectorTexts.entries()]
    .map(([key, { text, rows: count }]) => ({
      key,
      text,
      rows: count,
      ...sectors.resolve(key),
      suggestions: sectors.suggestions(key),
    }))
    .sort((a, b) => b.rows - a.rows || a.text.localeCompare(b.text))

  return {
    preview: {
      fileName,
      format: book.format,
      sheetName: sheet.name,
      encoding: book.encoding,
      delimiter: book.delimiter,
      headerRow: header.number,
      titleRows: sheet.rows.slice(0, headerIndex).length,
      columns,
      missingFields,
      rows,
      sectors: sectorList,
      counts,
      openOverdue: openOverdue(valid, deadlines),
    },
    valid,
    sectors,
  }
}

/**
 * How many rows will arrive open with their statutory deadline already passed: an old register's
 * appeal keeps its real deadline, counted from its own registration date, so it is overdue
 * from the day it is imported, and the clerk is told before committing.
 */
function openOverdue(valid: ValidRow[], { calendar, today }: Deadlines): number {
  return valid.filter(({ appeal, earlier }) => {
    const { registeredOn, dueOn } = earlierTerms(calendar, appeal.receivedAt, earlier.registeredOn)
    if (anonymousClosing(appeal.applicant.kind, null, registeredOn)) return false
    return isOverdue(earlier.status, dueOn, today)
  }).length
}

/** The problem that depends on the clock's minute: received after now. */
const FUTURE_KEY = 'validation.receivedInFuture'

const COUNTED: Record<ImportRow['status'], Exclude<keyof ImportPreview['counts'], 'rows'>> = {
  valid: 'valid',
  problems: 'withProblems',
  alreadyImported: 'alreadyImported',
  repeatedInFile: 'repeatedInFile',
}

function samplesOf(body: SheetRow[], col: number): string[] {
  const samples: string[] = []
  for (const row of body) {
    const text = cellText(row.cells[col] ?? null)
    if (text !== '') samples.push(text.length > 60 ? `${text.slice(0, 57)}…` : text)
    if (samples.length === SAMPLES) break
  }
  return samples
}
