import { writeFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { startWebServer, type WebServer } from '../../src/main/http/server'
import { SignInLimiter } from '../../src/main/http/signInLimiter'
import { checkHealth } from '../../src/main/server/health'
import { makeSelfSignedCertificate } from '../../src/main/server/selfSignedCertificate'
import { officeCertificate } from '../../src/main/server/serverCertificate'
import { SESSION_HOURS } from '../../src/main/services/auth/sessions'
import type { Core } from '../../src/main/core'
import { useCleanup } from '../helpers/cleanup'
import { startTestCore } from '../helpers/core'
import { callServer, SERVER_SETUP, servedFingerprint } from '../helpers/officeServer'

/**
 * The office server's door in-process, on a core whose clock the test moves: what the built
 * server cannot show in a test's time (a session at the end of its lifetime), and calls from
 * an address other than the server's own.
 */
const cleanup = useCleanup()
const TLS = makeSelfSignedCertificate({ names: ['localhost', '127.0.0.1'], now: new Date(), days: 30 })
/** An address of this computer that is not loopback: a call to it comes from it, as from another desk. */
const LAN_ADDRESS = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && !entry.internal && entry.family === 'IPv4')?.address

async function officeServer(
  options: { clock?: () => Date; host?: string } = {},
): Promise<{ core: Core; server: WebServer }> {
  const dir = cleanup.tempDir()
  const core = await startTestCore(join(dir, 'akimat.sqlite'), { clock: options.clock })
  cleanup.defer(() => core.close())
  const server = await startWebServer({
    dispatch: core.dispatch,
    staticDir: dir,
    port: 0,
    office: {
      host: options.host ?? '127.0.0.1',
      publicName: 'localhost',
      tls: { cert: TLS.certPem, key: TLS.keyPem },
      health: () => checkHealth(core, Date.now()),
      limiter: new SignInLimiter(),
    },
  })
  cleanup.defer(() => server.close())
  return { core, server }
}

describe('office server door', () => {
  it(`ends a session ${SESSION_HOURS} hours after sign-in, however busy it was`, async () => {
    let now = new Date('2026-03-02T08:00:00Z')
    const { server } = await officeServer({ clock: () => now })
    const origin = `https://127.0.0.1:${server.port}`
    const session = (await callServer<{ session: string }>(origin, 'auth.setup', SERVER_SETUP)).data!.session
    expect((await callServer(origin, 'app.info', {}, session)).data).toMatchObject({ door: 'server' })
    // A core not started by the server entry has no server to describe.
    expect(await callServer(origin, 'office.serverInfo', {}, session)).toMatchObject({ ok: true, data: null })
    // A call every 10 minutes: never idle long enough for the idle lock.
    for (let minutes = 10; minutes < SESSION_HOURS * 60; minutes += 10) {
      now = new Date(Date.parse('2026-03-02T08:00:00Z') + minutes * 60_000)
      expect((await callServer(origin, 'sectors.list', {}, session)).ok).toBe(true)
    }
    now = new Date(Date.parse('2026-03-02T08:00:00Z') + SESSION_HOURS * 3_600_000)
    expect(await callServer(origin, 'sectors.list', {}, session)).toMatchObject({
      status: 401,
      error: { code: 'signed_out' },
    })
  })

  it.skipIf(!LAN_ADDRESS)('makes the first administrator only from the server computer itself', async () => {
    const { server } = await officeServer({ host: '0.0.0.0' })
    const fromDesk = await callServer(`https://${LAN_ADDRESS}:${server.port}`, 'auth.setup', SERVER_SETUP)
    expect(fromDesk).toMatchObject({
      status: 403,
      ok: false,
      error: { code: 'forbidden', messageKey: 'server.setupOnServer' },
    })
    expect((await callServer(`https://127.0.0.1:${server.port}`, 'auth.setup', SERVER_SETUP)).ok).toBe(true)
    // Once made, the administrator signs in from any desk.
    const login = await callServer(`https://${LAN_ADDRESS}:${server.port}`, 'auth.login', {
      username: SERVER_SETUP.admin.username,
      password: SERVER_SETUP.admin.password,
    })
    expect(login.ok).toBe(true)
  })

  it('reports the database down with 503 and nothing more', async () => {
    const { core } = await officeServer()
    expect((await checkHealth(core, Date.now() - 5_000)).status).toBe(200)
    // The database refusing connections, as a stopped PostgreSQL does.
    vi.spyOn(core.database.dataSource, 'query').mockRejectedValueOnce(new Error('connect ECONNREFUSED 127.0.0.1:5432'))
    const down = await checkHealth(core, Date.now() - 5_000)
    expect(down).toEqual({
      status: 503,
      body: { ok: false, version: 'test', engine: 'sqlite', database: 'down', uptimeSeconds: 5 },
    })
  })

  it("serves the office's own certificate, and refuses a key that is not its own", async () => {
    const dir = cleanup.tempDir()
    const own = makeSelfSignedCertificate({ names: ['akimat.local'], now: new Date(), days: 365 })
    const other = makeSelfSignedCertificate({ names: ['akimat.local'], now: new Date(), days: 365 })
    writeFileSync(join(dir, 'office.crt'), own.certPem)
    writeFileSync(join(dir, 'office.key'), own.keyPem)
    writeFileSync(join(dir, 'other.key'), other.keyPem)
    const loaded = officeCertificate(join(dir, 'office.crt'), join(dir, 'office.key'))
    expect(loaded.info.source).toBe('office')
    expect(() => officeCertificate(join(dir, 'office.crt'), join(dir, 'other.key'))).toThrow(/is not the key/)

    const core = await startTestCore(join(dir, 'akimat.sqlite'))
    cleanup.defer(() => core.close())
    const server = await startWebServer({
      dispatch: core.dispatch,
      staticDir: dir,
      port: 0,
      office: {
        host: '127.0.0.1',
        publicName: 'akimat.local',
        tls: { cert: loaded.cert, key: loaded.key },
        health: () => checkHealth(core, Date.now()),
      },
    })
    cleanup.defer(() => server.close())
    expect(server.url).toBe(`https://akimat.local:${server.port}/`)
    expect((await servedFingerprint(server.port)).fingerprint).toBe(loaded.info.fingerprint256)
  })
})

describe('sign-in limit per address', () => {
  it('lets an address try again as its oldest failures leave the window', () => {
    let now = 0
    const limiter = new SignInLimiter(3, 60_000, () => now)
    for (const at of [0, 10_000, 20_000]) {
      now = at
      expect(limiter.waitFor('10.0.0.5')).toBe(0)
      limiter.failed('10.0.0.5')
    }
    now = 30_000
    expect(limiter.waitFor('10.0.0.5')).toBe(30_000)
    expect(limiter.waitFor('10.0.0.6')).toBe(0)
    now = 60_001
    expect(limiter.waitFor('10.0.0.5')).toBe(0)
  })
})
