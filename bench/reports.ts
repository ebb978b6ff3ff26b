/**
 * Report files through 'reports.export', written as the app writes them: in its report worker
 * thread, kept alive between files (the app's src/main/reportWorker.ts, bundled beside the
 * bench). The register's xlsx and the PDFs run in a child process of their own, so that its
 * peak memory (RSS, the worker thread included) is the export's and nothing else's.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { ApiInput } from '@shared/api/contract'
import { sectorYearCountsQuery } from '../src/main/reports/sectorByYear'
import { workerWriter } from '../src/main/reports/writers'
import { ReportService } from '../src/main/services/reports'
import { parameter } from '../src/main/db/dialect'
import { rawStatement, type BenchContext, type CoreBench } from './context'
import { time, timePair, type Stats } from './measure'

export const WORKER_FILE = join(__dirname, 'reportWorker.js')
const RESOURCES = join(process.cwd(), 'resources')

type ExportInput = ApiInput<'reports.export'>

const sectorTableParams = (b: CoreBench) => ({
  kind: 'sector-by-year' as const,
  from: b.meta.years[0]!,
  to: b.meta.years.at(-1)!,
  source: 'all' as const,
  localityId: null,
})

export async function sectorTableCases(b: BenchContext): Promise<void> {
  const counts = rawStatement(b.raw, await sectorYearCountsQuery(b.core.database.dataSource, sectorTableParams(b)))
  await sectorTableFiles(b, () => counts.all())
}

/** The sector table's files on either engine, against `rawCounts`: reading the same counts, raw. */
export async function sectorTableFiles(b: CoreBench, rawCounts: () => unknown): Promise<void> {
  const params = sectorTableParams(b)
  const ctx = { operator: 'bench', door: 'web' as const }
  for (const format of ['xlsx', 'pdf'] as const) {
    const input: ExportInput = { lang: 'kk', params, format }
    const timing = { warmup: 1, runs: format === 'xlsx' ? 8 : 5, maxMs: 12_000 }
    // The core's writer keeps its worker: after the warm-up these are later files, as in a session.
    const t = await timePair(() => b.call('reports.export', input), rawCounts, timing)
    const budget = format === 'xlsx' ? { ms: 300, on: 'median' as const } : { ms: 1000, on: 'median' as const }
    const what = format === 'xlsx' ? 'xlsx of the sector table (ten years)' : 'pdf of the sector table with its chart'
    b.results.push({
      size: b.label,
      operation: what,
      ...t,
      baseline: 'the counts SQL, raw',
      budget,
      note: "the app's report worker, kept alive",
    })
    // The first export after start also starts the worker and loads the writer's modules.
    const first = await time(
      async () => {
        const writer = workerWriter(WORKER_FILE)
        try {
          await new ReportService(
            b.core.database.dataSource,
            b.core.services.office,
            writer,
            RESOURCES,
            () => new Date(),
          ).export('kk', params, format, ctx)
        } finally {
          await writer.close?.()
        }
      },
      { warmup: 0, runs: 3, maxMs: 20_000 },
    )
    const loads = format === 'xlsx' ? 'exceljs' : 'pdfmake, echarts, fontkit'
    b.results.push({
      size: b.label,
      operation: `  ${format}, first file after start`,
      app: first,
      raw: t.raw,
      baseline: 'as above',
      budget: null,
      note: `starts the worker, loads ${loads}`,
    })
  }
}

/**
 * Periods of about n rows ending at the last day of the data (n ≤ all rows), and their row
 * count: read through the core's own connection, on either engine (setting up, not measured).
 */
async function periodOf(b: CoreBench, n: number, atMost: boolean): Promise<{ from: string; to: string; rows: number }> {
  const db = b.core.database.dataSource
  const [p0, p1] = [parameter(db, 0), parameter(db, 1)]
  const one = async (sql: string, params: unknown[] = []) =>
    Object.values(((await db.query(sql, params)) as Record<string, unknown>[])[0] ?? {})[0]
  const to = b.meta.end
  const total = Number(await one('SELECT COUNT(*) AS n FROM appeals'))
  let from = String(
    await one(`SELECT registered_on FROM appeals ORDER BY registered_on DESC LIMIT 1 OFFSET ${Math.min(n, total) - 1}`),
  )
  const count = async () =>
    Number(await one(`SELECT COUNT(*) AS n FROM appeals WHERE registered_on BETWEEN ${p0} AND ${p1}`, [from, to]))
  if (atMost && (await count()) > n)
    from = String(await one(`SELECT MIN(registered_on) AS d FROM appeals WHERE registered_on > ${p0}`, [from]))
  return { from, to, rows: await count() }
}

