/** Worker-thread entry: reads one spreadsheet and ends (see import/readInWorker.ts). */
import { parentPort } from 'node:worker_threads'
import { serveSpreadsheetRead } from './import/readInWorker'

serveSpreadsheetRead(parentPort!)
