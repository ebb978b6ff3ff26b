import { API_METHODS, type ApiMethod } from '@shared/api/methods'
import type { Handlers } from '../../src/main/api/handlers'
import type { CallContext } from '../../src/main/services/context'

export interface HandlerCall {
  method: ApiMethod
  input: unknown
  ctx: CallContext
}

type LooseHandler = (input: unknown, ctx: CallContext) => Promise<unknown>

/**
 * A complete Handlers object whose every function records its call and then runs the given
 * override (or returns `{ handled: method }`). Stands in for the services in dispatcher and
 * IPC tests, which are about routing, not about what the services do.
 */
export function recordingHandlers(overrides: Partial<Record<ApiMethod, LooseHandler>> = {}): {
  handlers: Handlers
  calls: HandlerCall[]
} {
  const calls: HandlerCall[] = []
  const handlers = Object.fromEntries(
    API_METHODS.map((method): [ApiMethod, LooseHandler] => [
      method,
      async (input, ctx) => {
        calls.push({ method, input, ctx })
        const override = overrides[method]
        return override ? override(input, ctx) : { handled: method }
      },
    ]),
  )
  return { handlers: handlers as unknown as Handlers, calls }
}
