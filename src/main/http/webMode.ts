import type { BackupInfo } from '@shared/api/contract'
import type { Core } from '../core'
import { startWebServer, type WebServer, type WebServerOptions } from './server'

export interface ServedCore {
  server: WebServer
  /** Today's automatic backup, started once the server listens (see `Core.startDailyBackup`). */
  dailyBackup: Promise<BackupInfo | null>
}

/**
 * Web mode's order of things on a started core: the server listens first, and only then does
 * the daily backup start, in the background, so that the first answer never waits for it.
 */
export async function serveCore(core: Core, options: Omit<WebServerOptions, 'dispatch'>): Promise<ServedCore> {
  const server = await startWebServer({ ...options, dispatch: core.dispatch })
  return { server, dailyBackup: core.startDailyBackup() }
}
