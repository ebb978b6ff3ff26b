import type { ReportModel } from '@shared/reports/model'

export interface PdfRowLimit {
  limit: number
  /** Rows the report has in all (the model may hold only the first of them). */
  count: number
  /** The core refuses a PDF over the limit; the page disables the button and says why. */
  over: boolean
}

/** The PDF row limit of a report whose model carries one (the register), or null. */
export function pdfRowLimit(model: ReportModel | null): PdfRowLimit | null {
  if (!model?.limits) return null
  const limit = model.limits.pdfRows
  const count = model.rowsTotal ?? model.tables[0]?.rows.length ?? 0
  return { limit, count, over: count > limit }
}
