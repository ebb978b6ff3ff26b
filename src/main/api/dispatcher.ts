import { contract } from '@shared/api/contract'
import { API_METHODS, type ApiMethod } from '@shared/api/methods'
import { DomainError, type ApiResult } from '@shared/api/errors'
import { toFieldIssues } from '@shared/api/validation'
import { mayCall, METHOD_PERMISSIONS } from '@shared/auth/methodPermissions'
import type { CallContext, CallUser } from '../services/context'
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

/** Who a call answers to, or why it answers to no one. */
export type Identity = { user: CallUser | null; refusal?: 'signed_out' | 'locked' | 'password_change_needed' }

/**
 * How the dispatcher learns who is calling and records a refusal. The core's gate reads the
 * door's session (services/auth/gate.ts); without one, the context's own user is trusted,
 * which only in-process callers (tests, the CLI) can set: the doors build their contexts
 * themselves and never copy a user from the request.
 */
export interface Gate {
  identify(ctx: CallContext, method: ApiMethod): Identity
  /** Called (inside the queue) when a signed-in user's role lacks a method's permission. */
  forbidden(method: ApiMethod, ctx: CallContext & { user: CallUser }): Promise<void>
}

export const TRUST_CONTEXT: Gate = {
  identify: (ctx) => ({ user: ctx.user ?? null }),
  forbidden: async () => undefined,
}

const refusal = (code: NonNullable<Identity['refusal']> | 'forbidden'): ApiResult<never> => ({
  ok: false,
  error: { code, messageKey: `errors.${code}`, issues: [] },
})

/**
 * The single entry both doors call. First it checks who is calling against the method's entry
 * in METHOD_PERMISSIONS (src/shared/auth/methodPermissions.ts): not signed in, idle-locked or
 * lacking the permission, the call is refused before its input is even parsed. The handler's
 * context then names the signed-in user as the operator of whatever it writes. It validates
 * the input against the contract before the handler sees it (a rejected call writes nothing),
 * turns expected failures into the shared error shape and hides the details of unexpected ones
 * from the caller.
 *
 * With `oneAtATime` (SQLite: the engine decides, db/dialect.ts `concurrencyOf`), calls run one
 * at a time: better-sqlite3 is synchronous and TypeORM shares one connection, so two
 * interleaved async transactions would otherwise see each other's writes. The only exceptions
 * are the QUEUE_FREE_METHODS above. Without it (PostgreSQL), calls run side by side, each
 * transaction on a pooled connection of its own (db/transaction.ts).
 */
export function createDispatcher(
  handlers: Handlers,
  log: (message: string, error: unknown) => void = console.error,
  gate: Gate = TRUST_CONTEXT,
  oneAtATime = true,
): Dispatch {
  let queue: Promise<unknown> = Promise.resolve()

  async function run(method: string, rawInput: unknown, given: CallContext): Promise<ApiResult<unknown>> {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', messageKey: 'errors.unknown_method', issues: [] } }
    }
    // A method open before sign-in asks nobody (auth.status reads the session itself, without
    // counting as activity: the page polls it to show the idle lock in time).
    const { user, refusal: why } =
      METHOD_PERMISSIONS[method] === 'public' ? { user: null } : gate.identify(given, method)
    if (!mayCall(user?.role, method)) {
      if (!user) return refusal(why ?? 'signed_out')
      const ctx = { ...given, user, operator: user.fullName, operatorId: user.staffId }
      try {
        await gate.forbidden(method, ctx)
      } catch (error) {
        log(`The refusal of ${method} was not recorded`, error)
      }
      return refusal('forbidden')
    }
    const ctx: CallContext = user
      ? { ...given, user, operator: user.fullName, operatorId: user.staffId }
      : { ...given, user: null, operator: null, operatorId: null }
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
    if (!oneAtATime || (isApiMethod(method) && QUEUE_FREE_METHODS.has(method))) return run(method, rawInput, ctx)
    const result = queue.then(() => run(method, rawInput, ctx))
    queue = result.catch(() => undefined)
    return result
  }
}
