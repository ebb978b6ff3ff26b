import type { Language } from '../i18n/languages'

/**
 * A report as plain data: the one thing the UI preview, the xlsx writer and the pdf writer all
 * render. No number is computed by a view; a view only lays the model out.
 */
export interface ReportModel {
  kind: ReportKind
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
}

export const REPORT_KINDS = ['sector-by-year', 'quarterly', 'register', 'press-summary'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

/**
 * A cell's value and how it is written: `count` integers; `percent` a share of `of` (the
 * column's total row cell), rounded half-up to 2 decimals and written with the language's
 * decimal separator; `percentTotal` the total row's 100. The xlsx writer turns count totals
 * and shares into live formulas that carry these computed values.
 */
export type Cell =
  | { kind: 'text'; value: string }
  | { kind: 'count'; value: number }
  | { kind: 'percent'; value: number }
  | { kind: 'percentTotal'; value: 100 }
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
    case 'date': {
      const [y, m, d] = cell.value.slice(0, 10).split('-')
      return `${d}.${m}.${y}`
    }
    case 'empty':
      return ''
  }
}
