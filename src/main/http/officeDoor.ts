import type { IncomingMessage } from 'node:http'
import type { DoorRefusal, DoorRules } from './doorRules'
import { SignInLimiter } from './signInLimiter'

/** The answer of the health check: its status (200 up, 503 down) and its body. */
export interface HealthAnswer {
  status: number
  body: unknown
}

export interface OfficeDoorOptions {
  /** Address to listen on: 0.0.0.0 (every interface) or one of this computer's. */
  host: string
  /** The name the start-up line gives desks: the host name when listening on every interface. */
  publicName: string
  tls: { cert: string; key: string }
  /** GET /health, open without sign-in (server/health.ts). */
  health(): Promise<HealthAnswer>
  /** Failed sign-ins by address; tests give one with a clock of their own. */
  limiter?: SignInLimiter
}

/** The calls that take a password or a recovery code: failures count towards the address's limit. */
const SIGN_IN_METHODS = new Set(['auth.login', 'auth.unlock', 'auth.recover'])
/** One year, the usual HSTS age: once a browser has seen the server over HTTPS it never tries plain HTTP. */
const HSTS = 'max-age=31536000'

/** The client's address, an IPv4 one without the IPv6 prefix a dual-stack socket gives it. */
export const clientAddress = (req: IncomingMessage): string =>
  (req.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')

const isLoopback = (address: string): boolean => address === '::1' || /^127\./.test(address)

/**
 * The office server's door: HTTPS on the office network, for desks on other computers. They
 * cannot be given a per-start token, so sign-in is the gate: every call but the few open before
 * it needs a session, failed sign-ins are limited per address as well as per username, and the
 * first administrator (the open `auth.setup`, while no account exists) can be made only from
 * the server computer itself, so that nobody else on the network makes themselves one first.
 * The Host is whatever name the desk used (the server cannot know them all); an API call's
 * Origin must be that same https://host. The certificate makes a rebinding name fail in the
 * browser before anything is sent.
 */
export function officeRules(options: OfficeDoorOptions): DoorRules {
  const limiter = options.limiter ?? new SignInLimiter()
  return {
    door: 'server',
    headers: { 'Strict-Transport-Security': HSTS },
    secureCookies: true,
    hostAllowed: (host) => host.length > 0,
    originAllowed: (origin, host) => origin === `https://${host}`,
    tokenOk: () => true,
    async route(pathname, res) {
      if (pathname !== '/health') return false
      const { status, body } = await options.health()
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(JSON.stringify(body))
      return true
    },
    refuse(method, req): DoorRefusal | null {
      const address = clientAddress(req)
      if (method === 'auth.setup' && !isLoopback(address)) {
        return {
          status: 403,
          result: { ok: false, error: { code: 'forbidden', messageKey: 'server.setupOnServer', issues: [] } },
        }
      }
      if (!SIGN_IN_METHODS.has(method)) return null
      const wait = limiter.waitFor(address)
      if (wait === 0) return null
      const minutes = Math.ceil(wait / 60_000)
      return {
        status: 429,
        headers: { 'Retry-After': String(Math.ceil(wait / 1000)) },
        result: {
          ok: false,
          error: {
            code: 'rate_limited',
            messageKey: 'server.tooManySignIns',
            issues: [{ path: [], messageKey: 'server.tryAgainIn', params: { minutes } }],
          },
        },
      }
    },
    answered(method, req, result) {
      if (SIGN_IN_METHODS.has(method) && !result.ok) limiter.failed(clientAddress(req))
    },
  }
}
