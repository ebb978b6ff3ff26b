import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { randomBytes } from 'node:crypto'
import type { AddressInfo, Socket } from 'node:net'
import type { ApiResult } from '@shared/api/errors'
import type { Dispatch } from '../api/dispatcher'
import { takeSession } from '../api/doorSession'
import { SECURITY_HEADERS } from '../security/headers'
import { localRules, TOKEN_HEADER } from './localDoor'
import { officeRules, type OfficeDoorOptions } from './officeDoor'
import type { DoorRules } from './doorRules'
import { serveStatic } from './static'
import { serveAttachment } from './attachmentRoute'
import { MAX_PACKAGE_BASE64 } from '@shared/api/areas/consolidation'
import { MAX_IMPORT_BASE64 } from '@shared/api/areas/import'

export { TOKEN_HEADER }
/**
 * The browser page sends this header (value `cookie`): it wants its session kept in an
 * HttpOnly cookie, out of the reach of its own scripts. Programmatic clients leave it out,
 * get the session in the answer and send it back as `Authorization: Bearer <session>`.
 */
export const SESSION_MODE_HEADER = 'x-akimat-session'
const MAX_BODY_BYTES = 5 * 1024 * 1024
/**
 * Methods whose body carries a file larger than the general limit: an attachment of up to
 * 20 MB arrives as some 27 MB of base64 (the core then refuses one over 20 MB by its name); an
 * okrug's package, with its scanned attachments, and an old register's spreadsheet, each up to
 * the contract's own cap (the JSON around the base64, a column mapping included, is far under
 * 64 KB). On the office server every desk's import comes through here. The spreadsheet's own
 * caps (unpacked size, rows, columns: import/limits) judge what is inside.
 */
const AROUND_FILE = 64 * 1024
const LARGER_BODIES: Readonly<Record<string, number>> = {
  'attachments.add': 28 * 1024 * 1024,
  'consolidation.importPackage': MAX_PACKAGE_BASE64 + AROUND_FILE,
  'import.preview': MAX_IMPORT_BASE64 + AROUND_FILE,
  'import.commit': MAX_IMPORT_BASE64 + AROUND_FILE,
}
/** How much of an oversized body is read and thrown away before the connection is cut. */
const DRAIN_LIMIT_BYTES = 4 * MAX_BODY_BYTES

export interface WebServerOptions {
  dispatch: Dispatch
  /** Folder of the built renderer (out/renderer). */
  staticDir: string
  /** Port on 127.0.0.1 (web mode) or on the office server's address; 0 picks a free one. */
  port: number
  /** Web mode: a fixed token for tests; a random one per start otherwise. */
  token?: string
  /** The office server: HTTPS on the given address, sign-in the only gate (officeDoor.ts). Unset: web mode. */
  office?: OfficeDoorOptions
  /**
   * Web mode started as a desk (`web --desk DIR`): the first-start page's actions, answered at
   * `/api/desk.<action>` behind the same token as the API (desk/deskDoor.ts).
   */
  desk?: (action: string, input: unknown) => Promise<ApiResult<unknown>>
}

export interface WebServer {
  /**
   * The address to open: web mode's with the token in the fragment (never sent to the server
   * or in logs); the office server's plain https://HOST:PORT/.
   */
  url: string
  port: number
  /** Web mode's per-start token; empty on the office server, which has none. */
  token: string
  close(): Promise<void>
}

