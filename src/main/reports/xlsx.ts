import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Cell, ReportModel, ReportTable } from '@shared/reports/model'
import { cellText } from '@shared/reports/model'

const FONT = 'Times New Roman'
const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT, size: 11, ...extra })
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}
const BODY_FONT = font()
const TOTAL_FONT = font({ bold: true })
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: TOTAL_FONT,
  border: THIN,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF2' } },
}

/** Rows of a table read page by page while the file is written (the register). */
export type RowPages = AsyncIterable<Cell[][]>

/**
 * Writes a report model as an Excel workbook people can edit: real numbers and dates with
 * number formats, live SUM, share and difference formulas that also carry their computed
 * values (so viewers that do not recalculate still show numbers), a merged title, borders,
 * column widths, and A4 print setup (fit to width, the header row repeated). Every styled cell
 * names its font: a bold-only font object would drop the font name.
 *
 * Written with exceljs's streaming WorkbookWriter, each row committed as soon as it is done, so
 * memory stays flat however long the table. With `pages`, the first table's rows come from
 * there (read from the database while writing) instead of from the model.
 */
export async function writeXlsx(model: ReportModel, pages?: RowPages): Promise<Buffer> {
  const output = new PassThrough()
  const chunks: Buffer[] = []
  output.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise((resolve) => output.on('end', resolve))

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false })
  workbook.creator = 'Akimat Desk'
  workbook.created = new Date()
  const wide = model.tables.some((t) => t.columns.length > 8)
  const sheet = workbook.addWorksheet(sheetName(model.title), {
    pageSetup: {
      paperSize: 9,
      orientation: wide ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  })
  const width = Math.max(...model.tables.map((t) => t.columns.length))
  // Tables share the sheet's columns: each column as wide as its widest use.
  sheet.columns = Array.from({ length: width }, (_, i) => ({
    width: Math.max(...model.tables.map((t) => t.columns[i]?.width ?? 0)),
  }))

  mergedText(sheet, model.title, width, { bold: true, size: 13 }, 'center', 36)
  mergedText(
    sheet,
    [model.office, model.period, ...model.parameters].filter(Boolean).join(' · '),
    width,
    { italic: true, size: 10 },
    'center',
  )
  sheet.addRow([]).commit()

  let firstHeaderRow: number | null = null
  for (const [index, table] of model.tables.entries()) {
    if (table.title) mergedText(sheet, table.title, width, { bold: true }, 'left')
    const header = await writeTable(sheet, table, index === 0 ? pages : undefined)
    firstHeaderRow ??= header
    sheet.addRow([]).commit()
  }
  for (const note of model.notes) mergedText(sheet, note, width, { italic: true, size: 10 }, 'left', lineHeight(note))
  for (const sentence of model.sentences) mergedText(sheet, sentence, width, {}, 'left', lineHeight(sentence))
  if (firstHeaderRow) sheet.pageSetup.printTitlesRow = `${firstHeaderRow}:${firstHeaderRow}`

  sheet.commit()
  await workbook.commit()
  await ended
  return Buffer.concat(chunks)
}

/** Writes one table, committing each row; returns its header row number. */
async function writeTable(sheet: ExcelJS.Worksheet, table: ReportTable, pages?: RowPages): Promise<number> {
  const header = sheet.addRow(table.columns.map((c) => c.header))
  header.eachCell((cell) => (cell.style = HEADER_STYLE))
  header.commit()
  const firstData = header.number + 1
  // Shares point at the total row, below the rows: its place is known only for model rows.
  const totalRow = table.total && !pages ? firstData + table.rows.length : null
  const letters = table.columns.map((_, i) => sheet.getColumn(i + 1).letter)
  const layout: RowLayout = { table, letters, totalRow, firstData, lastData: header.number }

  for await (const page of pages ?? [table.rows]) {
    for (const cells of page) layout.lastData = writeRow(sheet, cells, layout, false)
    await zipCaughtUp(sheet)
  }
  if (table.total) writeRow(sheet, table.total, layout, true)
  return header.number
}

interface RowLayout {
  table: ReportTable
  /** Column letters, by column index. */
  letters: string[]
  totalRow: number | null
  firstData: number
  lastData: number
}