/**
 * The register's files, at the largest size of the run only (the xlsx budget is for 100,000
 * rows of a million-appeal database; the PDFs hardly depend on the database's size).
 */
export async function registerCases(b: BenchContext): Promise<void> {
  const rawRead = b.raw
    .prepare(`SELECT a.*, s.name_kk, l.name_kk, ex.full_name FROM appeals a LEFT JOIN sectors s ON s.id = a.sector_id
    LEFT JOIN localities l ON l.id = a.locality_id LEFT JOIN staff ex ON ex.id = a.executor_id WHERE a.registered_on BETWEEN ? AND ? ORDER BY a.reg_number`)
  await registerFiles(b, (from, to) => {
    for (const row of rawRead.iterate(from, to)) void row
  })
}

/** The register's files on either engine, against `rawRead`: reading the period's rows with their names, raw. */
export async function registerFiles(
  b: CoreBench,
  rawRead: (from: string, to: string) => Promise<void> | void,
): Promise<void> {
  if (!b.largest) return
  // xlsx of (about) 100,000 rows: all rows at the smaller sizes
  const big = await periodOf(b, 100_000, false)
  const xlsx = await child(b, { kind: 'register-xlsx', from: big.from, to: big.to, runs: 3, maxMs: 60_000 })
  const raw = await time(() => rawRead(big.from, big.to), { warmup: 1, runs: 3 })
  b.results.push({
    size: b.label,
    operation: `xlsx of the register, ${big.rows.toLocaleString('en')} rows`,
    app: xlsx.stats,
    raw,
    baseline: 'reading the same rows in one statement, raw',
    budget: { ms: 5000, on: 'median', peakMb: 400 },
    peakMb: xlsx.peakMb,
    note: xlsx.note,
  })

  // The register's PDF, drawn with pdfkit (reports/registerPdf.ts): at 5,000 rows, the size
  // pdfmake took 6.2 s for, and at the API's limit of 20,000 rows (all rows at the smaller sizes).
  const five = await periodOf(b, 5000, false)
  const pdf5 = await child(b, { kind: 'register-pdf', from: five.from, to: five.to, runs: 2, maxMs: 60_000 })
  b.results.push({
    size: b.label,
    operation: `pdf of the register, ${five.rows.toLocaleString('en')} rows (API)`,
    app: pdf5.stats,
    raw: null,
    baseline: '',
    budget: { ms: 3000, on: 'median' },
    peakMb: pdf5.peakMb,
    note: pdf5.note,
  })
  const limit = await periodOf(b, 20_000, true)
  const pdf = await child(b, { kind: 'register-pdf', from: limit.from, to: limit.to, runs: 2, maxMs: 120_000 })
  b.results.push({
    size: b.label,
    operation: `pdf of the register, ${limit.rows.toLocaleString('en')} rows (API, its row limit)`,
    app: pdf.stats,
    raw: null,
    baseline: '',
    budget: null,
    peakMb: pdf.peakMb,
    note: pdf.note,
  })
}

export interface ChildJob {
  kind: 'register-xlsx' | 'register-pdf'
  from: string
  to: string
  runs: number
  maxMs: number
}

interface ChildResult {
  stats: Stats
  peakMb: number
  note?: string
}

function child(b: CoreBench, job: ChildJob): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [join(__dirname, 'bench.js'), '--child', JSON.stringify({ ...job, file: b.file, postgresUrl: b.postgresUrl })],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let out = ''
    p.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    p.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@'))
      if (code !== 0 || !line) return reject(new Error(`bench child ${job.kind} failed (${code}): ${out}`))
      resolve(JSON.parse(line.slice(2)) as ChildResult)
    })
  })
}

/** In the child process: one export kind, timed, with the process's peak RSS. */
export async function runChildJob(b: CoreBench, job: ChildJob): Promise<ChildResult> {
  const params = { kind: 'register' as const, from: job.from, to: job.to, localityId: null }
  let bytes = 0
  // Through the core's own writer, its worker kept between runs as the app keeps it.
  const once = async () => {
    const out = await b.call('reports.export', {
      lang: 'kk',
      params,
      format: job.kind === 'register-xlsx' ? 'xlsx' : 'pdf',
    })
    bytes = Math.round((out.base64.length * 3) / 4)
  }
  const stats = await time(once, { warmup: 0, runs: job.runs, maxMs: job.maxMs })
  return { stats, peakMb: process.resourceUsage().maxRSS / 1024, note: `${(bytes / 1e6).toFixed(1)} MB file` }
}
