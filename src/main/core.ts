import { dirname, join } from 'node:path'
import { openDatabase, type Database } from './db/database'
import { attachmentsDirBeside, resolveServerAttachmentsDir } from './paths'
import { concurrencyOf } from './db/dialect'
import { recordMigrationChanges } from './services/migrationChanges'
import type { BackupInfo, ServerInfo } from '@shared/api/contract'
import { BackupService, type BackupPace, type DatabaseHost } from './backup/BackupService'
import { createDispatcher, type Dispatch } from './api/dispatcher'
import { createHandlers } from './api/handlers'
import { AppealService } from './services/appeals/AppealService'
import { CalendarService } from './services/calendar'
import type { Clock } from './services/context'
import { DashboardService } from './services/dashboard'
import { LocalityService } from './services/localities'
import { MeetingService } from './services/meetings'
import { MeasureService } from './services/measures'
import { OfficeService } from './services/office'
import { PreferencesService } from './services/preferences'
import { ReceiptService } from './services/receipt'
import { AnswerLetterService } from './services/answerLetter/AnswerLetterService'
import { TaskSheetService } from './services/taskSheet'
import { AttachmentService } from './services/attachments/AttachmentService'
import { BlobStore } from './services/attachments/blobStore'
import { SectorService } from './services/sectors'
import { AuthService } from './services/auth/AuthService'
import { UserService } from './services/auth/UserService'
import { SessionStore } from './services/auth/sessions'
import { sessionGate } from './services/auth/gate'
import { SettingsStore } from './services/settingsStore'
import { SetupWizardService } from './services/setupWizard'
import { StaffService } from './services/staff'
import { ReportService } from './services/reports'
import { ImportService } from './import/ImportService'
import { writeInProcess, type ReportWriter } from './reports/writers'
import type { SpreadsheetReader } from './import/readInWorker'
import { ConsolidationService } from './consolidation/ConsolidationService'
import { OfficePassphrase } from './encryption/officePassphrase'
import { recordAudit } from './services/audit'
import { openAuditChain } from './services/auditChain'
import type { AuditKeyProvider } from './services/auditKey'

export interface CoreOptions {
  /**
   * The SQLite file; with `postgresUrl`, what names the database to the history's head store
   * (the address without its password).
   */
  databaseFile: string
  /** The office server's PostgreSQL database (`--db postgres://…`) instead of the SQLite file. */
  postgresUrl?: string
  version: string
  /** The resources folder (fonts, calendar data). */
  resourcesDir: string
  nativeBinding?: string
  /**
   * Keeps the key that signs the history and the chain's head, outside the database file:
   * safeStorage on the desktop, a file in the user's profile for web mode and the CLI, a temp
   * folder in tests (services/auditKey.ts).
   */
  auditKeys: AuditKeyProvider
  /** "Now" for deadlines and validation; tests fix it. */
  clock?: Clock
  /** How report files are written: in a worker thread in the app, in-process in tests. */
  reportWriter?: ReportWriter
  /** How imported spreadsheets are read: in a worker per file in the app, in-process in tests. */
  spreadsheetReader?: SpreadsheetReader
  /**
   * Where attachments' bytes go (by SHA-256); default: an `attachments` folder beside the
   * database file; with `postgresUrl`, the server's folder for that database (paths.ts).
   */
  attachmentsDir?: string
  /** Where backups go; default: a `backups` folder beside the database file. */
  backupsDir?: string
  /**
   * Back up before migrating (at open, before anything is served), and once a day in the
   * background (`Core.startDailyBackup`; the app and web mode); tests leave it off unless they
   * test it.
   */
  autoBackup?: boolean
  /**
   * With `postgresUrl` and `autoBackup`: how often the office server looks whether today's
   * backup is made (default hourly). A server runs for weeks, so "the first start of the day"
   * would be once; tests shorten it.
   */
  dailyBackupCheckMs?: number
  /** Pages per step of a backup (default 100); tests hold a backup half-way with 0. */
  backupPace?: BackupPace
  /** Where a failed background backup and what the history check finds at start are reported; default console.error. */
  log?: (message: string, error: unknown) => void
  /** The office server's address and certificate, once it listens (server.ts); unset on the desktop and in web mode. */
  serverInfo?: () => ServerInfo | null
}

