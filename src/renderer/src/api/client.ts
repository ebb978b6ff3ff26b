import type { ApiMethod } from '@shared/api/methods'
import type { ApiInput, ApiOutput } from '@shared/api/contract'
import type { ApiError } from '@shared/api/errors'
import { createTransport, type Transport } from './transport'

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
const transport: Transport | null = createTransport()

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

async function send(method: ApiMethod, input: unknown) {
  if (!transport) throw new ApiCallError({ code: 'unauthorized', messageKey: 'errors.unauthorized', issues: [] })
  try {
    return await transport(method, input)
  } catch {
    throw new ApiCallError(NETWORK_ERROR)
  }
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
