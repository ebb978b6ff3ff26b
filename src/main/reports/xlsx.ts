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

/**
 * Writes a report model as an Excel workbook people can edit: real numbers with number formats,
 * live SUM and share formulas that also carry their computed values (so viewers that do not
 * recalculate still show numbers), a merged title, borders, column widths, and A4 print setup
 * with the header row repeated. Every styled cell names its font: a bold-only font object
 * would drop the font name.
 */
export async function writeXlsx(model: ReportModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Akimat Desk'
  workbook.created = new Date()
  const sheet = workbook.addWorksheet(sheetName(model.title), {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  })
  const width = Math.max(...model.tables.map((t) => t.columns.length))
  sheet.columns = (model.tables[0]?.columns ?? []).map((c) => ({ width: c.width }))

  const textRow = (text: string, style: Partial<ExcelJS.Font>, height?: number) => {
    const row = sheet.addRow([text])
    sheet.mergeCells(row.number, 1, row.number, width)
    const cell = row.getCell(1)
    cell.font = font(style)
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    if (height) row.height = height
    return row
  }

  textRow(model.title, { bold: true, size: 13 }, 36)
  textRow([model.office, model.period, ...model.parameters].filter(Boolean).join(' · '), { italic: true, size: 10 })
  sheet.addRow([])

  let firstHeaderRow: number | null = null
  for (const table of model.tables) {
    if (table.title) textRow(table.title, { bold: true })
    const header = writeTable(sheet, table)
    firstHeaderRow ??= header
    sheet.addRow([])
  }
  for (const note of model.notes) leftText(sheet, note, width, { italic: true, size: 10 })
  for (const sentence of model.sentences) leftText(sheet, sentence, width)
  if (firstHeaderRow) sheet.pageSetup.printTitlesRow = `${firstHeaderRow}:${firstHeaderRow}`

  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Writes one table; returns its header row number. */
function writeTable(sheet: ExcelJS.Worksheet, table: ReportTable): number {
  const header = sheet.addRow(table.columns.map((c) => c.header))
  header.eachCell((cell) => {
    cell.font = font({ bold: true })
    cell.border = THIN
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF2' } }
  })
  const firstData = header.number + 1
  const lastData = header.number + table.rows.length
  const totalRow = table.total ? lastData + 1 : null

  const writeRow = (cells: Cell[], isTotal: boolean) => {
    const row = sheet.addRow([])
    cells.forEach((cell, index) => {
      const target = row.getCell(index + 1)
      const column = sheet.getColumn(index + 1).letter
      const left = index > 0 ? sheet.getColumn(index).letter : null
      switch (cell.kind) {
        case 'count':
          target.value =
            isTotal && table.rows.length > 0
              ? { formula: `SUM(${column}${firstData}:${column}${lastData})`, result: cell.value }
              : cell.value
          target.numFmt = '0'
          break
        case 'percent':
          // The share of the count to its left in the column's total: a live formula.
          target.value =
            left && totalRow
              ? { formula: `IF(${left}$${totalRow}=0,0,ROUND(${left}${row.number}/${left}$${totalRow}*100,2))`, result: cell.value }
              : cell.value
          target.numFmt = '0.00'
          break
        case 'percentTotal':
          target.value = 100
          target.numFmt = '0'
          break
        case 'empty':
          break
        default:
          target.value = cellText(cell, 'kk')
      }
      target.font = font({ bold: isTotal })
      target.border = THIN
      const align = table.columns[index]?.align ?? (cell.kind === 'text' ? 'left' : 'center')
      target.alignment = { horizontal: align, vertical: 'middle', wrapText: true }
    })
  }
  for (const cells of table.rows) writeRow(cells, false)
  if (table.total) writeRow(table.total, true)
  return header.number
}

function leftText(sheet: ExcelJS.Worksheet, text: string, width: number, style: Partial<ExcelJS.Font> = {}): void {
  const row = sheet.addRow([text])
  sheet.mergeCells(row.number, 1, row.number, width)
  const cell = row.getCell(1)
  cell.font = font(style)
  cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true }
  row.height = Math.max(18, Math.ceil(text.length / 90) * 16)
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Report'
}
