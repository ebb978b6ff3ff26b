import { DomainError } from '@shared/api/errors'
import type { CellValue, SheetRow } from './readSpreadsheet'
import { foldLabel, isRowNumberHeader, suggestFields } from './synonyms'

/** Offices put a title, the office's name and a date above the table; the header is within these rows. */
const SEARCH_ROWS = 15

export interface HeaderFound {
  /** Index in the sheet's non-empty rows. */
  index: number
  /** How many of its cells name a known field (0 when the header was chosen or guessed). */
  score: number
}

const texts = (cells: CellValue[]): string[] => cells.map((c) => (typeof c === 'string' ? c : ''))

/** How many distinct fields (and a row-number column) a row's cells name. */
export function headerScore(row: SheetRow): number {
  const headers = texts(row.cells)
  const fields = suggestFields(headers).filter((f) => f !== null).length
  return fields + (headers.some(isRowNumberHeader) ? 1 : 0)
}

/**
 * The header row: the chosen one, else the row among the first ones naming the most fields
 * (rows merged across columns are titles and are skipped), else the first row with two or
 * more cells.
 */
export function findHeader(rows: SheetRow[], chosenRowNumber: number | null): HeaderFound {
  if (chosenRowNumber !== null) {
    const index = rows.findIndex((r) => r.number === chosenRowNumber)
    if (index < 0)
      throw new DomainError('validation', 'errors.validation', [
        { path: ['headerRow'], messageKey: 'importUi.errors.emptyHeaderRow' },
      ])
    return { index, score: headerScore(rows[index]!) }
  }
  let best: HeaderFound | null = null
  for (const [index, row] of rows.slice(0, SEARCH_ROWS).entries()) {
    if (row.mergedAcross) continue
    const score = headerScore(row)
    if (score >= 2 && (best === null || score > best.score)) best = { index, score }
  }
  if (best) return best
  const index = rows.findIndex((r) => !r.mergedAcross && r.cells.filter((c) => c !== null).length >= 2)
  if (index < 0)
    throw new DomainError('validation', 'importUi.errors.noTable', [
      { path: ['file'], messageKey: 'importUi.errors.noTable' },
    ])
  return { index, score: 0 }
}

/** The row of column numbers (1, 2, 3 …) official tables print under their header. */
export function isNumberingRow(row: SheetRow): boolean {
  const values = row.cells.filter((c) => c !== null)
  if (values.length < 2) return false
  return values.every((c, i) => String(c).trim() === String(i + 1))
}

const TOTALS = new Set(['барлыгы', 'итого', 'всего', 'total', 'жиыны'])

/** A totals line at the bottom of a register ('Барлығы', 'Итого'). */
export function isTotalsRow(row: SheetRow): boolean {
  const first = row.cells.find((c) => c !== null)
  return typeof first === 'string' && TOTALS.has(foldLabel(first))
}

/** The data rows below the header: without the numbering row and totals lines. */
export function dataRows(rows: SheetRow[], headerIndex: number): SheetRow[] {
  const below = rows.slice(headerIndex + 1)
  const start = below[0] && isNumberingRow(below[0]) ? 1 : 0
  return below.slice(start).filter((row) => !isTotalsRow(row))
}
