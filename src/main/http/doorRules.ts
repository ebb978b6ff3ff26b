import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiResult } from '@shared/api/errors'

/** A call the door answers itself, before the core sees it: the HTTP status, the body, and headers. */
export interface DoorRefusal {
  status: number
  result: ApiResult<never>
  headers?: Record<string, string>
}

/**
 * Where web mode (localDoor.ts) and the office server (officeDoor.ts) differ; server.ts does
 * everything else the same way for both.
 */
export interface DoorRules {
  /** What the core's calls say they came through (`CallContext.door`). */
  door: 'web' | 'server'
  /** Headers added to every answer, beside the shared security headers. */
  headers: Readonly<Record<string, string>>
  /** The Host header names a server this door answers as. */
  hostAllowed(host: string): boolean
  /** An API call's Origin, when the browser sends one, is this server's own. */
  originAllowed(origin: string, host: string): boolean
  /** The API call carries what the door needs besides a session (web mode: the per-start token). */
  tokenOk(req: IncomingMessage): boolean
  /** Session cookies carry `Secure` (HTTPS). */
  secureCookies: boolean
  /** Answers a GET of a path of the door's own (the health check); true when it did. */
  route?(pathname: string, res: ServerResponse): Promise<boolean>
  /** Refuses a call before the core sees it (too many failed sign-ins from one address), or null. */
  refuse?(method: string, req: IncomingMessage): DoorRefusal | null
  /** Sees each answer of the core (failed sign-ins are counted by address). */
  answered?(method: string, req: IncomingMessage, result: ApiResult<unknown>): void
}
