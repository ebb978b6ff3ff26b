import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer as createTlsServer } from 'node:tls'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { holdBuiltApp } from '../helpers/buildLock'
import { useCleanup } from '../helpers/cleanup'
import { postgresDatabase } from '../helpers/engines'
import { callServer, freePort, SERVER_SETUP, startBuiltServer, type RunningServer } from '../helpers/officeServer'
import { probeServer } from '../../src/main/desk/probe'
import { remoteCore } from '../../src/main/desk/remoteCore'
import { openDeskDoor } from '../../src/main/desk/deskDoor'
import { DESK_SETTINGS_FILE, DeskSettingsError, writeDeskSettings } from '../../src/main/desk/deskSettings'
import { startupErrorMessage } from '../../src/main/startupError'
import { makeSelfSignedCertificate } from '../../src/main/server/selfSignedCertificate'
import type { ApiResult } from '@shared/api/errors'

/**
 * The desk's remote core against the built office server (`node out/main/server.js --db …`) on
 * the run's PostgreSQL: what a desktop app connected to the server does, minus its window.
 */
const cleanup = useCleanup()
let release: () => void

beforeAll(async () => {
  release = await holdBuiltApp()
}, 600_000)
afterAll(() => release?.())

const desk = { session: null, operator: null, door: 'desktop' as const }
const asUser = (session: string) => ({ ...desk, session })
const login = { username: SERVER_SETUP.admin.username, password: SERVER_SETUP.admin.password }

async function serverOn(db: string, stateDir: string, port = 0): Promise<RunningServer> {
  const server = await startBuiltServer(
    ['--db', db, '--state', stateDir, ...(port ? ['--port', String(port)] : [])],
    join(stateDir, 'history-key'),
  )
  cleanup.defer(() => server.stop())
  return server
}

async function setUpServer(port = 0) {
  const state = cleanup.tempDir()
  const db = await postgresDatabase()
  const server = await serverOn(db, state, port)
  expect((await callServer(server.origin, 'auth.setup', SERVER_SETUP)).ok).toBe(true)
  return { server, db, state }
}

