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

let transport: Transport | null | undefined

/** False in web mode when the page was opened without its token. */
export function hasTransport(): boolean {
  if (transport === undefined) transport = createTransport()
  return transport !== null
}

/** Calls an API method with its typed input and returns its typed output, or throws ApiCallError. */
export async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  if (!hasTransport()) throw new ApiCallError({ code: 'unauthorized', messageKey: 'errors.unauthorized', issues: [] })
  let result
  try {
    result = await transport!(method, input)
  } catch {
    throw new ApiCallError(NETWORK_ERROR)
  }
  if (!result.ok) throw new ApiCallError(result.error)
  return result.data as ApiOutput<M>
}
