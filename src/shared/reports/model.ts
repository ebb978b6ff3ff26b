import type { Language } from '../i18n/languages'

/**
 * A report as plain data: the one thing the UI preview, the xlsx writer and the pdf writer all
 * render. No number is computed by a view; a view only lays the model out.
 */
export interface ReportModel {
  /** A report of the reports page, or the appeal list printed as it is filtered (appeals.exportList). */
  kind: ReportKind | 'appeal-list'
  lang: Language
  title: string
  /** The office and the period, printed in the page header. */
  office: string
  period: string
  /** Parameters in words ("Source: report meetings"), printed under the title. */
  parameters: string[]
  tables: ReportTable[]
  /** Generated sentences (from the numbers) a press officer can paste. */
  sentences: string[]
  charts: ReportChart[]
  notes: string[]
  /** The signature block under the table; absent, the PDF leaves blank lines to fill in by hand. */
  signature?: ReportSignature
  /**
   * A table too long to hold whole (the register): how many rows it has in all. The model then
   * holds only the first rows of `tables[0]` (what the preview shows), and the files are written
   * from the database page by page (see main/reports/writers.ts).
   */
  rowsTotal?: number
  /** What an export can hold, so the UI can say so before exporting (see PDF_ROW_LIMIT). */
  limits?: { pdfRows: number }
}

/**
 * Who signs a report and who prepared it: the office head's position and name from Settings
 * (in the report's language), and the person exporting ("Орындаған / Исполнитель"), with the day.
 */
export interface ReportSignature {
  position: string
  name: string
  preparedBy: string | null
  /** YYYY-MM-DD */
  date: string
}

/**
 * The most rows a register PDF is made with: a year of a large district's appeals. The register
 * PDF is drawn straight with pdfkit (main/reports/registerPdf.ts; about 1 s per 5,000 rows on
 * the bench machine, docs/PERFORMANCE.md); longer periods go to Excel, which has every row.
 */
export const PDF_ROW_LIMIT = 20_000

export const REPORT_KINDS = ['sector-by-year', 'quarterly', 'register', 'press-summary'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

/**
 * A cell's value and how it is written: `count` integers; `percent` the share of the count to
 * its left in that column's total row, rounded half-up to 2 decimals and written with the
 * language's decimal separator; `percentTotal` the total row's 100; `difference` the count two
 * columns to its left minus the count just to its left (this period against the previous one),
 * written with its sign; `noShare` a share of a total of 0 (a year with no questions), written
 * "—" on its rows and its total row alike, since no part of nothing is 0% and the whole is not
 * 100%; `date` YYYY-MM-DD. The xlsx writer turns count totals, shares and
 * differences into live formulas that carry these computed values.
 */
export type Cell =
  | { kind: 'text'; value: string }
  | { kind: 'count'; value: number }
  | { kind: 'percent'; value: number }
  | { kind: 'percentTotal'; value: 100 }
  | { kind: 'noShare' }
  | { kind: 'difference'; value: number }
  | { kind: 'date'; value: string }
  | { kind: 'empty' }

export interface ReportColumn {
  header: string
  /** Relative width (characters in xlsx, proportion in pdf). */
  width: number
  align?: 'left' | 'center' | 'right'
}

export interface ReportTable {
  title?: string
  columns: ReportColumn[]
  rows: Cell[][]
  /** The total row ("Барлығы"), when the table has one. */
  total?: Cell[]
}

export interface ReportChart {
  title: string
  /** Category names (e.g. sectors), in table order. */
  categories: string[]
  /** One series per year (or per group). */
  series: { name: string; values: number[] }[]
}

/** What a share of nothing reads in every view. */
export const NO_SHARE = '—'

/** A percent as official tables write it: 14,78 in kk and ru, 14.78 in en; "100" on total rows. */
export function formatPercent(value: number, lang: Language): string {
  const text = value.toFixed(2)
  return lang === 'en' ? text : text.replace('.', ',')
}

/** A cell as text, for previews and the pdf. */
export function cellText(cell: Cell, lang: Language): string {
  switch (cell.kind) {
    case 'text':
      return cell.value
    case 'count':
      return String(cell.value)
    case 'percent':
      return formatPercent(cell.value, lang)
    case 'percentTotal':
      return '100'
    case 'noShare':
      return NO_SHARE
    case 'difference':
      return cell.value > 0 ? `+${cell.value}` : String(cell.value)
    case 'date': {
      const [y, m, d] = cell.value.slice(0, 10).split('-')
      return `${d}.${m}.${y}`
    }
    case 'empty':
      return ''
  }
}
