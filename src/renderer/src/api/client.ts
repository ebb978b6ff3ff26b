import type { ApiMethod } from '@shared/api/methods'
import type { ApiInput, ApiOutput } from '@shared/api/contract'
import type { ApiError, ApiResult } from '@shared/api/errors'
import type { DeskAction } from '@shared/api/desk'
import { createTransport } from './transport'
import { noteAnswer } from './serverConnection'

/** A failed call, carrying the shared error shape for the UI to translate. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.messageKey)
    this.name = 'ApiCallError'
  }
}

const NETWORK_ERROR: ApiError = { code: 'internal', messageKey: 'errors.network', issues: [] }

/**
 * Made when this module is first evaluated: the page's scripts run before its load event, so
 * web mode's token is taken from the address (#token=…) before anything can change the
 * fragment. Made lazily on the first call, it lost a race with a navigation to another route
 * right after load (React renders in a later task), and the page said it had no token.
 */
const transports = createTransport()
const transport = transports?.api ?? null

/** False in web mode when the page was opened without its token. */
export function hasTransport(): boolean {
  return transport !== null
}

/**
 * What the signed-in shell does when a call meets the end of its session: `locked` (idle past
 * the limit) resolves once the password is given again, and the call is then made again, so a
 * save pressed after a long pause goes through and the form stays as typed; `signedOut` shows
 * the sign-in screen.
 */
export interface SessionHandlers {
  locked(): Promise<void>
  signedOut(): void
}
let sessionHandlers: SessionHandlers | null = null
export function setSessionHandlers(handlers: SessionHandlers | null): void {
  sessionHandlers = handlers
}

async function send(method: ApiMethod, input: unknown): Promise<ApiResult<unknown>> {
  if (!transport) throw new ApiCallError({ code: 'unauthorized', messageKey: 'errors.unauthorized', issues: [] })
  let result: ApiResult<unknown>
  try {
    result = await transport(method, input)
  } catch {
    throw new ApiCallError(NETWORK_ERROR)
  }
  // A desk of the office server: the banner hears whether the server answered (serverConnection.ts).
  noteAnswer(result.ok ? null : result.error)
  return result
}

/**
 * Asks the office server whether it answers again, with a call that changes nothing and needs
 * no session; the answer (or the refusal) reaches the banner through `send`.
 */
export async function pingServer(): Promise<void> {
  await send('auth.status', {}).catch(() => undefined)
}

/** The first-start page's actions (this PC alone, or the office server): the typed answer, or ApiCallError. */
export async function deskCall<T>(action: DeskAction, input: unknown): Promise<T> {
  if (!transports) throw new ApiCallError({ code: 'unauthorized', messageKey: 'errors.unauthorized', issues: [] })
  let result: ApiResult<unknown>
  try {
    result = await transports.desk(action, input)
  } catch {
    throw new ApiCallError(NETWORK_ERROR)
  }
  if (!result.ok) throw new ApiCallError(result.error)
  return result.data as T
}

/** Calls an API method with its typed input and returns its typed output, or throws ApiCallError. */
export async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  let result = await send(method, input)
  if (!result.ok && result.error.code === 'locked' && sessionHandlers) {
    await sessionHandlers.locked()
    result = await send(method, input)
  }
  if (!result.ok) {
    if (result.error.code === 'signed_out') sessionHandlers?.signedOut()
    throw new ApiCallError(result.error)
  }
  return result.data as ApiOutput<M>
}
