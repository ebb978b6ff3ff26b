import type { BackupInfo } from '@shared/api/contract'
import type { Dispatch } from '../api/dispatcher'
import type { Core } from '../core'
import { startWebServer, type WebServer, type WebServerOptions } from './server'

export interface ServedCore {
  server: WebServer
  /** Today's automatic backup, started once the server listens and the core is up (see `Core.startDailyBackup`). */
  dailyBackup: Promise<BackupInfo | null>
}

/** What web mode serves: a started core, or recovery mode until its action brings the core up (recovery/openOrRecover.ts). */
export interface ServedDoor {
  dispatch: Dispatch
  core: Promise<Core>
}

export const doorOf = (core: Core): ServedDoor => ({ dispatch: core.dispatch, core: Promise.resolve(core) })

/**
 * Web mode's order of things: the server listens first, and only then does the daily backup
 * start, in the background, so that the first answer never waits for it.
 */
export async function serveCore(door: ServedDoor, options: Omit<WebServerOptions, 'dispatch'>): Promise<ServedCore> {
  const server = await startWebServer({ ...options, dispatch: door.dispatch })
  return { server, dailyBackup: door.core.then((core) => core.startDailyBackup()) }
}
