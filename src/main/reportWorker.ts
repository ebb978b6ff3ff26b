/** Worker-thread entry: writes report files, one job at a time, for as long as the app keeps it (see reports/keptWorker.ts). */
import { parentPort } from 'node:worker_threads'
import { serveReportJobs } from './reports/workerSide'

serveReportJobs(parentPort!)
