import { IMPORT_LIMITS, limitExceeded } from './limits'

/**
 * Counts a worksheet's rows and columns from its XML before exceljs builds anything from it,
 * and refuses at the first row or cell past the caps. The sheet's `<dimension>` is only what
 * the writer claims, so it is not read: rows and cells are counted as they come. exceljs also
 * fills every cell of a merged range and of a data validation's range, so those ranges are
 * held to the same caps (a selection's range, in `<sheetView>`, costs nothing and is skipped).
 */

// A row or cell start tag (with or without a namespace prefix), or a range-bearing tag.
const TAGS = /<(?:[A-Za-z_][\w.-]*:)?(row|c|mergeCell|dataValidation)(?=[\s/>])([^>]*)>/g
const ROW_ATTR = /\sr="(\d+)"/
const CELL_ATTR = /\sr="([A-Za-z]+)(\d+)"/
const RANGE_ATTR = /\s(?:ref|sqref)="([^"]*)"/
const ADDRESS = /^\$?([A-Za-z]+)\$?(\d+)$/

/** Column letters → 1-based number (A = 1, XFD = 16,384). */
export function columnNumber(letters: string): number {
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}

function checkRow(row: number): void {
  if (row > IMPORT_LIMITS.rows) throw limitExceeded('rows', { limit: IMPORT_LIMITS.rows, row })
}

function checkColumn(column: number, letters?: string): void {
  if (column > IMPORT_LIMITS.columns)
    throw limitExceeded('columns', { limit: IMPORT_LIMITS.columns, column: letters ?? String(column) })
}

/** A table counted otherwise (a csv's records and their widest), held to the same caps. */
export function checkTableShape(rows: number, columns: number): void {
  checkRow(rows)
  checkColumn(columns)
}

/** `A1:B2 D4` (a space-separated list of addresses and ranges), each corner within the caps. */
function checkRanges(list: string): void {
  for (const part of list.trim().split(/\s+/)) {
    for (const address of part.split(':')) {
      const match = ADDRESS.exec(address)
      if (!match) continue
      checkColumn(columnNumber(match[1]!), match[1]!.toUpperCase())
      checkRow(Number(match[2]))
    }
  }
}

/** Throws the limit hit by the worksheet `xml` (its bytes as stored, UTF-8), if any. */
export function checkSheetXml(xml: Buffer): void {
  // Tags and their attributes are ASCII: latin1 keeps one character per byte and cannot fail.
  const text = xml.toString('latin1')
  let row = 0
  let column = 0
  for (const [, tag, attributes] of text.matchAll(TAGS)) {
    if (tag === 'row') {
      const numbered = ROW_ATTR.exec(attributes!)
      row = numbered ? Number(numbered[1]) : row + 1
      column = 0
      checkRow(row)
    } else if (tag === 'c') {
      const at = CELL_ATTR.exec(attributes!)
      column = at ? columnNumber(at[1]!) : column + 1
      checkColumn(column, at?.[1]?.toUpperCase())
    } else {
      const range = RANGE_ATTR.exec(attributes!)
      if (range) checkRanges(range[1]!)
    }
  }
}
