import type { Cell, ReportModel } from '@shared/reports/model'
import type { PdfReportOptions } from './pdfReport'
import type { RowPages } from './xlsx'

export type ReportFormat = 'xlsx' | 'pdf'

export interface WriteJob {
  model: ReportModel
  format: ReportFormat
  pdf: PdfReportOptions
  /**
   * The first table's rows, read from the database page by page while the file is written (the
   * register, whose model holds only its first rows).
   */
  pages?: RowPages
  /** Called as a long file is written (the register's PDF: rows drawn, rows in all). */
  onProgress?: (done: number, total: number) => void
}

/** Turns a report model into file bytes. */
export interface ReportWriter {
  (job: WriteJob): Promise<Buffer>
  /** Frees what the writer holds (its worker thread); the core calls it on close. */
  close?(): Promise<void>
}

/**
 * Writes in this thread: for tests and the command line, where nothing waits on the thread.
 * The long one-table PDFs (the register, the appeal list) are drawn by registerPdf.ts, the other
 * PDFs by pdfmake.
 * The writers are imported on first use: exceljs, pdfmake, echarts and fontkit take a second
 * or more to load, and the main thread that imports this file (through the core) may never
 * write a report itself.
 */
export const writeInProcess: ReportWriter = async (job) => {
  if (job.format === 'xlsx') {
    const { writeXlsx } = await import('./xlsx')
    return writeXlsx(job.model, job.pages)
  }
  if (job.model.kind === 'register' || job.model.kind === 'appeal-list') {
    const { writeRegisterPdf } = await import('./registerPdf')
    const rows: Cell[][] = []
    for await (const page of job.pages ?? [job.model.tables[0]!.rows]) rows.push(...page)
    return writeRegisterPdf(job.model, rows, { ...job.pdf, onProgress: job.onProgress })
  }
  const { writePdf } = await import('./pdfReport')
  return writePdf(job.model, job.pdf)
}

/** What the worker receives: the job without its pages and callback (neither can cross threads). */
export type WorkerJob = Omit<WriteJob, 'pages' | 'onProgress'> & { paged: boolean }

/**
 * The messages between the threads. Each names its job, so that a late page or a late answer
 * of a job that has already failed is never taken for the next job's. The answer says how much
 * heap the worker holds after the job (see keptWorker.ts).
 */
export type ToWorker = { id: number; job: WorkerJob } | { id: number; page: Cell[][] | null }
export type FromWorker =
  | { id: number; next: true }
  | { id: number; progress: { done: number; total: number } }
  | { id: number; bytes: Uint8Array; heapUsed: number }
  | { id: number; error: string; stack?: string; heapUsed: number }

// The app's writer (index.ts, web.ts): a worker thread kept alive between files.
export { workerWriter } from './keptWorker'
