import { parseArgs } from 'node:util'
import { hostname } from 'node:os'
import { isIP } from 'node:net'
import { join, resolve } from 'node:path'
import { isPostgresUrl } from '../db/postgresUrl'

export const DEFAULT_SERVER_PORT = 4780
/** The embedded PostgreSQL's port on 127.0.0.1: beside a system PostgreSQL's 5432. */
export const DEFAULT_EMBEDDED_PG_PORT = 5433

export const SERVER_USAGE = `npm run server -- (--db postgres://USER:PASSWORD@HOST:PORT/DB | --embedded-postgres --data DIR)
                  [--host ADDRESS] [--port N] [--state DIR] [--backups DIR] [--attachments DIR]
                  [--cert FILE --key FILE] [--pg-port N]
  --db URL             the office's PostgreSQL database
  --embedded-postgres  start PostgreSQL from the embedded-postgres package in DIR/postgres (with --data DIR)
  --host ADDRESS       address to listen on (default 127.0.0.1: this computer only; 0.0.0.0: the office network)
  --port N             HTTPS port (default ${DEFAULT_SERVER_PORT}; 0: any free port)
  --state DIR          where the server keeps its certificate (default: --data DIR, else <user data>/server)
  --backups DIR        the daily backups' folder (default: DIR/backups with --data, else <user data>/server-backups/…)
  --attachments DIR    the attached files' folder (default: DIR/attachments with --data, else <user data>/server-attachments/…)
  --cert FILE --key FILE  the office's own certificate (PEM, chain after it) and key, instead of a self-signed one
  --pg-port N          the embedded PostgreSQL's port on 127.0.0.1 (default ${DEFAULT_EMBEDDED_PG_PORT})`

export interface ServerArgs {
  /** The office's database, or null with the embedded PostgreSQL. */
  db: string | null
  /** The embedded PostgreSQL's data folder, when it is the one served. */
  embeddedData: string | null
  embeddedPort: number
  host: string
  /** The name desks open: the host name when listening on every interface. */
  publicName: string
  port: number
  stateDir: string
  /** The daily backups' folder as given, or with the embedded PostgreSQL its data folder's; else null (decided from --db). */
  backupsDir: string | null
  /** The attachments folder as given; null: decided from --data or --db (resolveServerAttachmentsDir). */
  attachmentsDir: string | null
  officeCertificate: { cert: string; key: string } | null
}

/** The command line of the office server, checked: a mistake is an Error whose message says what to give. */
export function parseServerArgs(argv: string[], userDataDir: string): ServerArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      'embedded-postgres': { type: 'boolean' },
      data: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      state: { type: 'string' },
      backups: { type: 'string' },
      attachments: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      'pg-port': { type: 'string' },
    },
    strict: true,
  })
  const embedded = values['embedded-postgres'] === true
  if (embedded === (values.db !== undefined))
    throw new Error('give the database: --db postgres://… or --embedded-postgres --data DIR (one of them)')
  if (values.db !== undefined && !isPostgresUrl(values.db))
    throw new Error(`--db must be postgres://user:password@host:port/database, got ${values.db}`)
  if (embedded && values.data === undefined)
    throw new Error('--embedded-postgres needs --data DIR: where PostgreSQL keeps the data')
  if (!embedded && values.data !== undefined)
    throw new Error("--data is the embedded PostgreSQL's folder: the office server keeps its data in PostgreSQL (--db)")
  if ((values.cert === undefined) !== (values.key === undefined)) throw new Error('--cert and --key go together')
  const host = values.host ?? '127.0.0.1'
  if (isIP(host) === 0)
    throw new Error(`--host must be an IP address of this computer (0.0.0.0: all of them), got ${host}`)
  const anyAddress = host === '0.0.0.0' || host === '::'
  return {
    db: values.db ?? null,
    embeddedData: embedded ? resolve(values.data!) : null,
    embeddedPort: port('--pg-port', values['pg-port'], DEFAULT_EMBEDDED_PG_PORT),
    host,
    publicName: anyAddress ? hostname() : isIP(host) === 6 ? `[${host}]` : host,
    port: port('--port', values.port, DEFAULT_SERVER_PORT),
    stateDir: resolve(values.state ?? values.data ?? join(userDataDir, 'server')),
    backupsDir: values.backups ? resolve(values.backups) : embedded ? resolve(values.data!, 'backups') : null,
    attachmentsDir: values.attachments ? resolve(values.attachments) : null,
    officeCertificate: values.cert === undefined ? null : { cert: resolve(values.cert), key: resolve(values.key!) },
  }
}

function port(flag: string, value: string | undefined, fallback: number): number {
  const parsed = Number(value ?? fallback)
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535)
    throw new Error(`${flag} must be 0..65535, got ${value}`)
  return parsed
}
