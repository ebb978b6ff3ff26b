import { DomainError } from '@shared/api/errors'

/**
 * How much an imported register may hold. A real register of a district is a few thousand
 * rows in a dozen columns; these caps leave room for a whole region's year and refuse what
 * would take the office PC's memory (a 300 KB zip that unpacks to 300 MB, a sheet with one
 * cell in column XFD on each of 100,000 rows, which exceljs fills 16,384 cells a row).
 */
export const IMPORT_LIMITS = {
  /** All the parts of an xlsx unpacked together, and any one of them. */
  unzippedBytes: 100 * 2 ** 20,
  /** Parts in an xlsx: a workbook has a few dozen. */
  zipEntries: 10_000,
  /** Rows of a sheet, by the highest row number (a row far down counts all the rows above it). */
  rows: 200_000,
  /** Columns of a sheet, by the rightmost cell (a cell in column XFD counts as 16,384 columns). */
  columns: 200,
  /** The old-generation heap of the worker that reads a file (see readInWorker.ts). */
  workerHeapMb: 1024,
} as const

export type ImportLimit = 'unzippedBytes' | 'zipEntries' | 'zipSizeLies' | 'rows' | 'columns' | 'memory'

/**
 * A file refused for the limit it hit, on the `file` field: the general message says the file
 * exceeds an import limit, the field's says which and what the limit is.
 */
export function limitExceeded(limit: ImportLimit, params: Record<string, string | number> = {}): DomainError {
  return new DomainError('validation', 'importUi.errors.tooLarge', [
    { path: ['file'], messageKey: `importUi.errors.limits.${limit}`, params },
  ])
}

export const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20)
