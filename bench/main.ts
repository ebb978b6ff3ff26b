/**
 * `npm run bench` — see docs/PERFORMANCE.md. Options:
 *   --engine postgres     the same cases on PostgreSQL (pgData.ts, pgCases.ts); default sqlite
 *   --db postgres://…     with --engine postgres: an existing database to fill, instead of the
 *                         embedded server's cached copies
 *   --sizes 10k,100k,1m   which database sizes (default: all three)
 *   --only list,search    which groups of cases (list, search, aggregate, lookup, reports,
 *                         register, import, web, save, auth, indexes, attachments; default: all)
 *   --fresh               regenerate the cached databases
 *   --plans               print the query plans of the hot queries at each size
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startCore } from '../src/main/core'
import { workerWriter } from '../src/main/reports/writers'
import { aggregationCases, listCases, lookupCases, saveCase, searchCases } from './cases'
import { Client } from 'pg'
import { withoutPassword } from '../src/main/db/postgresUrl'
import { makeCall, openRaw, today, type BenchContext, type CoreBench } from './context'
import { benchKeys, generateDatabase, GENERATOR_VERSION, trustHead, type BenchMeta } from './generate'
import { importCase } from './importCase'
import { authCase } from './authCase'
import { attachmentsCase } from './attachmentsCase'
import { indexEvidence, printPlans } from './indexes'
import { table, verdict, type Result } from './measure'
import { registerCases, runChildJob, sectorTableCases, WORKER_FILE, type ChildJob } from './reports'
import { ensureBuilt, webStartCase } from './web'
import { postgresTarget, type PostgresTarget } from './pgData'
import {
  pgAggregationCases,
  pgImportCase,
  pgListCases,
  pgLookupCases,
  pgRegisterCases,
  pgSaveCase,
  pgSearchCases,
  pgSectorTableCases,
  type PgBench,
} from './pgCases'

const ROOT = process.cwd()
const CACHE = join(ROOT, 'bench/.cache')
const RESOURCES = join(ROOT, 'resources')
const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 }
const GROUPS = [
  'list',
  'search',
  'aggregate',
  'lookup',
  'reports',
  'register',
  'import',
  'web',
  'save',
  'auth',
  'indexes',
  'attachments',
] as const
type Group = (typeof GROUPS)[number]

/**
 * The groups that mean nothing on PostgreSQL: web (web mode serves the SQLite file), auth
 * (sessions live in the core's memory: no database in it), indexes (drops and rebuilds
 * SQLite's indexes, reads SQLite's plans) and attachments (it times the desk's backup, which
 * copies the SQLite file with its backup API; a server's backup goes through the table copier).
 */
const SQLITE_ONLY: readonly Group[] = ['web', 'auth', 'indexes', 'attachments']
const POSTGRES_GROUPS: readonly Group[] = GROUPS.filter((group) => !SQLITE_ONLY.includes(group))

const log = (line: string) => console.log(line)

/** Cached databases are keyed by the migrations and the generator: a change to either regenerates them. */
function cacheKey(): string {
  const hash = createHash('sha256').update(String(GENERATOR_VERSION))
  const migrations = join(ROOT, 'src/main/db/migrations')
  // migrations' data folders (000N-data/) are part of what a migration does
  const files = readdirSync(migrations, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  for (const name of files.map((e) => join(e.parentPath ?? e.path, e.name)).sort())
    hash.update(name.slice(migrations.length)).update(readFileSync(name))
  for (const name of ['bench/generate.ts', 'bench/data.ts']) hash.update(readFileSync(join(ROOT, name)))
  return hash.digest('hex').slice(0, 10)
}

async function cachedDatabase(label: string, size: number, fresh: boolean): Promise<{ file: string; meta: BenchMeta }> {
  const dir = join(CACHE, 'db')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `appeals-${label}-${cacheKey()}.sqlite`)
  if (fresh || !existsSync(file) || !existsSync(`${file}.json`)) {
    for (const old of readdirSync(dir).filter((n) => n.startsWith(`appeals-${label}-`)))
      rmSync(join(dir, old), { force: true })
    log(`generating ${label} (${size.toLocaleString('en')} appeals)…`)
    const meta = await generateDatabase(file, size, RESOURCES, log)
    log(`generated ${label} in ${meta.seconds.toFixed(1)} s`)
    return { file, meta }
  }
  return { file, meta: JSON.parse(readFileSync(`${file}.json`, 'utf8')) as BenchMeta }
}