export type Services = ReturnType<typeof createServices>

function createServices(database: Database, options: CoreOptions, backup: BackupService, sessions: SessionStore) {
  const db = database.dataSource
  const clock = options.clock ?? (() => new Date())
  const settings = new SettingsStore(db)
  const staff = new StaffService(db)
  const calendar = new CalendarService(db, settings, clock)
  const appeals = new AppealService(db, calendar, clock)
  const office = new OfficeService(db, settings)
  const measures = new MeasureService(db, clock)
  const auth = new AuthService(db, settings, office, sessions, clock)
  const passphrase = new OfficePassphrase(db, settings, clock)
  const blobs = new BlobStore(attachmentsDirFor(options))
  return {
    auth,
    users: new UserService(db, auth, sessions, clock),
    settings,
    sectors: new SectorService(db),
    preferences: new PreferencesService(settings),
    staff,
    localities: new LocalityService(db),
    office,
    setupWizard: new SetupWizardService(db, settings, clock),
    calendar,
    appeals,
    meetings: new MeetingService(db, calendar, appeals.queries, measures, clock),
    measures,
    dashboard: new DashboardService(db, clock),
    receipt: new ReceiptService(db, appeals, office, options.resourcesDir),
    answerLetter: new AnswerLetterService(db, appeals, office, options.resourcesDir),
    taskSheet: new TaskSheetService(db, appeals, staff, office, options.resourcesDir, clock),
    reports: new ReportService(db, office, options.reportWriter ?? writeInProcess, options.resourcesDir, clock),
    imports: new ImportService({
      db,
      settings,
      sectors: new SectorService(db),
      localities: new LocalityService(db),
      staff,
      calendar,
      clock,
      readSpreadsheet: options.spreadsheetReader,
    }),
    // One for the life of the core (a restore's reopen keeps it): its queue keeps backups and
    // restores apart.
    backup,
    passphrase,
    consolidation: new ConsolidationService(db, settings, office, passphrase, blobs),
    attachments: new AttachmentService(db, blobs, clock),
    clock,
  }
}

/**
 * The application core without any door: the open database, the services and the API
 * dispatcher. The Electron entry, the web server and the tests all start it the same way,
 * so what the tests exercise is what the user runs.
 */
export interface Core {
  version: string
  database: Database
  services: Services
  /**
   * Calls an API method. The doors pass the session they hold (`ctx.session`); in-process
   * callers may name the user instead. The signed-in user is the operator of every write.
   */
  dispatch: Dispatch
  /**
   * Starts today's automatic backup (with `autoBackup`) in the background; the entries call it
   * once their door is open, so that the first answer never waits for a copy of the whole file
   * (1.6 GB at a million appeals). SQLite's backup copies in steps and calls are answered
   * between them; "back up now", a restore and an undo wait for it. Once per start: later calls
   * return the same promise. Resolves with the backup made, or null: none needed (one exists
   * for today, or `autoBackup` is off) or it failed — a failure is logged, never thrown. On the
   * office server (PostgreSQL) it also looks again every `dailyBackupCheckMs`, until close.
   */
  startDailyBackup(): Promise<BackupInfo | null>
  /** The office server's address and certificate (`office.serverInfo`); null outside the office server. */
  serverInfo(): ServerInfo | null
  /** Abandons a backup under way (its partial file removed), ends the report worker, then closes the database. */
  close(): Promise<void>
}

