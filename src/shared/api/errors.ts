/**
 * The one error shape that crosses both doors (IPC and HTTP). Messages are never sent as
 * text: the renderer translates `messageKey` (and each field issue's key) into the user's
 * language with the same catalogs that reports use.
 */
export type ApiErrorCode =
  | 'validation' // the input failed its schema or a domain rule; see `issues`
  | 'not_found'
  | 'conflict' // e.g. a duplicate code
  | 'unknown_method'
  | 'unauthorized' // web mode: missing or wrong token
  | 'signed_out' // no session, or it ended: sign in
  | 'locked' // the session is idle past the limit: the password again, the page is kept
  | 'password_change_needed' // signed in with a password an administrator gave: one's own first
  | 'forbidden' // signed in, but the role lacks the method's permission
  | 'rate_limited' // the office server: too many failed sign-ins from one address, wait
  | 'unreachable' // a desk connected to the office server: no answer from it; nothing was written here
  | 'certificate_changed' // a desk: the server presented another certificate than the one trusted
  | 'internal'

export interface FieldIssue {
  /** Path of the offending field in the input, e.g. `['nameKk']`. Empty for the whole input. */
  path: (string | number)[]
  /** i18n key such as `validation.required`. */
  messageKey: string
  /** Values for the message, e.g. `{ max: 200 }`. */
  params?: Record<string, string | number>
}

export interface ApiError {
  code: ApiErrorCode
  messageKey: string
  issues: FieldIssue[]
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

/**
 * Thrown by services for expected failures (a duplicate code, a missing row). The dispatcher
 * turns it into an `ApiError`; any other exception becomes `internal` and is logged.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly messageKey: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(messageKey)
    this.name = 'DomainError'
  }

  toApiError(): ApiError {
    return { code: this.code, messageKey: this.messageKey, issues: this.issues }
  }
}
