import { contract } from '@shared/api/contract'
import { API_METHODS, type ApiMethod } from '@shared/api/methods'
import { DomainError, type ApiResult } from '@shared/api/errors'
import { toFieldIssues } from '@shared/api/validation'
import type { CallContext } from '../services/context'
import type { Handlers } from './handlers'

export type Dispatch = (method: string, rawInput: unknown, ctx: CallContext) => Promise<ApiResult<unknown>>

/**
 * Methods answered at once, outside the queue: they touch no database (they read memory
 * only), so they cannot see a half-done transaction. `import.progress` must be answered while
 * `import.commit` holds the queue, or a progress bar would only ever show the end. A method
 * may be listed here only if its handler never reaches the database or a file.
 */
export const QUEUE_FREE_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['import.progress', 'reports.progress'])

export function isApiMethod(method: string): method is ApiMethod {
  return (API_METHODS as readonly string[]).includes(method)
}

/**
 * The single entry both doors call. It validates the input against the contract before the
 * handler sees it (a rejected call writes nothing), turns expected failures into the shared
 * error shape and hides the details of unexpected ones from the caller.
 *
 * Calls run one at a time. better-sqlite3 is synchronous and TypeORM shares one connection,
 * so two interleaved async transactions would otherwise see each other's writes. The only
 * exceptions are the QUEUE_FREE_METHODS above.
 */
export function createDispatcher(
  handlers: Handlers,
  log: (message: string, error: unknown) => void = console.error,
): Dispatch {
  let queue: Promise<unknown> = Promise.resolve()

  async function run(method: string, rawInput: unknown, ctx: CallContext): Promise<ApiResult<unknown>> {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', messageKey: 'errors.unknown_method', issues: [] } }
    }
    const parsed = contract[method].input.safeParse(rawInput ?? {}, { reportInput: true })
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'validation', messageKey: 'errors.validation', issues: toFieldIssues(parsed.error) },
      }
    }
    try {
      const handler = handlers[method] as (input: unknown, ctx: CallContext) => Promise<unknown>
      return { ok: true, data: await handler(parsed.data, ctx) }
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toApiError() }
      log(`API ${method} failed`, error)
      return { ok: false, error: { code: 'internal', messageKey: 'errors.internal', issues: [] } }
    }
  }

  return (method, rawInput, ctx) => {
    if (isApiMethod(method) && QUEUE_FREE_METHODS.has(method)) return run(method, rawInput, ctx)
    const result = queue.then(() => run(method, rawInput, ctx))
    queue = result.catch(() => undefined)
    return result
  }
}
