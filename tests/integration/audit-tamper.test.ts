import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import type { AuditVerification } from '@shared/api/contract'
import type { Core } from '../../src/main/core'
import { GENESIS_HASH, auditHash } from '../../src/main/services/auditHash'
import { HeadStore } from '../../src/main/services/auditHead'
import { AUDIT_KEY_FILE, type AuditKeyProvider } from '../../src/main/services/auditKey'
import { ADMIN } from '../helpers/context'
import { useCleanup } from '../helpers/cleanup'
import { startTestCore, testKeyDir } from '../helpers/core'

/**
 * Someone with the database file and a SQLite tool, but not the key kept outside it, changes
 * the history behind the program's back; "Verify history" must say what was done. Real SQLite
 * files, closed and opened again as the office would; each start writes what it finds wrong
 * into the history, so the report survives the head moving on.
 */
const cleanup = useCleanup()

interface Entry {
  id: number
  at: string
  operator: string | null
  entity: string
  entity_id: string
  action: string
  field: string | null
  old_value: string | null
  new_value: string | null
  hash: string
}

async function open(file: string, log = vi.fn()): Promise<Core> {
  const core = await startTestCore(file, { log })
  cleanup.defer(() => (core.database.dataSource.isInitialized ? core.close() : undefined))
  return core
}

async function call<T>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(method, input, ADMIN)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.data as T
}

const verify = (core: Core) => call<AuditVerification>(core, 'audit.verify')

/** A sector created and renamed `renames` times: 1 + renames × 3 entries (one per language). */
async function writeSome(core: Core, code: string, renames = 1): Promise<void> {
  const sector = await call<{ id: number }>(core, 'sectors.create', {
    code,
    nameKk: `${code} kk`,
    nameRu: `${code} ru`,
    nameEn: `${code} en`,
  })
  for (let i = 1; i <= renames; i++) {
    await call(core, 'sectors.update', {
      id: sector.id,
      nameKk: `${code} kk ${i}`,
      nameRu: `${code} ru ${i}`,
      nameEn: `${code} en ${i}`,
      active: true,
    })
  }
}

/** Runs SQL on the closed file, with the append-only triggers dropped, as a person with a SQLite tool could. */
function tamper(file: string, work: (db: Database.Database) => void): void {
  const db = new Database(file)
  db.exec('DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_no_delete')
  work(db)
  db.close()
}

async function desk(): Promise<{ core: Core; file: string }> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const core = await open(file)
  await writeSome(core, 'culture', 2) // entries 1..7
  return { core, file }
}

