import type { ApiMethod } from '@shared/api/methods'
import type { ApiResult } from '@shared/api/errors'
import type { DeskAction } from '@shared/api/desk'

/** How a call reaches the core: the preload bridge in Electron, HTTP in web mode and on the office server. */
export type Transport = (method: ApiMethod, input: unknown) => Promise<ApiResult<unknown>>

interface DesktopBridge {
  api: Record<ApiMethod, (input: unknown) => Promise<ApiResult<unknown>>>
  /** The desktop's folder and file pickers; web mode has none (the user types a path). */
  dialogs: { pickFolder(): Promise<string | null>; pickFile(): Promise<string | null> }
  /** The first-start page's actions (the desk: this PC alone or the office server). */
  desk?: Record<DeskAction, (input: unknown) => Promise<ApiResult<unknown>>>
  /** Prints a printable document (PRINTABLE_METHODS) through the system print dialog. */
  print(method: string, input: unknown): Promise<ApiResult<null>>
}

declare global {
  interface Window {
    akimatDesk?: DesktopBridge
  }
}

const TOKEN_KEY = 'akimat-desk-token'

/**
 * Web mode's token arrives in the URL fragment (#token=…), which never reaches the server or
 * its logs. It is kept for this tab only and removed from the address bar.
 */
export function takeWebToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]))
    history.replaceState(null, '', window.location.pathname + window.location.search)
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

/**
 * The office server is served over HTTPS only and has no token (desks on other computers could
 * not be given one): sign-in is its gate. Web mode is plain HTTP on 127.0.0.1 with its token.
 */
const isOfficeServer = (): boolean => window.location.protocol === 'https:'

/** How the first-start page reaches the desk's actions: the preload bridge, or web mode started as a desk. */
export type DeskTransport = (action: DeskAction, input: unknown) => Promise<ApiResult<unknown>>

export function createTransport(): { api: Transport; desk: DeskTransport } | null {
  const bridge = window.akimatDesk
  if (bridge) {
    const desk = bridge.desk
    return {
      api: (method, input) => bridge.api[method](input),
      // A bridge without desk actions has nothing to choose.
      desk: desk ? (action, input) => desk[action](input) : async () => NO_DESK,
    }
  }

  const token = isOfficeServer() ? null : takeWebToken()
  if (!token && !isOfficeServer()) return null
  // Web mode answers `desk.<action>` only when started as a desk (`web --desk DIR`); elsewhere
  // the name is an unknown method, and there is nothing to choose.
  const post = (name: string, input: unknown) => postJson(name, input, token)
  return { api: post, desk: (action, input) => post(`desk.${action}`, input) }
}

const NO_DESK: ApiResult<never> = {
  ok: false,
  error: { code: 'unknown_method', messageKey: 'errors.unknown_method', issues: [] },
}

async function postJson(method: string, input: unknown, token: string | null): Promise<ApiResult<unknown>> {
  const response = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    // The session stays in an HttpOnly cookie the server sets at sign-in: this script never holds it.
    headers: {
      'Content-Type': 'application/json',
      'X-Akimat-Session': 'cookie',
      ...(token ? { 'X-Akimat-Token': token } : {}),
    },
    body: JSON.stringify(input ?? {}),
  })
  return (await response.json()) as ApiResult<unknown>
}
