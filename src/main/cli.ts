/**
 * The command line, under plain Node: the same core, report models and writers as the app, for
 * scripts and for checking a report without the window. `npm run cli -- …`, or
 * `node out/main/cli.js …`. Exit codes: 0 done, 1 the request was refused (the message says
 * why), 2 bad arguments or no database.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { version } from '../../package.json'
import type { ApiError } from '@shared/api/errors'
import type { SampleDataSummary } from '@shared/api/contract'
import { isValidIsoDate } from '@shared/domain/dates'
import { LANGUAGES, translate, type Language } from '@shared/i18n'
import { REPORT_KINDS, type ReportKind } from '@shared/reports/model'
import type { Core } from './core'
import {
  attachmentsDirBeside,
  resolveDatabaseTarget,
  resolveKeyDir,
  resolveServerAttachmentsDir,
  resolveServerBackupsDir,
  type DatabaseTarget,
} from './paths'
import type { CallContext } from './services/context'
import { checkUsersArgs, CliUsageError, readPasswordFromStdin, runUsers, USERS_USAGE } from './cliUsers'
import { BACKUP_FLAGS, BACKUP_USAGE, runBackup, runRestore } from './cliBackup'
import { MOVE_USAGE, runMove } from './cliMove'

const USAGE = `Usage:
  npm run cli -- report <kind> --lang kk|ru|en --format xlsx|pdf --out FILE [options] [--data DIR]
    sector-by-year  --from YEAR --to YEAR [--source meetings|all] [--locality ID]
    quarterly       --quarter YYYY-QN (e.g. 2025-Q1) [--locality ID]
    register        --from DATE|YEAR --to DATE|YEAR (dates as 2025-01-31) [--locality ID]
    press-summary   --year YEAR | --meeting ID
  npm run cli -- sample --data DIR      load the sample district into an empty data folder
${USERS_USAGE}
${BACKUP_USAGE}
${MOVE_USAGE}

  --data DIR   the data folder (or AKIMAT_DATA_DIR); default: the desktop app's folder
  --db URL     postgres://user:password@host:port/database: the office server's database instead
  --attachments DIR  with --db: the office server's attachments folder, as the server was given
               it (default <user data>/server-attachments/HOST-PORT-DATABASE; an embedded server's
               is its --data DIR/attachments)`

const OPTIONS = {
  lang: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  quarter: { type: 'string' },
  source: { type: 'string' },
  year: { type: 'string' },
  meeting: { type: 'string' },
  locality: { type: 'string' },
  data: { type: 'string' },
  db: { type: 'string' },
  attachments: { type: 'string' },
  username: { type: 'string' },
  role: { type: 'string' },
  'full-name': { type: 'string' },
  staff: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'passphrase-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

type Values = Partial<Record<Exclude<keyof typeof OPTIONS, 'help' | 'password-stdin' | 'passphrase-stdin'>, string>>

/** Where each input field came from on the command line, to name it in an error. */
const FLAGS: Record<string, string> = {
  lang: '--lang',
  format: '--format',
  kind: 'the report kind',
  from: '--from',
  to: '--to',
  quarter: '--quarter',
  source: '--source',
  year: '--year',
  meetingId: '--meeting',
  localityId: '--locality',
  ...BACKUP_FLAGS,
}

/** A mistake in the arguments: told with the usage, exit code 2. */
const UsageError = CliUsageError

// Reports and the sample: whoever can open the data folder may read and fill it (as for `users`).
const CALL: CallContext = {
  user: { id: 0, username: 'cli', fullName: 'CLI', role: 'administrator', staffId: null },
  operator: null,
  door: 'desktop',
}

