/** Worker-thread entry: writes one report file from a model and sends the bytes back. */
import { parentPort, workerData } from 'node:worker_threads'
import { writeInProcess, type WriteJob } from './reports/writers'

writeInProcess(workerData as WriteJob).then(
  (bytes) => {
    parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer])
  },
  (error: unknown) => {
    throw error
  },
)
