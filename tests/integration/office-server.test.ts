import { request as httpRequest } from 'node:http'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { X509Certificate } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { holdBuiltApp } from '../helpers/buildLock'
import { useCleanup } from '../helpers/cleanup'
import { postgresDatabase } from '../helpers/engines'
import {
  callServer,
  httpsRequest,
  SERVER_SETUP,
  servedFingerprint,
  startBuiltServer,
  type RunningServer,
} from '../helpers/officeServer'
import { SIGN_IN_FAILURES } from '../../src/main/http/signInLimiter'

/**
 * The built office server (`node out/main/server.js --db …`) on the run's PostgreSQL, as an
 * office starts it: HTTPS with the certificate it makes on first start, sign-in as the gate.
 */
const cleanup = useCleanup()
let release: () => void

beforeAll(async () => {
  release = await holdBuiltApp()
}, 600_000)
afterAll(() => release?.())

async function serverOn(db: string, stateDir: string): Promise<RunningServer> {
  const server = await startBuiltServer(['--db', db, '--state', stateDir], join(stateDir, 'history-key'))
  cleanup.defer(() => server.stop())
  return server
}

describe('office server on PostgreSQL', () => {
  it('prints the fingerprint of the certificate it serves, over TLS 1.2 or later, and makes it once', async () => {
    const state = cleanup.tempDir()
    const db = await postgresDatabase()
    const first = await serverOn(db, state)
    expect(first.output()).toMatch(/^Open: https:\/\/127\.0\.0\.1:\d+\/$/m)
    expect(first.printedFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    const served = await servedFingerprint(first.port)
    expect(served.fingerprint).toBe(first.printedFingerprint)
    expect(['TLSv1.2', 'TLSv1.3']).toContain(served.protocol)
    const keyFile = join(state, 'tls', 'server.key')
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(new X509Certificate(readFileSync(join(state, 'tls', 'server.crt'))).fingerprint256).toBe(
      first.printedFingerprint,
    )
    expect(await first.stop()).toBe(0)

    const again = await serverOn(db, state)
    expect(again.printedFingerprint).toBe(first.printedFingerprint)
    expect((await servedFingerprint(again.port)).fingerprint).toBe(first.printedFingerprint)
  })

  it('answers /health without sign-in, saying nothing but its state, and refuses plain HTTP', async () => {
    const server = await serverOn(await postgresDatabase(), cleanup.tempDir())
    const health = await httpsRequest(server.origin, '/health')
    expect(health.status).toBe(200)
    const body = health.json<Record<string, unknown>>()
    expect(Object.keys(body).sort()).toEqual(['database', 'engine', 'ok', 'uptimeSeconds', 'version'])
    expect(body).toMatchObject({ ok: true, engine: 'postgres', database: 'up', version: '0.1.0' })
    expect(body.uptimeSeconds).toEqual(expect.any(Number))
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000')
    expect(health.headers['cache-control']).toBe('no-store')

    // Plain HTTP on the same port: no answer at all, the TLS layer drops it.
    const plain = await new Promise<string>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/health' }, (res) =>
        resolve(`answered ${res.statusCode}`),
      )
      req.on('error', (error) => resolve(`refused: ${(error as NodeJS.ErrnoException).code}`))
      req.end()
    })
    expect(plain).toMatch(/^refused: /)
  })

  it('refuses the API without sign-in and serves it after; the page gets a Secure cookie', async () => {
    const server = await serverOn(await postgresDatabase(), cleanup.tempDir())
    const before = await callServer(server.origin, 'appeals.list', {})
    expect(before).toMatchObject({ status: 401, ok: false, error: { code: 'signed_out' } })
    // No token is asked for: the first administrator is made from this computer (127.0.0.1).
    const setup = await callServer<{ session: string }>(server.origin, 'auth.setup', SERVER_SETUP)
    expect(setup.ok).toBe(true)
    const login = await callServer<{ session: string }>(server.origin, 'auth.login', {
      username: SERVER_SETUP.admin.username,
      password: SERVER_SETUP.admin.password,
    })
    const list = await callServer<{ total: number }>(server.origin, 'appeals.list', {}, login.data!.session)
    expect(list).toMatchObject({ status: 200, ok: true, data: { total: 0 } })
    const info = await callServer<{ address: string; certificate: { fingerprint256: string; source: string } }>(
      server.origin,
      'office.serverInfo',
      {},
      login.data!.session,
    )
    expect(info.data).toMatchObject({
      address: `https://127.0.0.1:${server.port}/`,
      certificate: { fingerprint256: server.printedFingerprint, source: 'generated' },
      embeddedPostgres: false,
    })

    const page = await httpsRequest(server.origin, '/api/auth.login', {
      body: { username: SERVER_SETUP.admin.username, password: SERVER_SETUP.admin.password },
      headers: { 'X-Akimat-Session': 'cookie', Origin: `https://127.0.0.1:${server.port}` },
    })
    expect(page.headers['set-cookie']?.[0]).toMatch(
      new RegExp(`^akimat_session_${server.port}=[A-Za-z0-9_-]{43}; Path=/api/; HttpOnly; SameSite=Strict; Secure$`),
    )
    const foreign = await httpsRequest(server.origin, '/api/auth.status', {
      body: {},
      headers: { Origin: 'https://elsewhere.example' },
    })
    expect(foreign.status).toBe(403)
  })

  it(`refuses sign-in from an address after ${SIGN_IN_FAILURES} failures, even with the right password`, async () => {
    const server = await serverOn(await postgresDatabase(), cleanup.tempDir())
    expect((await callServer(server.origin, 'auth.setup', SERVER_SETUP)).ok).toBe(true)
    // Many usernames, each tried less often than its own lockout needs: only the address limit stops this.
    for (let i = 0; i < SIGN_IN_FAILURES; i++) {
      const wrong = await callServer(server.origin, 'auth.login', { username: `guess${i % 10}`, password: 'nope' })
      expect(wrong).toMatchObject({ status: 200, ok: false, error: { messageKey: 'errors.wrongCredentials' } })
    }
    const answer = await httpsRequest(server.origin, '/api/auth.login', {
      body: { username: SERVER_SETUP.admin.username, password: SERVER_SETUP.admin.password },
    })
    expect(answer.status).toBe(429)
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(500)
    expect(answer.json()).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        messageKey: 'server.tooManySignIns',
        issues: [{ path: [], messageKey: 'server.tryAgainIn', params: { minutes: 10 } }],
      },
    })
    // Calls that take no password are not limited.
    expect((await callServer(server.origin, 'auth.status', {})).ok).toBe(true)
  })
})
