import { Worker } from 'node:worker_threads'
import type { Cell } from '@shared/reports/model'
import type { FromWorker, ReportWriter, ToWorker, WriteJob } from './writers'

interface Running {
  id: number
  worker: Worker
  pages: AsyncIterator<Cell[][]> | undefined
  onProgress: WriteJob['onProgress']
  /** The page read ahead while the worker writes the one before it. */
  ahead?: Promise<IteratorResult<Cell[][]>>
  resolve(bytes: Buffer): void
  reject(error: Error): void
}

/**
 * V8 collects garbage when a thread allocates, so an idle worker keeps the garbage of its last
 * file: some 440 MB after a PDF of 5,000 register rows, and the next such PDF then peaked at
 * 670 MB. A worker left holding more heap than this after a file is ended at once; the next
 * file starts a new one, which costs a second beside a file that took several.
 */
const LARGE_HEAP = 192 * 2 ** 20

/**
 * Writes in a worker thread (the built `out/main/reportWorker.js`), so a long PDF or a large
 * workbook never stalls the API for the window or the browser.
 *
 * One worker, started on the first export and kept for the later ones: a fresh worker per file
 * loaded exceljs, pdfmake, echarts and fontkit again each time, which cost more than writing a
 * small report (docs/PERFORMANCE.md). Jobs go to it one at a time. A worker that dies, or that
 * is left waiting for a page that cannot come, is dropped and the next job starts a new one; a
 * job the writer itself fails is reported and the worker kept. While idle the worker does not
 * keep the process alive, and after a large file it is ended (see LARGE_HEAP).
 *
 * The database stays in this thread: for a paged job the worker asks for each page when it is
 * ready for it, and this thread reads one page ahead, so a slow writer holds back the reading.
 */
export function workerWriter(workerFile: string, largeHeap = LARGE_HEAP): ReportWriter {
  const kept = new KeptWorker(workerFile, largeHeap)
  return Object.assign((job: WriteJob) => kept.write(job), { close: () => kept.close() })
}

class KeptWorker {
  private worker: Worker | null = null
  private running: Running | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private lastId = 0
  private heapAfterJob = 0

  constructor(
    private readonly file: string,
    private readonly largeHeap: number,
  ) {}

  write(job: WriteJob): Promise<Buffer> {
    const done = this.queue.then(() => this.run(job))
    this.queue = done.catch(() => undefined)
    return done
  }

  /** Ends the worker; a job in progress fails. A later job would start a new one. */
  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }

  private run({ pages, onProgress, ...job }: WriteJob): Promise<Buffer> {
    const worker = this.started()
    const id = ++this.lastId
    const reading = pages?.[Symbol.asyncIterator]()
    this.heapAfterJob = 0
    return new Promise<Buffer>((resolve, reject) => {
      this.running = { id, worker, pages: reading, onProgress, resolve, reject }
      worker.ref()
      worker.postMessage({ id, job: { ...job, paged: pages !== undefined } } satisfies ToWorker)
    }).finally(() => {
      this.running = null
      worker.unref()
      // However the job ended, its reading ends with it (nothing to do when it read to the end).
      void reading?.return?.()
      if (this.heapAfterJob > this.largeHeap) this.end(worker)
    })
  }

  private end(worker: Worker): void {
    if (this.worker === worker) this.worker = null
    void worker.terminate()
  }

  private started(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(this.file)
    worker.unref()
    worker.on('message', (message: FromWorker) => this.answer(worker, message))
    worker.on('error', (error) => this.lost(worker, error))
    worker.on('exit', (code) => this.lost(worker, new Error(`report worker exited with code ${code}`)))
    this.worker = worker
    return worker
  }

  private answer(worker: Worker, message: FromWorker): void {
    const job = this.running
    if (!job || job.worker !== worker || job.id !== message.id) return
    if ('heapUsed' in message) this.heapAfterJob = message.heapUsed
    if ('bytes' in message)
      return job.resolve(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength))
    if ('error' in message)
      return job.reject(Object.assign(new Error(message.error), message.stack ? { stack: message.stack } : {}))
    if ('progress' in message) return job.onProgress?.(message.progress.done, message.progress.total)
    if (!job.pages) return this.fail(job, new Error('report worker asked for a page of an unpaged job'))
    this.sendPage(job, job.pages)
  }

  /**
   * Sends the page the worker asks for, then reads the next one while the worker writes this
   * one: the reading (this thread) and the writing (the worker) overlap, and no more than two
   * pages are held at a time.
   */
  private sendPage(job: Running, pages: AsyncIterator<Cell[][]>): void {
    const page = job.ahead ?? pages.next()
    job.ahead = undefined
    page.then(
      (result) => {
        job.worker.postMessage({ id: job.id, page: result.done ? null : result.value } satisfies ToWorker)
        if (result.done) return
        job.ahead = pages.next()
        // Its failure is reported when the worker asks for it.
        job.ahead.catch(() => undefined)
      },
      (error: unknown) => this.fail(job, error),
    )
  }

  /** A job that cannot go on while its worker waits for a page: the worker goes with it. */
  private fail(job: Running, error: unknown): void {
    job.reject(error instanceof Error ? error : new Error(String(error)))
    this.end(job.worker)
  }

  /** The worker died (or was ended): its job, if any, fails; the next job starts a new worker. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = null
    const job = this.running
    if (job?.worker !== worker) return
    job.reject(error)
  }
}
