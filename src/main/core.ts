import { openDatabase, type Database } from './db/database'
import { PreferencesService } from './services/preferences'
import { SectorService } from './services/sectors'
import { createDispatcher, type Dispatch } from './api/dispatcher'
import { createHandlers } from './api/handlers'

export interface CoreOptions {
  databaseFile: string
  version: string
  nativeBinding?: string
}

/**
 * The application core without any door: the open database, the services and the API
 * dispatcher. The Electron entry, the web server, the CLI and the tests all start it the
 * same way, so what the tests exercise is what the user runs.
 */
export interface Core {
  version: string
  database: Database
  services: { sectors: SectorService; preferences: PreferencesService }
  dispatch: Dispatch
  close(): Promise<void>
}

export async function startCore(options: CoreOptions): Promise<Core> {
  const database = await openDatabase({ file: options.databaseFile, nativeBinding: options.nativeBinding })
  const core: Core = {
    version: options.version,
    database,
    services: {
      sectors: new SectorService(database.dataSource),
      preferences: new PreferencesService(database.dataSource),
    },
    dispatch: () => Promise.reject(new Error('core not ready')),
    close: () => database.close(),
  }
  core.dispatch = createDispatcher(createHandlers(core))
  return core
}