async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    // Node's message goes on to explain '--' for positionals: the first sentence says it.
    throw new UsageError((error as Error).message.split('. ')[0]!)
  }
  const { values, positionals } = parsed
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const [command, kind, ...extra] = positionals
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra.join(' ')}`)
  if (values.attachments !== undefined && values.db === undefined)
    throw new UsageError("--attachments is the office server's attachments folder: give it with --db")
  if (command === 'sample') {
    if (kind) throw new UsageError(`unexpected argument: ${kind}`)
    return sample(values)
  }
  if (command === 'report') return report(kind, values)
  if (command === 'users') return users(kind, values)
  if (command === 'backup' || command === 'restore') {
    if (kind) throw new UsageError(`unexpected argument: ${kind}`)
    if (command === 'restore' && values.db) return restoreOnServer(values)
    return backupOrRestore(command, values)
  }
  if (command === 'move-to-postgres') {
    if (kind) throw new UsageError(`unexpected argument: ${kind}`)
    return moveToPostgres(values)
  }
  throw new UsageError(
    command
      ? `unknown command: ${command}`
      : 'a command is required: report, sample, users, backup, restore or move-to-postgres',
  )
}

async function report(kind: string | undefined, values: Values): Promise<number> {
  if (!kind || !(REPORT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`the report kind must be one of ${REPORT_KINDS.join(', ')}${kind ? `, got "${kind}"` : ''}`)
  }
  const lang = oneOf('--lang', values.lang, LANGUAGES)
  const format = oneOf('--format', values.format, ['xlsx', 'pdf'] as const)
  if (!values.out) throw new UsageError('--out FILE is required')
  const params = reportParams(kind as ReportKind, values)

  const target = databaseTarget(values)
  // A report never creates a data folder: a mistyped --data would report on an empty one.
  if (!target.postgresUrl && !existsSync(target.databaseFile))
    throw new UsageError(
      `no database at ${target.databaseFile}; check --data (or load the sample: npm run cli -- sample --data DIR)`,
    )
  return withCore(target, async (core) => {
    const result = await core.dispatch('reports.export', { lang, format, params }, CALL)
    if (!result.ok) return refused(result.error)
    const file = resolve(values.out!)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, Buffer.from((result.data as { base64: string }).base64, 'base64'))
    console.log(`Wrote ${file}`)
    return 0
  })
}

async function sample(values: Values): Promise<number> {
  if (!values.data && !values.db)
    throw new UsageError('sample needs --data DIR or --db URL: the database to fill (it must hold no appeals)')
  const target = databaseTarget(values)
  return withCore(target, async (core) => {
    const result = await core.dispatch('sample.load', {}, CALL)
    if (!result.ok) return refused(result.error)
    const summary = result.data as SampleDataSummary
    console.log(`Loaded the sample district into ${target.databaseFile}`)
    console.log(
      `  ${summary.meetings} report meetings, ${summary.questions} questions, ${summary.measures} promised measures, ${summary.receptionAppeals} reception appeals`,
    )
    return 0
  })
}

async function users(sub: string | undefined, values: Values & { 'password-stdin'?: boolean }): Promise<number> {
  const args = {
    username: values.username,
    role: values.role,
    fullName: values['full-name'],
    staff: values.staff,
    passwordStdin: values['password-stdin'],
  }
  checkUsersArgs(sub, args)
  const target = databaseTarget(values)
  // Adding an account may start a data folder (the first administrator of a new office);
  // the other commands need one that exists.
  if (sub !== 'add' && !target.postgresUrl && !existsSync(target.databaseFile))
    throw new UsageError(`no database at ${target.databaseFile}; check --data`)
  const password = args.passwordStdin ? await readPasswordFromStdin() : null
  return withCore(target, (core) => runUsers(core, sub!, args, password, refused))
}

async function backupOrRestore(
  command: 'backup' | 'restore',
  values: Values & { 'passphrase-stdin'?: boolean },
): Promise<number> {
  const file = command === 'backup' ? values.out : values.from
  if (!file) throw new UsageError(command === 'backup' ? 'backup needs --out FILE' : 'restore needs --from FILE')
  // A backup of the office server's database is a SQLite backup file like a PC's (serverBackup.ts).
  if (!values.data && !(command === 'backup' && values.db))
    throw new UsageError(`${command} needs --data DIR: the data folder${command === 'backup' ? ' (or --db URL)' : ''}`)
  const target = databaseTarget(values)
  if (!target.postgresUrl && !existsSync(target.databaseFile))
    throw new UsageError(`no database at ${target.databaseFile}; check --data`)
  const passphrase = values['passphrase-stdin'] ? await readPasswordFromStdin() : null
  return withCore(target, (core) =>
    command === 'backup'
      ? runBackup(core, resolve(file), passphrase, refused)
      : runRestore(core, resolve(file), passphrase, CALL, refused),
  )
}

/** A data folder's database into an empty PostgreSQL database (cliMove.ts). */
async function moveToPostgres(values: Values): Promise<number> {
  if (!values.data || !values.db) throw new UsageError('move-to-postgres needs --data DIR and --db URL')
  const { databaseFile } = databaseTarget({ data: values.data })
  const { postgresUrl } = databaseTarget({ db: values.db })
  return runMove(
    {
      sourceFile: databaseFile,
      postgresUrl: postgresUrl!,
      keyDir: resolveKeyDir(),
      sourceAttachmentsDir: attachmentsDirBeside(databaseFile),
      attachmentsDir: serverAttachmentsDir(values, postgresUrl!),
    },
    refused,
  )
}

/** A backup file into an empty PostgreSQL database: the office server's restore. */
async function restoreOnServer(values: Values & { 'passphrase-stdin'?: boolean }): Promise<number> {
  if (!values.from) throw new UsageError('restore needs --from FILE')
  if (values.data) throw new UsageError('restore --db takes no --data: the backup goes into the --db database')
  const { postgresUrl } = databaseTarget({ db: values.db })
  const passphrase = values['passphrase-stdin'] ? await readPasswordFromStdin() : null
  return runMove(
    {
      sourceFile: resolve(values.from),
      postgresUrl: postgresUrl!,
      keyDir: resolveKeyDir(),
      sourceAttachmentsDir: null,
      attachmentsDir: serverAttachmentsDir(values, postgresUrl!),
      passphrase,
    },
    refused,
  )
}

/** The folder the office server serving `postgresUrl` keeps its attachments in: --attachments, else the one it takes with --db (server.ts). */
function serverAttachmentsDir(values: Values, postgresUrl: string): string {
  return values.attachments ? resolve(values.attachments) : resolveServerAttachmentsDir(postgresUrl, null)
}

/** The report's parameters from the flags; the API's schema checks them again (ranges, formats). */
function reportParams(kind: ReportKind, v: Values): Record<string, unknown> {
  const localityId = v.locality === undefined ? null : integer('--locality', v.locality)
  switch (kind) {
    case 'sector-by-year':
      return {
        kind,
        from: integer('--from', required('--from', v.from)),
        to: integer('--to', required('--to', v.to)),
        source: v.source ?? 'meetings',
        localityId,
      }
    case 'quarterly':
      return { kind, quarter: required('--quarter', v.quarter), localityId }
    case 'register':
      return {
        kind,
        from: day('--from', required('--from', v.from), '01-01'),
        to: day('--to', required('--to', v.to), '12-31'),
        localityId,
      }
    case 'press-summary':
      if ((v.year === undefined) === (v.meeting === undefined))
        throw new UsageError('press-summary needs --year YEAR or --meeting ID (one of them)')
      return v.year !== undefined
        ? { kind, year: integer('--year', v.year) }
        : { kind, meetingId: integer('--meeting', v.meeting!) }
  }
}

function required(flag: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${flag} is required for this report`)
  return value
}

