import { dirname, join } from 'node:path'
import { openDatabase, type Database } from './db/database'
import { BackupService, type DatabaseHost } from './backup/BackupService'
import { createDispatcher, type Dispatch } from './api/dispatcher'
import { createHandlers } from './api/handlers'
import { AppealService } from './services/appeals/AppealService'
import { CalendarService } from './services/calendar'
import type { Clock } from './services/context'
import { DashboardService } from './services/dashboard'
import { LocalityService } from './services/localities'
import { MeetingService } from './services/meetings'
import { OfficeService } from './services/office'
import { PreferencesService } from './services/preferences'
import { ReceiptService } from './services/receipt'
import { SectorService } from './services/sectors'
import { SessionService } from './services/session'
import { SettingsStore } from './services/settingsStore'
import { StaffService } from './services/staff'
import { ReportService } from './services/reports'
import { ImportService } from './import/ImportService'
import { writeInProcess, type ReportWriter } from './reports/writers'
import { ConsolidationService } from './consolidation/ConsolidationService'

export interface CoreOptions {
  databaseFile: string
  version: string
  /** The resources folder (fonts, calendar data). */
  resourcesDir: string
  nativeBinding?: string
  /** "Now" for deadlines and validation; tests fix it. */
  clock?: Clock
  /** How report files are written: in a worker thread in the app, in-process in tests. */
  reportWriter?: ReportWriter
  /** Where backups go; default: a `backups` folder beside the database file. */
  backupsDir?: string
  /**
   * Back up before migrating, and once a day at start (the app and web mode); tests leave it
   * off unless they test it.
   */
  autoBackup?: boolean
}

export type Services = ReturnType<typeof createServices>

function createServices(database: Database, options: CoreOptions, host: DatabaseHost) {
  const db = database.dataSource
  const clock = options.clock ?? (() => new Date())
  const settings = new SettingsStore(db)
  const staff = new StaffService(db)
  const calendar = new CalendarService(db)
  const appeals = new AppealService(db, calendar, clock)
  const office = new OfficeService(db, settings)
  return {
    settings,
    sectors: new SectorService(db),
    preferences: new PreferencesService(settings),
    staff,
    session: new SessionService(settings, staff),
    localities: new LocalityService(db),
    office,
    calendar,
    appeals,
    meetings: new MeetingService(db, calendar, appeals.queries, clock),
    dashboard: new DashboardService(db, clock),
    receipt: new ReceiptService(appeals, office, options.resourcesDir),
    reports: new ReportService(db, office, options.reportWriter ?? writeInProcess, options.resourcesDir, clock),
    imports: new ImportService({ db, settings, sectors: new SectorService(db), localities: new LocalityService(db), staff, calendar, clock }),
    backup: new BackupService(host, backupsDirFor(options), clock),
    consolidation: new ConsolidationService(db, settings, office),
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
  /** Calls an API method; the operator chosen at start is filled in when the door gives none. */
  dispatch: Dispatch
  close(): Promise<void>
}

const backupsDirFor = (options: CoreOptions) => options.backupsDir ?? join(dirname(options.databaseFile), 'backups')

const open = (options: CoreOptions) =>
  openDatabase({
    file: options.databaseFile,
    nativeBinding: options.nativeBinding,
    backupsDir: options.autoBackup ? backupsDirFor(options) : undefined,
  })

export async function startCore(options: CoreOptions): Promise<Core> {
  const host: DatabaseHost = {
    database: () => core.database,
    nativeBinding: options.nativeBinding,
    // A restore swaps the database file: close, swap, open again (migrating an older file),
    // and rebuild the services on the new connection. The services object keeps its identity
    // (the handlers hold it), its members are replaced.
    reopen: async (between) => {
      await core.database.close()
      await between()
      core.database = await open(options)
      Object.assign(core.services, createServices(core.database, options, host))
      await core.services.session.restore()
    },
  }
  const database = await open(options)
  const core: Core = {
    version: options.version,
    database,
    services: createServices(database, options, host),
    dispatch: () => Promise.reject(new Error('core not ready')),
    close: () => core.database.close(),
  }
  await core.services.session.restore()
  if (options.autoBackup) await core.services.backup.autoDaily()
  const dispatch = createDispatcher(createHandlers(core))
  core.dispatch = (method, input, ctx) => {
    const operator = core.services.session.current()
    return dispatch(method, input, ctx.operator !== null ? ctx : { ...ctx, operator: operator?.fullName ?? null, operatorId: operator?.id ?? null })
  }
  return core
}
