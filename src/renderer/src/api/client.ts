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

/** Calls an API method with its typed input and returns its typed output, or throws ApiCallError. */
export async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  if (!transport) throw new ApiCallError({ code: 'unauthorized', messageKey: 'errors.unauthorized', issues: [] })
  let result
  try {
    result = await transport(method, input)
  } catch {
    throw new ApiCallError(NETWORK_ERROR)
  }
  if (!result.ok) throw new ApiCallError(result.error)
  return result.data as ApiOutput<M>
}
