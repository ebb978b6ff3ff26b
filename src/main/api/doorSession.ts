import type { ApiResult } from '@shared/api/errors'

/**
 * A door that keeps the session for its caller (the desktop window in the main process, the
 * browser page in an HttpOnly cookie) takes the token out of a sign-in's answer, so the page's
 * script never holds it. Returns the answer without the token, and the token (if any).
 */
export function takeSession(result: ApiResult<unknown>): { result: ApiResult<unknown>; session: string | null } {
  if (!result.ok || result.data === null || typeof result.data !== 'object') return { result, session: null }
  const { session, ...rest } = result.data as { session?: unknown }
  if (typeof session !== 'string') return { result, session: null }
  return { result: { ok: true, data: rest }, session }
}
