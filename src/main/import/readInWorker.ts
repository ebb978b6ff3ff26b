import { Worker, type MessagePort } from 'node:worker_threads'
import { DomainError } from '@shared/api/errors'
import { IMPORT_LIMITS, limitExceeded } from './limits'
import { readSpreadsheet, type Spreadsheet } from './readSpreadsheet'

/** Reads a file sent by the import into rows: in this thread (tests, the CLI) or in a worker. */
export type SpreadsheetReader = (fileName: string, bytes: Buffer) => Promise<Spreadsheet>

type ToWorker = { fileName: string; bytes: Uint8Array }
type FromWorker =
  | { book: Spreadsheet }
  | { refused: { code: DomainError['code']; messageKey: string; issues: DomainError['issues'] } }
  | { error: string }

/** The worker's side (src/main/importWorker.ts): reads the one file it is sent and answers. */
export function serveSpreadsheetRead(port: MessagePort): void {
  port.once('message', ({ fileName, bytes }: ToWorker) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    readSpreadsheet(fileName, buffer).then(
      (book) => port.postMessage({ book } satisfies FromWorker),
      (error: unknown) =>
        port.postMessage(
          (error instanceof DomainError
            ? { refused: { code: error.code, messageKey: error.messageKey, issues: error.issues } }
            : { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }) satisfies FromWorker,
        ),
    )
  })
}

/**
 * Reads each file in a worker of its own (the built `out/main/importWorker.js`), ended as soon
 * as it answers. The API thread stays free meanwhile (`import.progress` and every other call
 * are answered), the worker's heap is capped (a file that needs more is refused, not the app
 * killed), and whatever exceljs allocated goes with the worker: a worker kept alive holds its
 * garbage until it next allocates, which after a 55 KB file was over a gigabyte.
 */
export function workerReader(workerFile: string, heapMb: number = IMPORT_LIMITS.workerHeapMb): SpreadsheetReader {
  return (fileName, bytes) =>
    new Promise<Spreadsheet>((resolve, reject) => {
      const worker = new Worker(workerFile, {
        resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      })
      let settled = false
      const settle = (outcome: () => void) => {
        if (settled) return
        settled = true
        outcome()
        void worker.terminate()
      }
      worker.on('message', (message: FromWorker) =>
        settle(() => {
          if ('book' in message) resolve(message.book)
          else if ('refused' in message) {
            const { code, messageKey, issues } = message.refused
            reject(new DomainError(code, messageKey, issues))
          } else reject(new Error(`spreadsheet worker: ${message.error}`))
        }),
      )
      worker.on('error', (error: Error & { code?: string }) =>
        settle(() =>
          reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? limitExceeded('memory', { limit: heapMb }) : error),
        ),
      )
      worker.on('exit', (code) => settle(() => reject(new Error(`spreadsheet worker exited with code ${code}`))))
      // A copy the worker owns, moved rather than copied again.
      const owned = new Uint8Array(bytes)
      worker.postMessage({ fileName, bytes: owned } satisfies ToWorker, [owned.buffer])
    })
}

export const readInThisThread: SpreadsheetReader = readSpreadsheet
