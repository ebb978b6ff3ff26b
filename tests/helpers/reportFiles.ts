import ExcelJS from 'exceljs'
import { expect } from 'vitest'
import type { ReportParams } from '@shared/api/contract'
import type { Language } from '@shared/i18n'
import type { Core } from '../../src/main/core'
import type { CallContext } from '../../src/main/services/context'
import { ADMIN } from './context'

const CTX: CallContext = ADMIN

/**
 * For a test that writes a PDF: the first one in a test file also loads pdfmake (and for a
 * chart echarts and fontkit), which the writers import on first use, and the PDF is then read
 * back and its first page drawn with pdfjs. Seconds alone; past 30 s was seen on two cores
 * shared with other test runs.
 */
export const PDF_TIMEOUT = 120_000

/** Exports a report through the API, as a door does; the file's bytes. */
export async function exportReport(
  core: Core,
  lang: Language,
  params: ReportParams,
  format: 'xlsx' | 'pdf',
): Promise<Buffer> {
  const result = await core.dispatch('reports.export', { lang, params, format }, CTX)
  if (!result.ok) throw new Error(`reports.export failed: ${JSON.stringify(result.error)}`)
  return Buffer.from((result.data as { base64: string }).base64, 'base64')
}

/** The first worksheet of an xlsx file, read back with exceljs. */
export async function readSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook.worksheets[0]!
}

/** A row's values as the cells hold them (formulas as { formula, result }), from column 1. */
export function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  const values = sheet.getRow(row).values as unknown[]
  return values.slice(1)
}

/** The number of the first row whose column A (or `column`) holds `text`. */
export function findRow(sheet: ExcelJS.Worksheet, text: string, column = 1): number {
  for (let r = 1; r <= sheet.rowCount; r++) {
    if (sheet.getRow(r).getCell(column).value === text) return r
  }
  throw new Error(`no row with "${text}" in column ${column}`)
}

/** Asserts that the tokens appear in the text in this order (whitespace runs count as one space). */
export function expectInOrder(text: string, tokens: (string | number)[]): void {
  const flat = text.replace(/\s+/g, ' ')
  let from = 0
  for (const token of tokens) {
    const at = flat.indexOf(String(token), from)
    expect(at, `"${token}" after …${flat.slice(Math.max(0, from - 60), from)}`).toBeGreaterThanOrEqual(0)
    from = at + String(token).length
  }
}
