/**
 * A report worker kept alive between files (the fix the bench proposes for the worker-per-file
 * start cost): it loads the writers once, then writes each job it is sent. Unpaged jobs only.
 */
import { parentPort } from 'node:worker_threads'
import { writeInProcess, type WriteJob } from '../src/main/reports/writers'

parentPort!.on('message', (job: Omit<WriteJob, 'pages'>) => {
  writeInProcess(job).then(
    (bytes) => parentPort!.postMessage({ bytes: new Uint8Array(bytes) }),
    (error: unknown) => parentPort!.postMessage({ error: String(error) }),
  )
})
