import { request } from 'node:https'
import type { ApiResult } from '@shared/api/errors'
import type { Dispatch } from '../api/dispatcher'
import { CertificateChangedError, PinnedAgent } from './pinnedAgent'
import { parseServerAddress, type ServerAddress } from './serverAddress'
import { deskRefusal } from './deskErrors'

export interface RemoteCoreOptions {
  /** https://host:port of the office server, as the desk's settings keep it. */
  address: string
  /** The SHA-256 fingerprint the clerk confirmed: the only certificate this desk accepts. */
  fingerprint256: string
  /** TCP and TLS together; a server that does not complete them by then does not answer. */
  connectTimeoutMs?: number
  /**
   * No byte of the answer for this long: the server (or the network) is gone. Long enough for
   * the slowest call (a year's report, an import's commit), which answer only at their end.
   */
  answerTimeoutMs?: number
}

export interface RemoteCore {
  /** The same calls the local core answers, sent to the office server. */
  dispatch: Dispatch
  /** Ends the kept-alive connections. */
  close(): void
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000
const DEFAULT_ANSWER_TIMEOUT_MS = 300_000

/**
 * The desk's core when it is a desk of the office server: every call goes over HTTPS to the
 * server's API (`POST /api/<method>`, the same names and inputs as the local core's), on
 * connections pinned to the trusted certificate. It answers nothing itself and keeps nothing:
 * a server that cannot be reached is one `unreachable` refusal, and the call is not queued to
 * be sent later (the clerk's typed work stays in the form).
 *
 * The session is the server's: a sign-in's answer carries it (a script's sign-in, without the
 * page's cookie header), and the door that called keeps it (the desktop's main process, by
 * window) and gives it back in the call's context, sent as `Authorization: Bearer`.
 */
export function remoteCore(options: RemoteCoreOptions): RemoteCore {
  const server = parseServerAddress(options.address)
  const agent = new PinnedAgent(options.fingerprint256, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS)
  const answerTimeoutMs = options.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS
  return {
    dispatch: async (method, input, ctx) => {
      try {
        return await post(server, agent, method, input, ctx.session ?? null, answerTimeoutMs)
      } catch (error) {
        if (error instanceof CertificateChangedError) return deskRefusal.certificateChanged(server.origin)
        if (error instanceof NotTheApi) return deskRefusal.notOfficeServer(server.origin)
        return deskRefusal.unreachable(server.origin)
      }
    },
    close: () => agent.destroy(),
  }
}

/** An answer that is not the API's JSON (another program on that port, a proxy's page). */
class NotTheApi extends Error {}

function post(
  server: ServerAddress,
  agent: PinnedAgent,
  method: string,
  input: unknown,
  session: string | null,
  answerTimeoutMs: number,
): Promise<ApiResult<unknown>> {
  const body = Buffer.from(JSON.stringify(input ?? {}))
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: server.host,
        port: server.port,
        method: 'POST',
        path: `/api/${encodeURIComponent(method)}`,
        agent,
        timeout: answerTimeoutMs,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': body.length,
          ...(session ? { Authorization: `Bearer ${session}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          try {
            const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
            if (!isApiResult(parsed)) throw new NotTheApi()
            resolve(parsed)
          } catch {
            reject(new NotTheApi())
          }
        })
      },
    )
    req.on('timeout', () => req.destroy(new Error('no answer in time')))
    req.on('error', reject)
    req.end(body)
  })
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (value === null || typeof value !== 'object') return false
  const result = value as { ok?: unknown; data?: unknown; error?: { code?: unknown; messageKey?: unknown } }
  if (result.ok === true) return 'data' in result
  return result.ok === false && typeof result.error?.code === 'string' && typeof result.error.messageKey === 'string'
}
