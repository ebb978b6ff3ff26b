import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { isPostgresUrl, withoutPassword } from './db/postgresUrl'

export const PRODUCT_NAME = 'Akimat Desk'
export const DATABASE_FILE_NAME = 'akimat.sqlite'
export const DATA_DIR_ENV = 'AKIMAT_DATA_DIR'
export const KEY_DIR_ENV = 'AKIMAT_KEY_DIR'

/**
 * The per-user folder of the app, computed as the desktop app sets it, so that web mode opens
 * the same database: %LOCALAPPDATA%\Akimat Desk on Windows (local, not roaming: a roaming
 * profile would copy the personal data to the domain's file server at every sign-out), and
 * Electron's own `userData` elsewhere: ~/Library/Application Support/Akimat Desk on macOS,
 * $XDG_CONFIG_HOME/Akimat Desk (or ~/.config/Akimat Desk) on Linux.
 */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), PRODUCT_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT_NAME)
}

/**
 * Where earlier versions kept the per-user folder, when it differs from today's: Electron's
 * default %APPDATA%\Akimat Desk (roaming) on Windows; null elsewhere (nothing moved).
 */
export function legacyUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (platform !== 'win32') return null
  return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME)
}

/** The data folder: --data DIR, else $AKIMAT_DATA_DIR, else `<user data>/data`. */
export function resolveDataDir(options: { flag?: string; env?: NodeJS.ProcessEnv; userDataDir?: string }): string {
  const env = options.env ?? process.env
  if (options.flag) return resolve(options.flag)
  if (env[DATA_DIR_ENV]) return resolve(env[DATA_DIR_ENV])
  return join(options.userDataDir ?? defaultUserDataDir(env), 'data')
}

export const databaseFileIn = (dataDir: string): string => join(dataDir, DATABASE_FILE_NAME)

/** A one-PC office's attachments folder: `attachments` beside its database file. */
export const attachmentsDirBeside = (databaseFile: string): string => join(dirname(databaseFile), 'attachments')

/**
 * The folder of the key that signs the history and of the chain heads: $AKIMAT_KEY_DIR, else
 * `<user data>/history-key`. It belongs to the user's profile, not to a data folder: a copy of
 * the data folder (or --data elsewhere) never carries the key with it.
 */
export function resolveKeyDir(options: { env?: NodeJS.ProcessEnv; userDataDir?: string } = {}): string {
  const env = options.env ?? process.env
  if (env[KEY_DIR_ENV]) return resolve(env[KEY_DIR_ENV])
  return join(options.userDataDir ?? defaultUserDataDir(env), 'history-key')
}

/** Where the core's data lives: the SQLite file of a data folder, or an office server's PostgreSQL database. */
export interface DatabaseTarget {
  /** The SQLite file; for PostgreSQL, the address without its password (it names the history's head). */
  databaseFile: string
  postgresUrl?: string
}

/**
 * The database the command line names: `--db postgres://user:password@host:port/db` (the
 * office server), else the data folder's SQLite file (`--data DIR`, as resolveDataDir). Both
 * at once is a mistake: which one was meant cannot be told.
 */
export function resolveDatabaseTarget(flags: { data?: string; db?: string }, userDataDir?: string): DatabaseTarget {
  if (flags.db === undefined) return { databaseFile: databaseFileIn(resolveDataDir({ flag: flags.data, userDataDir })) }
  if (flags.data !== undefined) throw new Error('--data and --db name two databases: give one of them')
  if (!isPostgresUrl(flags.db))
    throw new Error(`--db must be postgres://user:password@host:port/database, got ${flags.db}`)
  return { databaseFile: withoutPassword(flags.db), postgresUrl: flags.db }
}

/**
 * Where the office server's automatic backups go (`--backups DIR`, else a folder per database
 * under `<user data>/server-backups`, named by host, port and database): a `--db` start has no
 * data folder to keep them beside.
 */
export function resolveServerBackupsDir(flag: string | undefined, postgresUrl: string, userDataDir?: string): string {
  if (flag) return resolve(flag)
  return join(userDataDir ?? defaultUserDataDir(), 'server-backups', serverFolderName(postgresUrl))
}

/**
 * Where the attachments of an office server's database live: `<data>/attachments` with
 * `--embedded-postgres --data DIR` (beside the cluster, as a desktop's beside its file), else a
 * folder per database under `<user data>/server-attachments`, named as its backups folder. The
 * server and the command line take `--attachments DIR` instead (serverArgs.ts, cli.ts).
 */
export function resolveServerAttachmentsDir(
  postgresUrl: string,
  embeddedData: string | null,
  userDataDir?: string,
): string {
  if (embeddedData) return join(embeddedData, 'attachments')
  return join(userDataDir ?? defaultUserDataDir(), 'server-attachments', serverFolderName(postgresUrl))
}

/** A database's folder name: its host, port and name, file-name safe. */
function serverFolderName(postgresUrl: string): string {
  const url = new URL(postgresUrl)
  return `${url.hostname}-${url.port || '5432'}-${decodeURIComponent(url.pathname.slice(1))}`.replace(
    /[^A-Za-z0-9._-]/g,
    '_',
  )
}
