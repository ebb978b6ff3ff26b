/** Worker-thread entry: writes one report file and sends the bytes back (see reports/writers.ts). */
import { parentPort, workerData } from 'node:worker_threads'
import { writeInWorker, type WorkerJob } from './reports/writers'

writeInWorker(parentPort!, workerData as WorkerJob).catch((error: unknown) => {
  // Uncaught in the worker: the main thread's 'error' handler rejects the export.
  throw error
})