/**
 * Door 2: the same API over HTTP. Web mode, for a browser on this machine, is bound to
 * 127.0.0.1 and needs its per-start token (localDoor.ts); the office server is HTTPS on the
 * office network, where sign-in is the gate (officeDoor.ts). What they share is here: the Host
 * header must be one the door answers to (against DNS rebinding), a foreign Origin is refused,
 * no CORS headers are ever sent, and every call but the few open before sign-in needs a
 * session: `Authorization: Bearer <session>`, or the page's cookie (HttpOnly, SameSite=Strict,
 * Secure over HTTPS, named after the port: cookies do not tell ports apart).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.office ? '' : (options.token ?? randomBytes(24).toString('base64url'))
  let port = options.port
  const rules: DoorRules = options.office ? officeRules(options.office) : localRules(token, () => port)
  const cookieName = () => `akimat_session_${port}`

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      console.error('web server error', error)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  }
  const server: Server = options.office
    ? createHttpsServer(
        { cert: options.office.tls.cert, key: options.office.tls.key, minVersion: 'TLSv1.2' },
        onRequest,
      )
    : createServer(onRequest)
  // The server closes a kept-alive connection once it has been idle this long. A client held up
  // around that moment (a desk or a script on a starved machine) can send its next call on the
  // connection as it closes, and the call ends in a connection reset: seen with Node's 5 s
  // default while a 30,000-row import kept two cores busy. Calls come every few seconds from
  // each page (it polls the data's revision), so a minute keeps their connections open without
  // holding many; the headers deadline must exceed it.
  server.keepAliveTimeout = 60_000
  server.headersTimeout = 65_000

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries({ ...SECURITY_HEADERS, ...rules.headers })) res.setHeader(name, value)

    const host = req.headers.host ?? ''
    if (!rules.hostAllowed(host)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden host')
      return
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    const session = () => bearer(req.headers.authorization) ?? cookie(req.headers.cookie, cookieName())
    if (await serveAttachment(req, res, url, options.dispatch, rules, session())) return
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end()
        return
      }
      if (await rules.route?.(url.pathname, res)) return
      await serveStatic(options.staticDir, url.pathname, res)
      return
    }

    const origin = req.headers.origin
    if (origin !== undefined && !rules.originAllowed(origin, host)) {
      sendJson(res, 403, unauthorized())
      return
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST' }).end()
      return
    }
    if (!rules.tokenOk(req)) {
      sendJson(res, 401, unauthorized())
      return
    }

    const method = decodeURIComponent(url.pathname.slice('/api/'.length))
    const maxBody = LARGER_BODIES[method] ?? MAX_BODY_BYTES
    let input: unknown
    try {
      const body = await readBody(req, maxBody)
      input = body.length === 0 ? {} : JSON.parse(body)
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.setHeader('Connection', 'close')
        sendJson(res, 413, {
          ok: false,
          error: {
            code: 'validation',
            messageKey: 'errors.requestTooLarge',
            issues: [
              { path: [], messageKey: 'errors.requestTooLarge', params: { max: Math.floor(maxBody / 1024 / 1024) } },
            ],
          },
        })
        return
      }
      sendJson(res, 400, {
        ok: false,
        error: {
          code: 'validation',
          messageKey: 'errors.validation',
          issues: [{ path: [], messageKey: 'validation.invalid' }],
        },
      })
      return
    }
    if (options.desk && method.startsWith('desk.')) {
      sendJson(res, 200, await options.desk(method.slice('desk.'.length), input))
      return
    }
    const refusal = rules.refuse?.(method, req)
    if (refusal) {
      for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value)
      sendJson(res, refusal.status, refusal.result)
      return
    }
    const answer = await options.dispatch(method, input, { session: session(), operator: null, door: rules.door })
    rules.answered?.(method, req, answer)
    let result = answer
    const page = req.headers[SESSION_MODE_HEADER] === 'cookie'
    if (page) {
      const taken = takeSession(answer)
      result = taken.result
      const base = `${cookieName()}=%; Path=/api/; HttpOnly; SameSite=Strict${rules.secureCookies ? '; Secure' : ''}`
      if (taken.session) res.setHeader('Set-Cookie', base.replace('%', taken.session))
      else if (method === 'auth.logout') res.setHeader('Set-Cookie', `${base.replace('%', '')}; Max-Age=0`)
    }
    // The page reads every answer's body (and a browser logs any 4xx as an error in its console).
    sendJson(res, result.ok || page ? 200 : (STATUS_OF[result.error.code] ?? 200), result)
  }

  // Every accepted connection, from its first byte: closeAllConnections() knows only those the
  // HTTP layer has seen, so a desk's connection still in its TLS handshake when the server
  // stops would be taken up after it and keep the stopped server's process alive.
  const sockets = new Set<Socket>()
  let closing = false
  server.on('connection', (socket: Socket) => {
    if (closing) return socket.destroy()
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })

  const bindTo = options.office?.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, bindTo, () => resolve())
  })
  port = (server.address() as AddressInfo).port

  return {
    url: options.office ? `https://${options.office.publicName}:${port}/` : `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true
        server.close(() => resolve())
        server.closeAllConnections()
        for (const socket of sockets) socket.destroy()
      }),
  }
}

/** Refusals a programmatic client tells by the status too; every other answer (and all of the page's) is 200 with its body. */
const STATUS_OF: Partial<Record<string, number>> = {
  unknown_method: 404,
  signed_out: 401,
  locked: 401,
  forbidden: 403,
}

const unauthorized = (): ApiResult<never> => ({
  ok: false,
  error: { code: 'unauthorized', messageKey: 'errors.unauthorized', issues: [] },
})

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  return match?.[1] ?? null
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=') || null
  }
  return null
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

/** A body over the limit: answered 413 once it has been read (and thrown away) to its end. */
class BodyTooLarge extends Error {}

/**
 * Reads the body, keeping at most `maxBytes`. A larger body is drained and discarded so the
 * client, still sending, can read the 413 that follows instead of a reset connection; one that
 * keeps going far past the limit is cut off.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const drainLimit = Math.max(DRAIN_LIMIT_BYTES, maxBytes)
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > drainLimit) {
      reject(new BodyTooLarge())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > drainLimit) {
        req.destroy()
        reject(new BodyTooLarge())
      } else if (size <= maxBytes) chunks.push(chunk)
    })
    req.on('end', () =>
      size > maxBytes ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8')),
    )
    req.on('error', reject)
  })
}
