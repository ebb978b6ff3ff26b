import { Worker } from 'node:worker_threads'
import type { ReportModel } from '@shared/reports/model'
import { writePdf, type PdfReportOptions } from './pdfReport'
import { writeXlsx } from './xlsx'

export type ReportFormat = 'xlsx' | 'pdf'

export interface WriteJob {
  model: ReportModel
  format: ReportFormat
  pdf: PdfReportOptions
}

/** Turns a report model into file bytes. */
export type ReportWriter = (job: WriteJob) => Promise<Buffer>

/** Writes in this thread: for tests and the command line, where nothing waits on the thread. */
export const writeInProcess: ReportWriter = (job) => (job.format === 'xlsx' ? writeXlsx(job.model) : writePdf(job.model, job.pdf))

/**
 * Writes in a worker thread (the built `out/main/reportWorker.js`), so a long PDF or a large
 * workbook never stalls the API for the window or the browser. One worker per file: exports
 * are rare, and a fresh worker frees all its memory when it ends.
 */
export function workerWriter(workerFile: string): ReportWriter {
  return (job) =>
    new Promise<Buffer>((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: job })
      worker.once('message', (bytes: Uint8Array) => resolve(Buffer.from(bytes)))
      worker.once('error', reject)
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`report worker exited with code ${code}`))
      })
    })
}
