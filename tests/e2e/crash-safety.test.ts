import { spawn, type ChildProcess } from 'node:child_process'
import type { AuditVerification } from '@shared/api/contract'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAccountWithCli, E2E_ADMIN, ROOT, signInByApi } from './harness'

/**
 * Crash safety, proven: the real core (built web mode) writes appeals through the API in a
 * loop and is killed with SIGKILL at random moments, many times. After each kill the database
 * is opened again and every appeal whose save was acknowledged must be there, whole, and the
 * file must pass integrity_check and foreign_key_check.
 */
const KILLS = 8
/** Saves acknowledged in a round before its kill may come. */
const ACKNOWLEDGED_PER_ROUND = 6
const dataDir = mkdtempSync(join(tmpdir(), 'akimat-crash-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

interface Server {
  child: ChildProcess
  origin: string
  token: string
  /** The administrator's session of this start (sessions end with the process). */
  session: string
}

/** Starts web mode on the shared data folder and signs its administrator in. */
async function startServer(): Promise<Server> {
  const started = await spawnServer()
  return { ...started, session: await signInByApi(started, E2E_ADMIN.username, E2E_ADMIN.password) }
}

function spawnServer(): Promise<Omit<Server, 'session'>> {
  const child = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AKIMAT_KEY_DIR: join(dataDir, 'history-key') },
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open: (\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        const url = new URL(match[1])
        resolve({ child, origin: url.origin, token: url.hash.replace('#token=', '') })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)))
  })
}

describe('crash safety', () => {
  beforeAll(() => addAccountWithCli(dataDir, { ...E2E_ADMIN, role: 'administrator' }))

  it(`keeps every acknowledged appeal through ${KILLS} kills with SIGKILL`, async () => {
    const acknowledged = new Map<string, string>() // regNumber → summary
    let sequence = 0
    for (let round = 0; round < KILLS; round++) {
      const { child, origin, token, session } = await startServer()
      const post = async (method: string, input: unknown) => {
        const response = await fetch(`${origin}/api/${method}`, {
          method: 'POST',
          headers: { 'X-Akimat-Token': token, Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        })
        return (await response.json()) as { ok: boolean; data: { regNumber: string } }
      }
      // The kill comes at a random moment once this round has had writes acknowledged, so every
      // round kills a server in the middle of writing however slow the machine is.
      let roundAcknowledged = 0
      let killed = false
      const exited = new Promise((resolve) => child.once('exit', resolve))
      const writer = (async () => {
        while (!killed) {
          sequence += 1
          const summary = `Өтініш №${sequence}: су құбыры, ${'ә'.repeat(1 + (sequence % 50))}`
          try {
            const result = await post('appeals.create', {
              receivedAt: '2026-11-20T10:00',
              channel: 'reception',
              appealType: 'application',
              sectorId: 2,
              applicant: { kind: 'individual', surname: 'Жұмабеков', firstName: 'Қайрат' },
              summary,
            })
            if (result.ok) {
              acknowledged.set(result.data.regNumber, summary)
              roundAcknowledged += 1
            }
          } catch {
            return // the connection died with the process: that save was never acknowledged
          }
        }
      })()
      const writing = Date.now()
      while (roundAcknowledged < ACKNOWLEDGED_PER_ROUND) {
        if (Date.now() - writing > 30_000) {
          killed = true
          child.kill('SIGKILL')
          throw new Error(`round ${round}: ${roundAcknowledged} saves acknowledged in 30 s`)
        }
        await new Promise((r) => setTimeout(r, 20))
      }
      await new Promise((r) => setTimeout(r, Math.random() * 600))
      killed = true
      child.kill('SIGKILL')
      await exited
      await writer

      const db = new Database(join(dataDir, 'akimat.sqlite'))
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(db.pragma('foreign_key_check')).toEqual([])
        const rows = db.prepare('SELECT reg_number, summary FROM appeals').all() as {
          reg_number: string
          summary: string
        }[]
        const stored = new Map(rows.map((r) => [r.reg_number, r.summary]))
        for (const [regNumber, summary] of acknowledged) expect(stored.get(regNumber), regNumber).toBe(summary)
        // and each appeal has its audit entry (written in the same transaction)
        const audited = db
          .prepare("SELECT COUNT(DISTINCT entity_id) AS n FROM audit_entries WHERE entity = 'appeal'")
          .get() as { n: number }
        expect(audited.n).toBe(rows.length)
      } finally {
        db.close()
      }
    }
    // A kill between a commit and the head written after it is a crash, not tampering: the
    // history verifies whole, and no start found anything to write into it.
    const { child, origin, token, session } = await startServer()
    try {
      const response = await fetch(`${origin}/api/audit.verify`, {
        method: 'POST',
        headers: { 'X-Akimat-Token': token, Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
        body: '{}',
      })
      const verified = (await response.json()) as { ok: boolean; data: AuditVerification }
      expect(verified.data).toMatchObject({ firstBroken: null, findings: [], unverifiable: [], head: { state: 'ok' } })
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }, 180_000)
})
