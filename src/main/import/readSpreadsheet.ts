import type ExcelJS from 'exceljs'
import { DomainError } from '@shared/api/errors'
import { checkTableShape } from './sheetLimits'
import { checkXlsxLimits } from './zipLimits'

/**
 * Reads a spreadsheet file into plain rows of cell values: xlsx through exceljs, csv through a
 * small parser of our own (quoted fields, ',' ';' or tab, BOM, UTF-8 with a windows-1251
 * fallback, which is what Excel on a Russian or Kazakh Windows writes).
 */

/** A cell as read: Excel dates come as Date (exceljs gives them in UTC), numbers as numbers. */
export type CellValue = string | number | boolean | Date | null

export interface SheetRow {
  /** 1-based row number, as Excel shows it. */
  number: number
  /** Index 0 is column A. Cells covered by a merge (other than its top-left) are null. */
  cells: CellValue[]
  /** Part of a cell merged across columns: typical of a title above the table. */
  mergedAcross: boolean
}

export interface Sheet {
  name: string | null
  rows: SheetRow[]
}

export interface Spreadsheet {
  format: 'xlsx' | 'csv'
  encoding: 'utf-8' | 'utf-16le' | 'windows-1251' | null
  delimiter: ',' | ';' | '\t' | null
  sheets: Sheet[]
}

const fileProblem = (key: string) => new DomainError('validation', key, [{ path: ['file'], messageKey: key }])

export async function readSpreadsheet(fileName: string, bytes: Buffer): Promise<Spreadsheet> {
  if (bytes.length === 0) throw fileProblem('importUi.errors.empty')
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes)
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw fileProblem('importUi.errors.xlsNotSupported')
  if (/\.xls[xm]?$/i.test(fileName)) throw fileProblem('importUi.errors.unreadable')
  return readCsv(bytes)
}

// ---------------------------------------------------------------- xlsx

/**
 * exceljs, loaded on the first xlsx read: it takes 0.3-0.5 s to load, which neither the app's
 * start nor a csv import should pay.
 */
let excel: Promise<typeof ExcelJS> | null = null
function loadExcel(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then(
    (module) => ((module as { default?: typeof ExcelJS }).default ?? module) as typeof ExcelJS,
    (error: unknown) => {
      excel = null
      throw error
    },
  )
  return excel
}

async function readXlsx(bytes: Buffer): Promise<Spreadsheet> {
  // Before exceljs unpacks anything: its reader holds every part unpacked, and fills every cell up to the rightmost.
  checkXlsxLimits(bytes)
  const { Workbook } = await loadExcel()
  const workbook = new Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw fileProblem('importUi.errors.unreadable')
  }
  const sheets = workbook.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined).map(readWorksheet)
  return { format: 'xlsx', encoding: null, delimiter: null, sheets }
}

function readWorksheet(ws: ExcelJS.Worksheet): Sheet {
  const rows: SheetRow[] = []
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = []
    let mergedAcross = false
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const master = cell.master
      if (master !== cell) {
        if (master.row === cell.row) mergedAcross = true
        return
      }
      cells[col - 1] = cellValue(cell.value)
    })
    for (let i = 0; i < cells.length; i++) cells[i] ??= null
    if (cells.some((c) => c !== null && c !== '')) rows.push({ number: rowNumber, cells, mergedAcross })
  })
  return { name: ws.name, rows }
}

/** exceljs's many value shapes (rich text, formulas, hyperlinks, errors) reduced to one. */
export function cellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return cellValue(value.richText.map((r) => r.text).join(''))
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue)
    if ('formula' in value || 'sharedFormula' in value) return null
    if ('hyperlink' in value && 'text' in value) return cellValue(value.text as ExcelJS.CellValue)
    if ('error' in value) return null
  }
  return null
}

// ---------------------------------------------------------------- csv

function readCsv(bytes: Buffer): Spreadsheet {
  const { text, encoding } = decodeText(bytes)
  const delimiter = detectDelimiter(text)
  const records = parseCsv(text, delimiter)
  checkTableShape(
    records.length,
    records.reduce((widest, cells) => Math.max(widest, cells.length), 0),
  )
  const rows = records
    .map((cells, i): SheetRow => ({
      number: i + 1,
      cells: cells.map((c) => (c.trim() === '' ? null : c)),
      mergedAcross: false,
    }))
    .filter((row) => row.cells.some((c) => c !== null))
  return { format: 'csv', encoding, delimiter, sheets: [{ name: null, rows }] }
}

/** UTF-8 (with or without BOM), UTF-16 LE with BOM, else windows-1251. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Spreadsheet['encoding'] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1251').decode(body), encoding: 'windows-1251' }
  }
}

const DELIMITERS = [';', ',', '\t'] as const

/**
 * The delimiter whose count is the same on most of the first lines (outside quotes); a comma
 * inside a sentence varies from line to line, a real delimiter does not.
 */
export function detectDelimiter(text: string): Spreadsheet['delimiter'] & string {
  const lines = rawLines(text.slice(0, 64_000))
    .filter((line) => line.trim() !== '')
    .slice(0, 30)
  let best: (typeof DELIMITERS)[number] = ';'
  let bestScore = -1
  for (const d of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, d))
    const frequency = new Map<number, number>()
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1)
    const [mode, times] = [...frequency.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0]
    const score = times * 1000 + mode
    if (score > bestScore) [best, bestScore] = [d, score]
  }
  return best
}

/** The records of a csv text as raw lines (a line break inside quotes does not end one). */
function rawLines(text: string): string[] {
  const lines: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === '\n' || c === '\r')) {
      lines.push(text.slice(start, i))
      start = i + 1
    }
  }
  lines.push(text.slice(start))
  return lines
}

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0
  let quoted = false
  for (const c of line) {
    if (c === '"') quoted = !quoted
    else if (c === ch && !quoted) n++
  }
  return n
}

/** RFC 4180, leniently: "" is a quote inside a quoted field; CRLF, LF or CR end a record. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const endField = () => {
    record.push(field)
    field = ''
  }
  const endRecord = () => {
    endField()
    records.push(record)
    record = []
  }
  while (i < text.length) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += c
    } else if (c === '"' && field.trim() === '') {
      field = ''
      quoted = true
    } else if (c === delimiter) endField()
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRecord()
    } else field += c
    i++
  }
  if (field !== '' || record.length > 0) endRecord()
  return records
}