describe('history tampered with behind the program', () => {
  it('names an entry edited with sqlite, even when its plain hash and every later one are recomputed', async () => {
    const { core, file } = await desk()
    await core.close()
    tamper(file, (db) => {
      db.prepare('UPDATE audit_entries SET new_value = ? WHERE id = 3').run('"Басқа атау"')
      // whoever edits can recompute a plain SHA-256 chain; without the key, not the keyed one
      const rows = db.prepare('SELECT * FROM audit_entries ORDER BY id').all() as Entry[]
      let prev = GENESIS_HASH
      for (const row of rows) {
        const hash = auditHash(prev, {
          at: row.at,
          operator: row.operator,
          entity: row.entity,
          entityId: row.entity_id,
          action: row.action,
          field: row.field,
          oldValue: row.old_value,
          newValue: row.new_value,
        })
        db.prepare('UPDATE audit_entries SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id)
        prev = hash
      }
    })
    const reopened = await open(file)
    expect(await verify(reopened)).toMatchObject({ firstBroken: { id: 1, entity: 'sector' } })

    // an edit that leaves the hashes alone is named by its own id
    await reopened.close()
    const second = await desk()
    await second.core.close()
    tamper(second.file, (db) => db.prepare('UPDATE audit_entries SET new_value = ? WHERE id = 3').run('"Басқа атау"'))
    expect(await verify(await open(second.file))).toMatchObject({ firstBroken: { id: 3 } })
  })

  it('reports the newest entries deleted: the head says 7, the database ends at 5', async () => {
    const { core, file } = await desk()
    await core.close()
    tamper(file, (db) => db.prepare('DELETE FROM audit_entries WHERE id > 5').run())
    const log = vi.fn()
    const reopened = await open(file, log)
    const report = await verify(reopened)
    expect(report.firstBroken).toBeNull() // what is left is whole: only the head knows
    expect(report.findings).toEqual([
      { id: expect.any(Number), at: expect.any(String), kind: 'tailRemoved', headId: 7, lastId: 5 },
    ])
    expect(log).toHaveBeenCalledWith(expect.stringContaining('tailRemoved'), null)
    // later writes go on, and the finding stays in the report
    await writeSome(reopened, 'tourism', 0)
    expect(await verify(reopened)).toMatchObject({ head: { state: 'ok' }, findings: [{ kind: 'tailRemoved' }] })
  })

  it('reports entries cut off while the program runs, before any start writes it down', async () => {
    const { core, file } = await desk()
    tamper(file, (db) => db.prepare('DELETE FROM audit_entries WHERE id > 6').run())
    expect(await verify(core)).toMatchObject({ head: { state: 'tailRemoved', headId: 7, lastId: 6 }, findings: [] })
  })

  it('reports the database replaced by a copy from before', async () => {
    const { core, file } = await desk()
    await core.close()
    const before = join(cleanup.tempDir(), 'before.sqlite')
    copyFileSync(file, before)
    const later = await open(file)
    await writeSome(later, 'tourism', 1) // entries 8..11
    await later.close()
    copyFileSync(before, file)
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true })
    const report = await verify(await open(file))
    expect(report.findings).toMatchObject([{ kind: 'tailRemoved', headId: 11, lastId: 7 }])
  })

  it('reports another database put in its place (the entry at the head is not the one it names)', async () => {
    const { core, file } = await desk()
    await core.close()
    const other = join(cleanup.tempDir(), 'akimat.sqlite') // another computer: its own key
    const stranger = await open(other)
    await writeSome(stranger, 'sport', 3) // 10 entries, others than ours
    await stranger.close()
    copyFileSync(other, file)
    const report = await verify(await open(file))
    expect(report.findings).toMatchObject([
      { kind: 'keyChanged', lastId: 10 },
      { kind: 'headMismatch', headId: 7, lastId: 10 },
    ])
    expect(report.unverifiable).toEqual([{ fromId: 1, toId: 10 }])
  })

  it('reports the head file replaced by an older one', async () => {
    const { core, file } = await desk()
    const head = new HeadStore(testKeyDir(file), file)
    const older = readFileSync(head.file)
    await writeSome(core, 'tourism', 1)
    await core.close()
    writeFileSync(head.file, older)
    const report = await verify(await open(file))
    expect(report.findings).toMatchObject([{ kind: 'headBehind', headId: 7, lastId: 11 }])
  })

  it('reports the head file removed', async () => {
    const { core, file } = await desk()
    await core.close()
    rmSync(new HeadStore(testKeyDir(file), file).file)
    expect((await verify(await open(file))).findings).toMatchObject([{ kind: 'headMissing', headId: null, lastId: 7 }])
  })

  it('takes a crash between the database commit and the head write for what it is, not tampering', async () => {
    const { core, file } = await desk()
    // The process dies after the commit: the head written before it (with the pending end) is
    // the last one; the one after it never happens.
    const write = HeadStore.prototype.write
    const spy = vi.spyOn(HeadStore.prototype, 'write').mockImplementation(function (this: HeadStore, last, pending) {
      if (pending) write.call(this, last, pending)
    })
    await writeSome(core, 'tourism', 0) // entry 8
    spy.mockRestore()
    const head = new HeadStore(testKeyDir(file), file).read()
    expect(head).toMatchObject({ last: { id: 7 }, pending: { id: 8 } })
    await core.close()

    const reopened = await open(file)
    expect(await verify(reopened)).toMatchObject({ firstBroken: null, findings: [], head: { state: 'ok', headId: 8 } })
    // and a crash before the commit (the head names an end the database never reached) neither
    const pendingOnly = new HeadStore(testKeyDir(file), file)
    pendingOnly.write({ id: 8, hash: head!.pending!.hash }, { id: 9, hash: 'f'.repeat(64) })
    await reopened.close()
    expect(await verify(await open(file))).toMatchObject({ findings: [], head: { state: 'ok' } })
  })

  it('starts without the key, says so, and reports what the lost key signed as unverifiable', async () => {
    const { core, file } = await desk()
    await core.close()
    const keyFile = join(testKeyDir(file), AUDIT_KEY_FILE)
    rmSync(keyFile)
    const log = vi.fn()
    const reopened = await open(file, log)
    expect(log).toHaveBeenCalledWith(expect.stringContaining('history key was missing'), null)
    expect(existsSync(keyFile)).toBe(true) // a new key signs from now on
    await writeSome(reopened, 'tourism', 0)
    const report = await verify(reopened)
    expect(report).toMatchObject({
      firstBroken: null,
      unverifiable: [{ fromId: 1, toId: 7 }],
      findings: [{ id: 8, kind: 'keyMissing', headId: null, lastId: 7 }],
      head: { state: 'ok' },
    })
    expect(report.entries).toBe(9)
  })
})

describe('two doors on one computer, each with a key of its own', () => {
  it('takes turns without either finding the other broken: each says where its key takes over', async () => {
    // The desktop made its key first (kept under safeStorage), so web mode, which cannot read
    // it, signs with its own; both keep their heads in the same folder, and run at once.
    const { core: desktop, file } = await desk() // entries 1..7
    const webKey = Buffer.alloc(32, 7)
    const webKeys: AuditKeyProvider = { dir: testKeyDir(file), load: () => webKey, create: () => webKey }
    const web = await startTestCore(file, { auditKeys: webKeys, log: vi.fn() })
    cleanup.defer(() => (web.database.dataSource.isInitialized ? web.close() : undefined))
    await writeSome(web, 'web1', 0) // its start anchored at 8, then 9
    await writeSome(desktop, 'desk1', 0) // the desktop takes over: anchor 10, then 11
    await writeSome(web, 'web2', 0) // 12, 13
    await writeSome(web, 'web3', 0) // 14: no anchor, web wrote last

    const fromDesktop = await verify(desktop)
    expect(fromDesktop).toMatchObject({ entries: 14, firstBroken: null, head: { state: 'ok', lastId: 14 } })
    expect(fromDesktop.unverifiable).toEqual([
      { fromId: 8, toId: 9 },
      { fromId: 12, toId: 14 },
    ])
    expect(fromDesktop.findings.map((f) => [f.id, f.kind])).toEqual([
      [8, 'keyChanged'],
      [10, 'keyChanged'],
      [12, 'keyChanged'],
    ])
    const fromWeb = await verify(web)
    expect(fromWeb).toMatchObject({ firstBroken: null, head: { state: 'ok' } })
    expect(fromWeb.unverifiable).toEqual([
      { fromId: 1, toId: 7 },
      { fromId: 10, toId: 11 },
    ])
  })
})