/** Every file under a folder, relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  )
}

describe('the desk of an office server', () => {
  it('probes the certificate the server printed, then calls the API pinned to it', async () => {
    const { server } = await setUpServer()
    const probe = await probeServer(`127.0.0.1:${server.port}`)
    expect(probe).toMatchObject({
      address: `https://127.0.0.1:${server.port}`,
      fingerprint256: server.printedFingerprint,
      version: '0.1.0',
    })
    expect(probe.names).toContain('127.0.0.1')
    // The whole address the server prints is accepted as typed.
    expect((await probeServer(`https://127.0.0.1:${server.port}/`)).fingerprint256).toBe(server.printedFingerprint)

    const remote = remoteCore({ address: probe.address, fingerprint256: probe.fingerprint256 })
    cleanup.defer(() => remote.close())
    expect(await remote.dispatch('appeals.list', {}, desk)).toMatchObject({ ok: false, error: { code: 'signed_out' } })
    const signedIn = (await remote.dispatch('auth.login', login, desk)) as ApiResult<{ session: string }>
    if (!signedIn.ok) throw new Error(JSON.stringify(signedIn.error))
    const session = signedIn.data.session
    const made = await remote.dispatch('staff.create', { fullName: 'Серік Бекұлы', position: 'Маман' }, asUser(session))
    expect(made).toMatchObject({ ok: true, data: { fullName: 'Серік Бекұлы' } })
    // What the desk wrote is on the server: a script signed in there sees it.
    const script = await callServer<{ session: string }>(server.origin, 'auth.login', login)
    const staff = await callServer<{ fullName: string }[]>(server.origin, 'staff.list', {}, script.data!.session)
    expect(staff.data!.map((member) => member.fullName)).toContain('Серік Бекұлы')
    // The server's refusals come through as they are (a field error of the contract).
    expect(await remote.dispatch('staff.create', { fullName: '' }, asUser(session))).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })

  it('refuses a server presenting another certificate before a byte of the call is sent', async () => {
    const { server } = await setUpServer()
    const wrongPin = server.printedFingerprint.replace(/^../, server.printedFingerprint.startsWith('00') ? '11' : '00')
    const remote = remoteCore({ address: `https://127.0.0.1:${server.port}`, fingerprint256: wrongPin })
    cleanup.defer(() => remote.close())
    expect(await remote.dispatch('auth.login', login, desk)).toEqual({
      ok: false,
      error: {
        code: 'certificate_changed',
        messageKey: 'desk.certificateChanged',
        issues: [
          {
            path: [],
            messageKey: 'desk.certificateChangedAt',
            params: { address: `https://127.0.0.1:${server.port}` },
          },
        ],
      },
    })

    // A look-alike on another port, with a certificate of its own: it completes the handshake
    // and records every byte it receives after it.
    const impostor = makeSelfSignedCertificate({ names: ['127.0.0.1'], now: new Date(), days: 2 })
    const received: Buffer[] = []
    const tls = createTlsServer({ cert: impostor.certPem, key: impostor.keyPem }, (socket) => {
      socket.on('data', (chunk: Buffer) => received.push(chunk))
      socket.on('error', () => undefined)
    })
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve))
    cleanup.defer(() => new Promise((resolve) => tls.close(resolve)))
    const address = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`
    const pinnedToServer = remoteCore({ address, fingerprint256: server.printedFingerprint })
    cleanup.defer(() => pinnedToServer.close())
    const answer = await pinnedToServer.dispatch('auth.login', login, asUser('a-session-token'))
    expect(answer).toMatchObject({ ok: false, error: { code: 'certificate_changed' } })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(Buffer.concat(received).length).toBe(0)
  })

  it('says unreachable while the server is stopped, and works again once it is back', async () => {
    const port = await freePort()
    const { server, db, state } = await setUpServer(port)
    const address = `https://127.0.0.1:${port}`
    const remote = remoteCore({ address, fingerprint256: server.printedFingerprint, connectTimeoutMs: 2_000 })
    cleanup.defer(() => remote.close())
    const first = (await remote.dispatch('auth.login', login, desk)) as ApiResult<{ session: string }>
    expect(first.ok).toBe(true)

    expect(await server.stop()).toBe(0)
    const down = await remote.dispatch('appeals.list', {}, asUser(first.ok ? first.data.session : ''))
    expect(down).toEqual({
      ok: false,
      error: {
        code: 'unreachable',
        messageKey: 'desk.unreachable',
        issues: [{ path: [], messageKey: 'desk.unreachableAt', params: { address } }],
      },
    })
    // A port where nothing answers at all, and an address that does not resolve: the same refusal.
    expect(
      await remoteCore({
        address: `https://127.0.0.1:${await freePort()}`,
        fingerprint256: server.printedFingerprint,
      }).dispatch('auth.status', {}, desk),
    ).toMatchObject({ ok: false, error: { code: 'unreachable' } })

    // The same server (same certificate, same database) started again on the same port.
    const again = await serverOn(db, state, port)
    expect(again.printedFingerprint).toBe(server.printedFingerprint)
    // Sessions live in the server's memory: a restart signs everyone out, and the desk signs in again.
    expect(await remote.dispatch('appeals.list', {}, asUser(first.ok ? first.data.session : ''))).toMatchObject({
      ok: false,
      error: { code: 'signed_out' },
    })
    const second = (await remote.dispatch('auth.login', login, desk)) as ApiResult<{ session: string }>
    if (!second.ok) throw new Error(JSON.stringify(second.error))
    expect(await remote.dispatch('appeals.list', {}, asUser(second.data.session))).toMatchObject({
      ok: true,
      data: { total: 0 },
    })
  })

  it('first start: probe, connect with the compared fingerprint; no local database is made', async () => {
    const { server } = await setUpServer()
    const userData = cleanup.tempDir()
    const settingsFile = join(userData, DESK_SETTINGS_FILE)
    const openLocal = vi.fn(() => Promise.reject(new Error('server mode must not open a local database')))
    const door = await openDeskDoor({ settingsFile, openLocal })
    cleanup.defer(() => door.close())
    expect(await door.act('status', {})).toEqual({
      ok: true,
      data: { mode: 'unset', address: null, fingerprint256: null },
    })
    // Before the choice, the API is refused, not answered from anywhere.
    expect(await door.dispatch('appeals.list', {}, desk)).toMatchObject({ ok: false, error: { code: 'conflict' } })

    const probe = await door.act('probe', { address: `127.0.0.1:${server.port}` })
    expect(probe).toMatchObject({ ok: true, data: { fingerprint256: server.printedFingerprint } })
    // A fingerprint other than the one presented now is not trusted.
    const other = server.printedFingerprint.replace(/.$/, server.printedFingerprint.endsWith('0') ? '1' : '0')
    expect(await door.act('connect', { address: `127.0.0.1:${server.port}`, fingerprint256: other })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['fingerprint256'], messageKey: 'desk.probe.changedWhileLooking' }] },
    })
    expect(door.status().mode).toBe('unset')
    const connected = await door.act('connect', {
      address: `127.0.0.1:${server.port}`,
      fingerprint256: server.printedFingerprint.toLowerCase(),
    })
    expect(connected).toEqual({
      ok: true,
      data: { mode: 'server', address: `https://127.0.0.1:${server.port}`, fingerprint256: server.printedFingerprint },
    })
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toMatchObject({
      version: 1,
      mode: 'server',
      address: `https://127.0.0.1:${server.port}`,
      fingerprint256: server.printedFingerprint,
    })
    // Chosen once: the page cannot change it.
    expect(await door.act('chooseLocal', {})).toMatchObject({ ok: false, error: { messageKey: 'desk.alreadyChosen' } })

    const signedIn = (await door.dispatch('auth.login', login, desk)) as ApiResult<{ session: string }>
    if (!signedIn.ok) throw new Error(JSON.stringify(signedIn.error))
    expect(await door.dispatch('appeals.list', {}, asUser(signedIn.data.session))).toMatchObject({ ok: true })

    // The next start reads the choice and goes to the server at once.
    const next = await openDeskDoor({ settingsFile, openLocal })
    cleanup.defer(() => next.close())
    expect(await next.dispatch('appeals.list', {}, asUser(signedIn.data.session))).toMatchObject({ ok: true })

    await server.stop()
    expect(await next.dispatch('appeals.list', {}, asUser(signedIn.data.session))).toMatchObject({
      ok: false,
      error: { code: 'unreachable' },
    })
    expect(openLocal).not.toHaveBeenCalled()
    expect(next.current()).toBeUndefined()
    expect(filesUnder(userData)).toEqual([DESK_SETTINGS_FILE])
  })

  it('refuses a settings file that is not a valid choice instead of asking again', async () => {
    const userData = cleanup.tempDir()
    const settingsFile = join(userData, DESK_SETTINGS_FILE)
    writeFileSync(
      settingsFile,
      JSON.stringify({ version: 1, mode: 'server', address: 'http://x', fingerprint256: 'AB' }),
    )
    const refused = await openDeskDoor({ settingsFile, openLocal: vi.fn() }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DeskSettingsError)
    // Told in the three languages, naming the file, not as a stack trace.
    const told = startupErrorMessage(refused, 'unused')
    expect(told).toContain(`повреждён: ${settingsFile}`)
    expect(told).toContain(`is damaged: ${settingsFile}`)
    expect(told).not.toMatch(/at \S+ \(/)
    writeDeskSettings(settingsFile, { version: 1, mode: 'local', chosenAt: new Date().toISOString() })
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toMatchObject({ mode: 'local' })
  })
})