const backupsDirFor = (options: CoreOptions) => options.backupsDir ?? join(dirname(options.databaseFile), 'backups')
/** With `--db` there is no file to keep them beside: the server's folder for that database (paths.ts). */
export const attachmentsDirFor = (options: CoreOptions) =>
  options.attachmentsDir ??
  (options.postgresUrl
    ? resolveServerAttachmentsDir(options.postgresUrl, null)
    : attachmentsDirBeside(options.databaseFile))

/**
 * Opens the database and its history chain (the key loaded or made, keyed history started,
 * the head compared: services/auditChain.ts) before anything is served. `replaced`: the file
 * was just swapped by a restore, whose own entry follows.
 */
async function open(options: CoreOptions, replaced = false): Promise<Database> {
  const database = await openDatabase({
    file: options.databaseFile,
    postgresUrl: options.postgresUrl,
    nativeBinding: options.nativeBinding,
    backupsDir: options.autoBackup ? backupsDirFor(options) : undefined,
  })
  try {
    await openAuditChain(database.dataSource, {
      keys: options.auditKeys,
      databaseFile: options.databaseFile,
      replaced,
      log: options.log ?? console.error,
      record: recordAudit,
    })
    await recordMigrationChanges(database.dataSource, recordAudit, options.log ?? console.error)
  } catch (error) {
    await database.close()
    throw error
  }
  return database
}

export async function startCore(options: CoreOptions): Promise<Core> {
  const host: DatabaseHost = {
    database: () => core.database,
    nativeBinding: options.nativeBinding,
    blobs: () => core.services.attachments.blobs,
    // A restore swaps the database file: close, swap, open again (migrating an older file),
    // and rebuild the services on the new connection. The services object keeps its identity
    // (the handlers hold it), its members are replaced.
    reopen: async (between) => {
      await core.database.close()
      await between()
      core.database = await open(options, true)
      Object.assign(core.services, createServices(core.database, options, backup, sessions))
      await core.services.auth.load()
    },
  }
  const clock = options.clock ?? (() => new Date())
  const backup = new BackupService(host, backupsDirFor(options), clock, options.backupPace)
  // Kept across a restore's reopen, like the backup service; auth.load() then keeps only the
  // sessions whose account the restored file holds, active, under the same name.
  const sessions = new SessionStore()
  const log = options.log ?? console.error
  const database = await open(options)
  let daily: Promise<BackupInfo | null> | undefined
  let dailyTimer: ReturnType<typeof setInterval> | undefined
  const dailyBackup = () =>
    backup.autoDaily().catch((error: unknown) => {
      log('The daily backup was not made; the next start tries again', error)
      return null
    })
  const core: Core = {
    version: options.version,
    database,
    services: createServices(database, options, backup, sessions),
    dispatch: () => Promise.reject(new Error('core not ready')),
    startDailyBackup: () => {
      if (!daily && options.autoBackup && options.postgresUrl) {
        dailyTimer = setInterval(() => void dailyBackup(), options.dailyBackupCheckMs ?? 3_600_000)
        dailyTimer.unref()
      }
      return (daily ??= !options.autoBackup ? Promise.resolve(null) : dailyBackup())
    },
    serverInfo: () => options.serverInfo?.() ?? null,
    close: async () => {
      clearInterval(dailyTimer)
      await backup.stop()
      await options.reportWriter?.close?.()
      await core.database.close()
    },
  }
  await core.services.auth.load()
  // A backup file put in place by hand gives its bytes to the store first (adoptPacked). Then
  // blobs of adds that failed after their file was written, of a database restored over: gone
  // at start once no row refers to them (an hour's grace for another desk's commit).
  await core.services.attachments
    .adoptPacked()
    .then(() => core.services.attachments.collect())
    .catch((error: unknown) => log('Attachments were not tidied at start', error))
  core.dispatch = createDispatcher(
    createHandlers(core),
    log,
    sessionGate(() => core.services.auth, clock),
    concurrencyOf(database.dataSource).callsOneAtATime,
  )
  return core
}