/** A fresh work copy for this run: the cases write (appeals, imports, backups), the cache stays as generated. */
function workCopy(label: string, file: string): string {
  const dir = join(CACHE, 'run', label)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const work = join(dir, 'akimat.sqlite')
  copyFileSync(file, work)
  trustHead(work)
  return work
}

async function openBench(
  label: string,
  meta: BenchMeta,
  file: string,
  results: Result[],
  largest = false,
): Promise<BenchContext> {
  const core = await startCore({
    databaseFile: file,
    version: 'bench',
    resourcesDir: RESOURCES,
    reportWriter: workerWriter(WORKER_FILE),
    auditKeys: benchKeys(),
  })
  return { label, meta, file, core, raw: openRaw(file), today: today(), call: makeCall(core), results, largest, log }
}

/** The core on a PostgreSQL work database, as the office server starts it, and a `pg` connection beside it. */
async function openPgBench(
  label: string,
  meta: BenchMeta,
  postgresUrl: string,
  results: Result[],
  largest = false,
): Promise<PgBench> {
  // the head store names the database by its address without the password, as the server does
  const file = withoutPassword(postgresUrl)
  const dir = join(CACHE, 'run', `${label}-postgres`)
  const core = await startCore({
    databaseFile: file,
    postgresUrl,
    version: 'bench',
    resourcesDir: RESOURCES,
    reportWriter: workerWriter(WORKER_FILE),
    auditKeys: benchKeys(),
    attachmentsDir: join(dir, 'attachments'),
    backupsDir: join(dir, 'backups'),
  })
  const raw = new Client({ connectionString: postgresUrl })
  await raw.connect()
  return { label, meta, file, postgresUrl, core, raw, today: today(), call: makeCall(core), results, largest, log }
}

interface RunOptions {
  groups: Set<Group>
  fresh: boolean
  plans: boolean
  buildProblem: string | null
  largest: string
  /** With `--engine postgres`: where the data is copied. */
  postgres: PostgresTarget | null
}

/** Runs the groups asked for, in the table's order, each timed. */
async function runGroups<B extends CoreBench>(
  b: B,
  groups: Set<Group>,
  cases: [Group, (b: B) => Promise<void>][],
): Promise<void> {
  for (const [group, run] of cases) {
    if (!groups.has(group)) continue
    const t = Date.now()
    await run(b)
    log(`  ${b.label} ${group}: ${((Date.now() - t) / 1000).toFixed(1)} s`)
  }
}

async function runPostgresSize(label: string, o: RunOptions, results: Result[]): Promise<void> {
  const size = SIZES[label]!
  const { file, meta } = await cachedDatabase(label, size, o.fresh)
  const t = Date.now()
  const url = await o.postgres!.workDatabase(label, file, cacheKey())
  log(`${label} on PostgreSQL ready in ${((Date.now() - t) / 1000).toFixed(1)} s`)
  const b = await openPgBench(label, meta, url, results, label === o.largest)
  const version = String((await b.raw.query('SHOW server_version')).rows[0]?.server_version)
  log(
    `${label}: ${meta.appeals.toLocaleString('en')} appeals on PostgreSQL ${version}, ${meta.start}…${meta.end}; load average ${loadavg()[0]!.toFixed(1)}`,
  )
  const from = results.length
  try {
    await runGroups(b, o.groups, [
      ['list', pgListCases],
      ['search', pgSearchCases],
      ['aggregate', pgAggregationCases],
      ['lookup', pgLookupCases],
      ['reports', pgSectorTableCases],
      ['register', pgRegisterCases],
      ['save', pgSaveCase],
      ['import', pgImportCase],
    ])
  } finally {
    await b.raw.end()
    await b.core.close()
  }
  log(`\n${table(results.slice(from))}\n`)
}