function writeRow(sheet: ExcelJS.Worksheet, cells: Cell[], layout: RowLayout, isTotal: boolean): number {
  const row = sheet.addRow([])
  const { letters, table } = layout
  cells.forEach((cell, index) => {
    const target = row.getCell(index + 1)
    const column = letters[index]!
    switch (cell.kind) {
      case 'count':
        target.value =
          isTotal && layout.lastData >= layout.firstData
            ? { formula: `SUM(${column}${layout.firstData}:${column}${layout.lastData})`, result: cell.value }
            : cell.value
        break
      case 'percent': {
        // The share of the count to its left in the column's total: a live formula.
        const left = letters[index - 1]
        const total = layout.totalRow
        target.value =
          left && total
            ? {
                formula: `IF(${left}$${total}=0,0,ROUND(${left}${row.number}/${left}$${total}*100,2))`,
                result: cell.value,
              }
            : cell.value
        break
      }
      case 'percentTotal':
        target.value = 100
        break
      case 'difference': {
        // This period (two columns left) minus the previous one (just left).
        const [current, previous] = [letters[index - 2], letters[index - 1]]
        target.value =
          current && previous
            ? { formula: `${current}${row.number}-${previous}${row.number}`, result: cell.value }
            : cell.value
        break
      }
      case 'date':
        // A date-only ISO string is read as UTC midnight, the instant exceljs writes as that day.
        target.value = new Date(cell.value.slice(0, 10))
        break
      case 'empty':
        break
      default:
        target.value = cellText(cell, 'kk')
    }
    target.style = cellStyle(
      cell.kind,
      table.columns[index]?.align ?? (cell.kind === 'text' ? 'left' : 'center'),
      isTotal,
    )
  })
  row.commit()
  return row.number
}

const NUMBER_FORMATS: Partial<Record<Cell['kind'], string>> = {
  count: '0',
  percent: '0.00',
  percentTotal: '0',
  difference: '+0;-0;0',
  date: 'dd.mm.yyyy',
}

/**
 * One style object per look, shared by every cell that has it. exceljs's streaming writer
 * recognises a style object it has seen (by identity) and reuses its style id; a fresh object
 * per cell is serialised to XML each time to find that id, which cost more than writing the
 * cell. The shared objects are never changed once made (every workbook registers them anew).
 */
type Horizontal = 'left' | 'center' | 'right'
// By kind, alignment and row (body or total): called for every cell, so no key is built.
const cellStyles: Partial<
  Record<Cell['kind'], Partial<Record<Horizontal, { body?: Partial<ExcelJS.Style>; total?: Partial<ExcelJS.Style> }>>>
> = {}
function cellStyle(kind: Cell['kind'], horizontal: Horizontal, isTotal: boolean): Partial<ExcelJS.Style> {
  const looks = ((cellStyles[kind] ??= {})[horizontal] ??= {})
  return (looks[isTotal ? 'total' : 'body'] ??= {
    font: isTotal ? TOTAL_FONT : BODY_FONT,
    border: THIN,
    alignment: { horizontal, vertical: 'middle', wrapText: true },
    ...(NUMBER_FORMATS[kind] ? { numFmt: NUMBER_FORMATS[kind] } : {}),
  })
}

/** How much of the sheet's XML may wait for the zip: that of some 2,500 register rows. */
const ZIP_BACKLOG = 2 * 2 ** 20

/**
 * exceljs's streaming writer hands the sheet's XML to its zip (archiver), which compresses only
 * while this thread is free; between pages it got so little time that the XML of 100,000
 * register rows (~85 MB) waited uncompressed until the end. After a page, wait until the zip
 * has taken what waits. This reaches into exceljs's and archiver's internals: when they are
 * not as expected (another version), it does not wait and the file is written as before.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  interface Source {
    once(event: 'drain', listener: () => void): void
    _writableState?: { length: number; needDrain: boolean }
    _readableState?: { pipesCount?: number }
  }
  const source = (sheet as unknown as { _stream?: { pipes?: Source[] } })._stream?.pipes?.[0]
  const waiting = source?._writableState
  // Only while the zip reads this sheet (piped) and is behind; 'drain' comes when it has caught up.
  if (!source || !waiting?.needDrain || waiting.length < ZIP_BACKLOG || !source._readableState?.pipesCount) return
  await new Promise<void>((resolve) => source.once('drain', resolve))
}

function mergedText(
  sheet: ExcelJS.Worksheet,
  text: string,
  width: number,
  style: Partial<ExcelJS.Font>,
  horizontal: 'left' | 'center',
  height?: number,
): void {
  const row = sheet.addRow([text])
  sheet.mergeCells(row.number, 1, row.number, width)
  const cell = row.getCell(1)
  cell.font = font(style)
  cell.alignment = { horizontal, vertical: horizontal === 'center' ? 'middle' : 'top', wrapText: true }
  if (height) row.height = height
  row.commit()
}

/** Merged rows do not grow with their text in Excel: give a paragraph room for its lines. */
function lineHeight(text: string): number {
  return Math.max(18, Math.ceil(text.length / 90) * 16)
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return (
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Report'
  )
}
