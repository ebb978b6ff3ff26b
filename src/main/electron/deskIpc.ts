import type { IpcMain } from 'electron'
import { DESK_ACTIONS, deskChannel } from '@shared/api/desk'
import type { ApiResult } from '@shared/api/errors'
import type { SenderCheck } from './ipc'

/**
 * The first-start page's channels (one per desk action: status, probe, connect, chooseLocal),
 * for the app's own page only, as the API's channels are. Takes `ipcMain` as an argument (no
 * Electron import at runtime), like ipc.ts.
 */
export function registerDeskHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  act: (action: string, input: unknown) => Promise<ApiResult<unknown>>,
  isTrustedSender: SenderCheck,
): void {
  for (const action of DESK_ACTIONS) {
    ipcMain.handle(deskChannel(action), async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'unauthorized', messageKey: 'errors.unauthorized', issues: [] } }
      }
      return act(action, input)
    })
  }
}
