import { getHeapStatistics } from 'node:v8'
import type { MessagePort } from 'node:worker_threads'
import type { Cell } from '@shared/reports/model'
import { writeInProcess, type FromWorker, type ToWorker } from './writers'
import type { RowPages } from './xlsx'

const heapUsed = () => getHeapStatistics().used_heap_size

/**
 * The worker's side (src/main/reportWorker.ts, see keptWorker.ts): writes each job it is sent,
 * asking `port` for a paged job's pages, and answers with the bytes or the error. The writers
 * are loaded on the first job that needs them and stay loaded for the next.
 */
export function serveReportJobs(port: MessagePort): void {
  // The page the current job waits for, by job id.
  let waiting: { id: number; take(rows: Cell[][] | null): void } | null = null

  async function* pagesOf(id: number): RowPages {
    for (;;) {
      const page = new Promise<Cell[][] | null>((take) => (waiting = { id, take }))
      port.postMessage({ id, next: true } satisfies FromWorker)
      const rows = await page
      if (rows === null) return
      yield rows
    }
  }

  port.on('message', (message: ToWorker) => {
    if ('page' in message) {
      if (waiting?.id === message.id) waiting.take(message.page)
      return
    }
    const { id, job } = message
    const onProgress = (done: number, total: number) =>
      port.postMessage({ id, progress: { done, total } } satisfies FromWorker)
    writeInProcess({ ...job, pages: job.paged ? pagesOf(id) : undefined, onProgress })
      .then(
        (bytes) => {
          // Transferred, not copied: the file's bytes usually own their whole buffer (a large
          // Buffer.concat does); otherwise a copy that does, so the transfer moves nothing else.
          const whole =
            bytes.buffer instanceof ArrayBuffer &&
            bytes.byteOffset === 0 &&
            bytes.byteLength === bytes.buffer.byteLength
              ? bytes.buffer
              : null
          const owned = whole ? new Uint8Array(whole) : new Uint8Array(bytes)
          port.postMessage({ id, bytes: owned, heapUsed: heapUsed() } satisfies FromWorker, [owned.buffer])
        },
        (error: unknown) => {
          const [message, stack] = error instanceof Error ? [error.message, error.stack] : [String(error), undefined]
          port.postMessage({ id, error: message, stack, heapUsed: heapUsed() } satisfies FromWorker)
        },
      )
      .finally(() => {
        if (waiting?.id === id) waiting = null
      })
  })
}
