import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { API_METHODS, ipcChannel } from '@shared/api/methods'
import type { ApiResult } from '@shared/api/errors'
import type { SignedIn, SignedInUser } from '@shared/api/contract'
import type { Dispatch } from '../api/dispatcher'
import { takeSession } from '../api/doorSession'

/** Decides whether an IPC call comes from the app's own page (not an iframe, not elsewhere). */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

/**
 * Door 1: one IPC channel per contract method, each passing through the same dispatcher as
 * the web door. Takes `ipcMain` as an argument (no Electron import at runtime) so that tests
 * can drive it with a stand-in. The session of each window is kept here, in the main process,
 * by its webContents id: the renderer never holds a token. A reload keeps it (the same
 * window); a closed window's session is forgotten with it.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrustedSender: SenderCheck,
  /** Runs after a sign-in on this door with the new session (the daily task reminder). */
  onSignIn?: (session: string, user: SignedInUser) => Promise<void>,
): { sessionOf: (webContentsId: number) => string | null } {
  const sessions = new Map<number, string>()
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'unauthorized', messageKey: 'errors.unauthorized', issues: [] } }
      }
      const window = event.sender.id
      const answer = await dispatch(method, input, {
        session: sessions.get(window) ?? null,
        operator: null,
        door: 'desktop',
      })
      const { result, session } = takeSession(answer)
      if (session) {
        if (!sessions.has(window)) event.sender.once('destroyed', () => sessions.delete(window))
        sessions.set(window, session)
        if (method === 'auth.login' && result.ok && onSignIn) void onSignIn(session, (result.data as SignedIn).user)
      } else if (method === 'auth.logout') sessions.delete(window)
      return result
    })
  }
  // The print channel (printing.ts) fetches its document with the window's own session.
  return { sessionOf: (webContentsId) => sessions.get(webContentsId) ?? null }
}

/**
 * Trusts only the top frame of a page loaded from the app's own origin: app://desk (the built
 * renderer) or, in development, the electron-vite dev server. Pages from file:// are never
 * trusted: that origin is every file on the disk.
 */
export function senderCheckFor(rendererUrl: string): SenderCheck {
  const allowed = new URL(rendererUrl)
  // URL.origin is "null" for a custom scheme such as app:, so the prefix is built by hand.
  const allowedPrefix = allowed.protocol === 'file:' ? null : `${allowed.protocol}//${allowed.host}/`
  return (event) => {
    const frame = event.senderFrame
    if (!allowedPrefix || !frame || frame.parent !== null) return false
    return frame.url.startsWith(allowedPrefix)
  }
}
