import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:https'
import { connect } from 'node:tls'
import { join, resolve } from 'node:path'
import { createServer } from 'node:net'

const ROOT = resolve(__dirname, '../..')

/** The built office server (`node out/main/server.js`), started by a test. */
export interface RunningServer {
  /** https://127.0.0.1:PORT */
  origin: string
  port: number
  /** The fingerprint its start-up lines printed. */
  printedFingerprint: string
  pid: number
  /** Everything it wrote so far. */
  output(): string
  /** SIGTERM, as a service manager stops it; resolves with its exit code. */
  stop(): Promise<number | null>
  /** SIGKILL: the process ends at once, stopping nothing (its embedded PostgreSQL is left running). */
  kill(): Promise<void>
}

/** A port free on 127.0.0.1 now (for the embedded PostgreSQL, which cannot be given 0). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/**
 * Starts the built office server on port 0 with the given arguments (the database's), the
 * history key in `keyDir`, and waits for its `Open:` line.
 */
export async function startBuiltServer(args: string[], keyDir: string, timeoutMs = 60_000): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'out/main/server.js'), '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AKIMAT_KEY_DIR: keyDir },
  })
  let output = ''
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const opened = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open: (\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited with ${code}:\n${output}`))
    })
  })
  const port = Number(new URL(opened).port)
  const done = () => child.exitCode !== null || child.signalCode !== null
  return {
    origin: `https://127.0.0.1:${port}`,
    port,
    printedFingerprint: /Fingerprint \(SHA-256\): (\S+)/.exec(output)?.[1] ?? '',
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (!done()) child.kill('SIGTERM')
      return exited
    },
    kill: async () => {
      if (!done()) child.kill('SIGKILL')
      await exited
    },
  }
}

export interface HttpsAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  json<T = unknown>(): T
}

/**
 * A request to the server over HTTPS, its self-signed certificate accepted (tests compare its
 * fingerprint on their own, as a desk does).
 */
export function httpsRequest(
  origin: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<HttpsAnswer> {
  const url = new URL(path, origin)
  const body = options.body === undefined ? undefined : JSON.stringify(options.body)
  return new Promise((resolveAnswer, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        rejectUnauthorized: false,
        headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...options.headers },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () =>
          resolveAnswer({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            json: <T>() => JSON.parse(text) as T,
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** An API call as a script makes it (Bearer session); the answer's status and body. */
export async function callServer<T = unknown>(
  origin: string,
  method: string,
  input: unknown,
  session?: string,
): Promise<{ status: number; ok: boolean; data?: T; error?: { code: string; messageKey: string; issues: unknown[] } }> {
  const answer = await httpsRequest(origin, `/api/${method}`, {
    body: input,
    headers: session ? { Authorization: `Bearer ${session}` } : {},
  })
  return { status: answer.status, ...answer.json<{ ok: boolean; data?: T; error?: never }>() }
}

/** The SHA-256 fingerprint of the certificate the server presents in the TLS handshake. */
export function servedFingerprint(
  port: number,
  host = '127.0.0.1',
): Promise<{ fingerprint: string; protocol: string }> {
  return new Promise((resolveFingerprint, reject) => {
    const socket = connect({ host, port, rejectUnauthorized: false }, () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256
      const protocol = socket.getProtocol() ?? ''
      socket.end()
      resolveFingerprint({ fingerprint, protocol })
    })
    socket.on('error', reject)
  })
}

/** What the first-run screen sends: the office and its first administrator. */
export const SERVER_SETUP = {
  office: { nameKk: 'Ақсу ауылдық округі әкімінің аппараты', nameRu: 'Аппарат акима Аксуского сельского округа' },
  admin: { username: 'admin', fullName: 'Әкімші Серверов', staffId: null, password: 'server-admin-password' },
}

/**
 * The server's first run as its administrator does it (SERVER_SETUP), then the first-start
 * wizard skipped to its end: the office of a test that is about something else, whose pages
 * should not be the wizard.
 */
export async function setUpServerOffice(origin: string): Promise<void> {
  const setup = await callServer<{ session: string }>(origin, 'auth.setup', SERVER_SETUP)
  if (!setup.ok || !setup.data) throw new Error(`auth.setup failed: ${JSON.stringify(setup.error)}`)
  const skipped = await callServer(origin, 'setup.markStep', { step: 'sample', outcome: 'skipped' }, setup.data.session)
  if (!skipped.ok) throw new Error(`setup.markStep failed: ${JSON.stringify(skipped.error)}`)
}