function integer(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number, got "${value}"`)
  return Number(value)
}

/** A date (2025-01-31), or a year for its first or last day. */
function day(flag: string, value: string, ofYear: string): string {
  if (/^\d{4}$/.test(value)) return `${value}-${ofYear}`
  if (!isValidIsoDate(value)) throw new UsageError(`${flag} must be a date like 2025-01-31 or a year, got "${value}"`)
  return value
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  if (!value || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}${value ? `, got "${value}"` : ''}`)
  }
  return value as T
}

/** An API refusal, in words: the message and each field's issue, named by its flag. Exit code 1. */
function refused(error: ApiError): number {
  const lang: Language = 'en'
  console.error(`Error: ${translate(lang, error.messageKey)}`)
  for (const issue of error.issues) {
    const field = issue.path.filter((p) => p !== 'params').join('.')
    console.error(`  ${FLAGS[field] ?? field}: ${translate(lang, issue.messageKey, issue.params)}`)
  }
  return 1
}

/** The database --data or --db names, with the office server's attachments folder for --db. */
type CliTarget = DatabaseTarget & { attachmentsDir?: string }

/** The database --data or --db names; a wrong --db (or both flags) is a usage mistake. */
function databaseTarget(values: Values): CliTarget {
  let target: DatabaseTarget
  try {
    target = resolveDatabaseTarget(values)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  return target.postgresUrl ? { ...target, attachmentsDir: serverAttachmentsDir(values, target.postgresUrl) } : target
}

async function withCore(
  { databaseFile, postgresUrl, attachmentsDir }: CliTarget,
  run: (core: Core) => Promise<number>,
): Promise<number> {
  // Loaded only now: the database, report and pdf libraries take seconds to load, and a
  // mistake in the arguments should be told at once.
  const [{ startCore }, { writeInProcess }, { startupErrorMessage }, { fileKeyProvider }] = await Promise.all([
    import('./core'),
    import('./reports/writers'),
    import('./startupError'),
    import('./services/auditKey'),
  ])
  let core: Core
  try {
    core = await startCore({
      databaseFile,
      postgresUrl,
      version,
      resourcesDir: join(__dirname, '../../resources'),
      reportWriter: writeInProcess,
      auditKeys: fileKeyProvider(resolveKeyDir()),
      // The server's own backups folder on this computer (an encrypted copy is made through it).
      ...(postgresUrl ? { backupsDir: resolveServerBackupsDir(undefined, postgresUrl) } : {}),
      // The server's attachments folder: a backup carries the files its rows name (attachmentBlobs.ts).
      ...(attachmentsDir ? { attachmentsDir } : {}),
    })
  } catch (error) {
    console.error(startupErrorMessage(error, databaseFile))
    return 2
  }
  try {
    return await run(core)
  } finally {
    await core.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`Error: ${error.message}\n\n${USAGE}`)
      process.exitCode = 2
    } else {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error)
      process.exitCode = 1
    }
  },
)
