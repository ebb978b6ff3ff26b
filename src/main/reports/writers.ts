import { Worker, type MessagePort } from 'node:worker_threads'
import type { Cell, ReportModel } from '@shared/reports/model'
import { writePdf, type PdfReportOptions } from './pdfReport'
import { writeXlsx, type RowPages } from './xlsx'

export type ReportFormat = 'xlsx' | 'pdf'

export interface WriteJob {
  model: ReportModel
  format: ReportFormat
  pdf: PdfReportOptions
  /**
   * xlsx only: the first table's rows, read from the database page by page while the file is
   * written (the register, whose model holds only its first rows).
   */
  pages?: RowPages
}

/** Turns a report model into file bytes. */
export type ReportWriter = (job: WriteJob) => Promise<Buffer>

/** Writes in this thread: for tests and the command line, where nothing waits on the thread. */
export const writeInProcess: ReportWriter = (job) => (job.format === 'xlsx' ? writeXlsx(job.model, job.pages) : writePdf(job.model, job.pdf))

/** What the worker receives: the job without its pages (a generator cannot cross threads). */
export type WorkerJob = Omit<WriteJob, 'pages'> & { paged: boolean }

/** Worker → main: ask for the next page, or hand over the file. Main → worker: a page, or null at the end. */
type FromWorker = { next: true } | { bytes: Uint8Array }
type ToWorker = Cell[][] | null

/**
 * Writes in a worker thread (the built `out/main/reportWorker.js`), so a long PDF or a large
 * workbook never stalls the API for the window or the browser. One worker per file: exports
 * are rare, and a fresh worker frees all its memory when it ends. The database stays in this
 * thread: for a paged job the worker asks for each page when it is ready for it, so at most one
 * page is in flight and a slow writer holds back the reading.
 */
export function workerWriter(workerFile: string): ReportWriter {
  return ({ pages, ...job }) =>
    new Promise<Buffer>((resolve, reject) => {
      const workerData: WorkerJob = { ...job, paged: pages !== undefined }
      const worker = new Worker(workerFile, { workerData })
      const iterator = pages?.[Symbol.asyncIterator]()
      const fail = (error: unknown) => {
        void worker.terminate()
        void iterator?.return?.()
        reject(error instanceof Error ? error : new Error(String(error)))
      }
      worker.on('message', (message: FromWorker) => {
        if ('bytes' in message) return resolve(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength))
        if (!iterator) return fail(new Error('report worker asked for a page of an unpaged job'))
        iterator.next().then((page) => worker.postMessage((page.done ? null : page.value) satisfies ToWorker), fail)
      })
      worker.once('error', fail)
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`report worker exited with code ${code}`))
      })
    })
}

/** The worker's side (src/main/reportWorker.ts): writes the job, asking `port` for its pages. */
export async function writeInWorker(port: MessagePort, job: WorkerJob): Promise<void> {
  const bytes = await writeInProcess({ ...job, pages: job.paged ? pagesFrom(port) : undefined })
  // A copy that owns its whole buffer, so transferring it moves nothing else.
  const owned = new Uint8Array(bytes)
  port.postMessage({ bytes: owned } satisfies FromWorker, [owned.buffer])
}

async function* pagesFrom(port: MessagePort): RowPages {
  for (;;) {
    const page = new Promise<ToWorker>((resolve) => port.once('message', resolve))
    port.postMessage({ next: true } satisfies FromWorker)
    const rows = await page
    if (rows === null) return
    yield rows
  }
}
