import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { expect } from 'vitest'
import type { ReportParams } from '@shared/api/contract'
import type { Language } from '@shared/i18n'
import type { Core } from '../../src/main/core'
import type { CallContext } from '../../src/main/services/context'
import { ADMIN } from './context'

/** Where rendered pages go, to be looked at (kept after the run; test-results/ is ignored by git). */
export const RESULTS_DIR = join(__dirname, '../../test-results/reports')

const CTX: CallContext = ADMIN

/**
 * For a test that writes a PDF: the first one in a test file also loads pdfmake (and for a
 * chart echarts and fontkit), which the writers import on first use, a second or more on a
 * busy machine.
 */
export const PDF_TIMEOUT = 30_000

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

/** The text of a PDF as `pdftotext -layout` lays it out (poppler-utils). */
export function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'akimat-pdf-'))
  try {
    const file = join(dir, 'report.pdf')
    writeFileSync(file, bytes)
    execFileSync('pdftotext', ['-layout', file, join(dir, 'report.txt')])
    return readFileSync(join(dir, 'report.txt'), 'utf8')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Keeps the PDF and its first page as a PNG in test-results/reports/, to be looked at. */
export function keepPdf(bytes: Buffer, name: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const file = join(RESULTS_DIR, `${name}.pdf`)
  writeFileSync(file, bytes)
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', file, join(RESULTS_DIR, name)])
  return join(RESULTS_DIR, `${name}.png`)
}

/** The number of pages of a PDF (pdfinfo). */
export function pdfPages(bytes: Buffer): number {
  const dir = mkdtempSync(join(tmpdir(), 'akimat-pdf-'))
  try {
    const file = join(dir, 'report.pdf')
    writeFileSync(file, bytes)
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
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
