/**
 * Web mode: from spawning `node out/main/web.js --data DIR --port 0` (the built app, as
 * `npm run web` starts it) to the first API answer ('app.info' with the token, sent as soon as
 * the server prints its address). Measured on the first start of a day (the daily backup runs
 * at start) once, and on later starts. Raw: a Node process that opens the same file with
 * better-sqlite3, the same pragmas, and answers one HTTP request.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs'
import { request } from 'node:http'
import { dirname, join } from 'node:path'
import type { BenchContext } from './context'
import { stats } from './measure'

const ROOT = process.cwd()
/** A snapshot of the built app: others build out/ concurrently, and a rebuild mid-run would swap its chunks. */
const SNAPSHOT = join(ROOT, 'node_modules/.cache/akimat-bench/app')
const WEB_JS = join(SNAPSHOT, 'out/main/web.js')

/**
 * Builds the app when stale, under the lock other builders use, and copies out/ while still
 * holding it. Returns why it could not, or null.
 */
export function ensureBuilt(log: (s: string) => void): string | null {
  log('web mode: building the app if stale (flock /tmp/akimat-build.lock node scripts/ensure-build.mjs) and taking a snapshot of out/…')
  rmSync(SNAPSHOT, { recursive: true, force: true })
  mkdirSync(SNAPSHOT, { recursive: true })
  const script = `${JSON.stringify(process.execPath)} scripts/ensure-build.mjs && cp -a out ${JSON.stringify(join(SNAPSHOT, 'out'))}`
  const r = spawnSync('flock', ['/tmp/akimat-build.lock', 'sh', '-c', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  if (r.status !== 0) return `build failed: ${r.stderr.toString().slice(-400)}`
  // web.js finds its resources at ../../resources, beside out/
  symlinkSync(join(ROOT, 'resources'), join(SNAPSHOT, 'resources'))
  return existsSync(WEB_JS) ? null : 'out/main/web.js missing after build'
}

function post(port: number, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/app.info', method: 'POST', headers: { 'x-akimat-token': token, 'content-type': 'application/json' } },
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

/** Spawns, waits for the address line, asks once; returns ms from spawn to the answer. */
async function startOnce(args: string[]): Promise<number> {
  const t = process.hrtime.bigint()
  const p = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      let err = ''
      p.stdout.on('data', (c: Buffer) => {
        out += c.toString()
        const m = /Open: (http:\/\/\S+)/.exec(out)
        if (m) resolve(m[1]!)
      })
      p.stderr.on('data', (c: Buffer) => (err += c.toString()))
      p.on('exit', (code) => reject(new Error(`web process exited (${code}): ${out}${err}`)))
    })
    const { port, hash } = new URL(url)
    const body = await post(Number(port), hash.replace('#token=', ''))
    const ms = Number(process.hrtime.bigint() - t) / 1e6
    if (!body.includes('"ok":true')) throw new Error(`app.info answered ${body}`)
    return ms
  } finally {
    p.kill('SIGTERM')
    await new Promise((resolve) => (p.exitCode !== null ? resolve(null) : p.once('exit', resolve)))
  }
}

export async function webStartCase(b: BenchContext, buildProblem: string | null): Promise<void> {
  const budget = { ms: 1500, on: 'median' as const }
  if (buildProblem) {
    b.results.push({ size: b.label, operation: 'web mode: start to first API answer', app: null, raw: null, baseline: '', budget, note: `not measured: ${buildProblem}` })
    return
  }
  const dataDir = dirname(b.file)
  const args = [WEB_JS, '--data', dataDir, '--port', '0']
  const rawArgs = [join(ROOT, 'bench/webRaw.mjs'), b.file]
  rmSync(join(dataDir, 'backups'), { recursive: true, force: true })
  const first = await startOnce(args) // first start of the day: writes the daily backup before serving
  const warm: number[] = []
  const raw: number[] = []
  await startOnce(args)
  await startOnce(rawArgs)
  for (let i = 0; i < 5; i++) {
    warm.push(await startOnce(args))
    raw.push(await startOnce(rawArgs))
  }
  const rawStats = stats(raw)
  b.results.push({ size: b.label, operation: 'web mode: start to first API answer', app: stats(warm), raw: rawStats, baseline: 'node + better-sqlite3 open + http answer', budget, note: 'later starts of the day' })
  b.results.push({ size: b.label, operation: 'web mode: first start of the day', app: stats([first]), raw: rawStats, baseline: 'as above', budget, note: 'includes the daily backup, awaited before serving' })
}