async function runSize(label: string, o: RunOptions, results: Result[]): Promise<void> {
  const { groups } = o
  const size = SIZES[label]!
  const { file, meta } = await cachedDatabase(label, size, o.fresh)
  const work = workCopy(label, file)
  const b = await openBench(label, meta, work, results, label === o.largest)
  log(
    `${label}: ${meta.appeals.toLocaleString('en')} appeals, ${meta.meetings} meetings, ${meta.start}…${meta.end}; load average ${loadavg()[0]!.toFixed(1)}`,
  )
  const from = results.length
  try {
    if (o.plans) await printPlans(b)
    await runGroups(b, groups, [
      ['list', listCases],
      ['search', searchCases],
      ['aggregate', aggregationCases],
      ['lookup', lookupCases],
      ['reports', sectorTableCases],
      ['register', registerCases],
      ['web', (x) => webStartCase(x, o.buildProblem)],
      ['save', saveCase],
      ['auth', authCase],
      ['import', importCase],
      ['indexes', indexEvidence],
      ['attachments', attachmentsCase],
    ])
  } finally {
    b.raw.close()
    await b.core.close()
  }
  log(`\n${table(results.slice(from))}\n`)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10k,100k,1m' },
      only: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      plans: { type: 'boolean', default: false },
      child: { type: 'string' },
      engine: { type: 'string', default: 'sqlite' },
      db: { type: 'string' },
    },
    strict: true,
  })
  if (values.child) return childMain(JSON.parse(values.child) as ChildJob & { file: string; postgresUrl?: string })
  if (values.engine !== 'sqlite' && values.engine !== 'postgres')
    throw new Error(`unknown engine ${values.engine}: use sqlite or postgres`)
  const onPostgres = values.engine === 'postgres'
  if (values.db && !onPostgres) throw new Error('--db is for --engine postgres')

  const labels = values.sizes
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
  for (const l of labels) if (!SIZES[l]) throw new Error(`unknown size ${l}: use ${Object.keys(SIZES).join(', ')}`)
  const groups = new Set<Group>((values.only ?? GROUPS.join(',')).split(',').map((g) => g.trim() as Group))
  for (const g of groups) if (!GROUPS.includes(g)) throw new Error(`unknown group ${g}: use ${GROUPS.join(', ')}`)
  if (onPostgres)
    for (const g of groups)
      if (!POSTGRES_GROUPS.includes(g)) {
        if (values.only) log(`${g}: SQLite only (docs/PERFORMANCE.md), left out on PostgreSQL`)
        groups.delete(g)
      }

  const machine = `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}`
  log(`Akimat Desk bench — ${machine}; engine ${values.engine}; load average ${loadavg()[0]!.toFixed(1)}`)
  const buildProblem = groups.has('web') ? ensureBuilt(log) : null
  const started = Date.now()
  const results: Result[] = []
  const largest = Object.keys(SIZES)
    .filter((l) => labels.includes(l))
    .at(-1)!
  const postgres = onPostgres ? await postgresTarget(CACHE, values.db, log) : null
  try {
    for (const label of labels) {
      const o = { groups, fresh: values.fresh, plans: values.plans, buildProblem, largest, postgres }
      await (onPostgres ? runPostgresSize(label, o, results) : runSize(label, o, results))
    }
  } finally {
    await postgres?.stop()
  }

  const missed = results.filter((r) => verdict(r) === 'MISSED')
  log(
    `All sizes, ${onPostgres ? 'PostgreSQL' : 'SQLite'} (${((Date.now() - started) / 1000).toFixed(0)} s; load average now ${loadavg()[0]!.toFixed(1)}):\n\n${table(results)}\n`,
  )
  log(
    missed.length === 0
      ? 'Every budget met.'
      : `Budgets missed: ${missed.map((r) => `${r.size} ${r.operation.trim()}`).join('; ')}`,
  )
  mkdirSync(join(CACHE, 'results'), { recursive: true })
  const out = join(CACHE, 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(out, JSON.stringify({ machine, engine: values.engine, results }, null, 2))
  log(`Results: ${out}`)
}

/** A child process for one memory-measured export (see reports.ts), on the engine of its parent. */
async function childMain(job: ChildJob & { file: string; postgresUrl?: string }): Promise<void> {
  const meta = { size: 0 } as BenchMeta
  const b = job.postgresUrl
    ? await openPgBench('child', meta, job.postgresUrl, [])
    : await openBench('child', meta, job.file, [])
  try {
    const result = await runChildJob(b, job)
    console.log(`@@${JSON.stringify(result)}`)
  } finally {
    await ('end' in b.raw ? b.raw.end() : b.raw.close())
    await b.core.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
