/**
 * Web mode: from spawning `node out/main/web.js --data DIR --port 0` (the built app, as
 * `npm run web` starts it) to the first API answer ('app.info' with the token, sent as soon as
 * the server prints its address). Measured on later starts of a day, and on first starts (no
 * backup of today yet: the daily backup runs in the background once the server listens), where
 * the time from spawning to the line saying the backup was written is reported apart. Raw: a
 * Node process that opens the same file with better-sqlite3, the same pragmas, and answers one
 * HTTP request.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs'
import { request } from 'node:http'
import { dirname, join } from 'node:path'
import type { BenchContext } from './context'
import { stats } from './measure'
import { benchKeys } from './generate'

const ROOT = process.cwd()
/** A snapshot of the built app: others build out/ concurrently, and a rebuild mid-run would swap its chunks. */
const SNAPSHOT = join(ROOT, 'node_modules/.cache/akimat-bench/app')
const WEB_JS = join(SNAPSHOT, 'out/main/web.js')

/**
 * Builds the app when stale, under the lock other builders use, and copies out/ while still
 * holding it. Returns why it could not, or null.
 */
export function ensureBuilt(log: (s: string) => void): string | null {
  log(
    'web mode: building the app if stale (flock /tmp/akimat-build.lock node scripts/ensure-build.mjs) and taking a snapshot of out/…',
  )
  rmSync(SNAPSHOT, { recursive: true, force: true })
  mkdirSync(SNAPSHOT, { recursive: true })
  const script = `${JSON.stringify(process.execPath)} scripts/ensure-build.mjs && cp -a out ${JSON.stringify(join(SNAPSHOT, 'out'))}`
  const r = spawnSync('flock', ['/tmp/akimat-build.lock', 'sh', '-c', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (r.status !== 0) return `build failed: ${r.stderr.toString().slice(-400)}`
  // web.js finds its resources at ../../resources, beside out/
  symlinkSync(join(ROOT, 'resources'), join(SNAPSHOT, 'resources'))
  return existsSync(WEB_JS) ? null : 'out/main/web.js missing after build'
}

function post(port: number, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/app.info',
        method: 'POST',
        headers: { 'x-akimat-token': token, 'content-type': 'application/json' },
      },
      (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve(body))
      },
    )
    req.on('error', reject)
    req.end('{}')
  })
}

/** The line web.ts prints when the daily backup is written, and the core's line when it failed. */
const BACKUP_WRITTEN = /Daily backup written: /
const BACKUP_FAILED = /The daily backup was not made/
const BACKUP_TIMEOUT_MS = 15 * 60 * 1000

/**
 * Spawns, waits for the address line, asks once; returns ms from spawn to the answer. With
 * `backup`, also waits (before stopping the process) for the daily backup's line: ms from spawn.
 */
async function startOnce(args: string[], backup = false): Promise<{ answered: number; backupWritten: number | null }> {
  const t = process.hrtime.bigint()
  const since = () => Number(process.hrtime.bigint() - t) / 1e6
  // the bench's history key (whose head trusts the work copy), not this computer's user profile
  const env = { ...process.env, AKIMAT_KEY_DIR: benchKeys().dir }
  const p = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env })
  let out = ''
  let err = ''
  let exited: (error: Error) => void = () => {}
  let backupLine: (ms: number) => void = () => {}
  const written = new Promise<number>((resolve, reject) => {
    backupLine = resolve
    exited = reject
  })
  written.catch(() => undefined) // awaited only with `backup`
  try {
    const url = await new Promise<string>((resolve, reject) => {
      p.stdout.on('data', (c: Buffer) => {
        out += c.toString()
        const m = /Open: (http:\/\/\S+)/.exec(out)
        if (m) resolve(m[1]!)
        if (BACKUP_WRITTEN.test(out)) backupLine(since())
      })
      p.stderr.on('data', (c: Buffer) => {
        err += c.toString()
        if (BACKUP_FAILED.test(err)) exited(new Error(`the daily backup failed: ${err}`))
      })
      p.on('exit', (code) => {
        const error = new Error(`web process exited (${code}): ${out}${err}`)
        reject(error)
        exited(error)
      })
    })
    const { port, hash } = new URL(url)
    const body = await post(Number(port), hash.replace('#token=', ''))
    const answered = since()
    if (!body.includes('"ok":true')) throw new Error(`app.info answered ${body}`)
    if (!backup) return { answered, backupWritten: null }
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no daily backup after ${BACKUP_TIMEOUT_MS / 60000} min: ${out}${err}`)),
        BACKUP_TIMEOUT_MS,
      )
    })
    try {
      return { answered, backupWritten: await Promise.race([written, timeout]) }
    } finally {
      clearTimeout(timer)
    }
  } finally {
    p.kill('SIGTERM')
    await new Promise((resolve) => (p.exitCode !== null ? resolve(null) : p.once('exit', resolve)))
  }
}

export async function webStartCase(b: BenchContext, buildProblem: string | null): Promise<void> {
  const budget = { ms: 1500, on: 'median' as const }
  if (buildProblem) {
    b.results.push({
      size: b.label,
      operation: 'web mode: start to first API answer',
      app: null,
      raw: null,
      baseline: '',
      budget,
      note: `not measured: ${buildProblem}`,
    })
    return
  }
  const dataDir = dirname(b.file)
  const backups = join(dataDir, 'backups')
  const args = [WEB_JS, '--data', dataDir, '--port', '0']
  const rawArgs = [join(ROOT, 'bench/webRaw.mjs'), b.file]
  const warm: number[] = []
  const raw: number[] = []
  const first: number[] = []
  const backupWritten: number[] = []
  /** A first start of the day: no backup of today yet; waits for the one it writes. */
  const firstStart = async () => {
    rmSync(backups, { recursive: true, force: true })
    const run = await startOnce(args, true)
    first.push(run.answered)
    backupWritten.push(run.backupWritten!)
  }
  await firstStart() // also the cold start: the file and the modules read from disk
  await startOnce(args)
  await startOnce(rawArgs)
  for (let i = 0; i < 5; i++) {
    warm.push((await startOnce(args)).answered)
    raw.push((await startOnce(rawArgs)).answered)
  }
  for (let i = 0; i < 2; i++) await firstStart()
  rmSync(backups, { recursive: true, force: true })
  const rawStats = stats(raw)
  b.results.push({
    size: b.label,
    operation: 'web mode: start to first API answer',
    app: stats(warm),
    raw: rawStats,
    baseline: 'node + better-sqlite3 open + http answer',
    budget,
    note: 'later starts of the day',
  })
  b.results.push({
    size: b.label,
    operation: 'web mode: first start of the day',
    app: stats(first),
    raw: rawStats,
    baseline: 'as above',
    budget,
    note: 'the daily backup starts after the server listens; the first run is also the cold one',
  })
  b.results.push({
    size: b.label,
    operation: '  … its daily backup written',
    app: stats(backupWritten),
    raw: null,
    baseline: '',
    budget: null,
    note: 'spawn to "Daily backup written" (in the background; calls answered meanwhile)',
  })
}
