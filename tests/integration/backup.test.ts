import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { rawConnection } from '../../src/main/backup/databaseFile'
import { migrate } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import type { Core, CoreOptions } from '../../src/main/core'
import { TOKEN_HEADER } from '../../src/main/http/server'
import { doorOf, serveCore } from '../../src/main/http/webMode'
import { useCleanup } from '../helpers/cleanup'
import { startTestCore } from '../helpers/core'
import { appealInput } from '../helpers/appeals'
import { ADMIN } from '../helpers/context'

/**
 * Backups through SQLite's online backup API and checked restores, on real files: a round
 * trip keeps every row, a bad or foreign file is refused with nothing changed, and a restore
 * can be undone.
 */
const cleanup = useCleanup()

async function open(
  dir: string,
  now = '2026-11-27T10:00:00',
  autoBackup = false,
  extra: Partial<CoreOptions> = {},
): Promise<Core> {
  const core = await startTestCore(join(dir, 'akimat.sqlite'), { clock: () => new Date(now), autoBackup, ...extra })
  cleanup.defer(() => (core.database.dataSource.isInitialized ? core.close() : undefined))
  return core
}

/** Opened as the entries open it, with the daily backup (in the background there) awaited. */
async function openForTheDay(dir: string, now: string): Promise<Core> {
  const core = await open(dir, now, true)
  await core.startDailyBackup()
  return core
}

const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : [])

/** Turns of the event loop: what a held backup is given to (wrongly) move on in. */
async function turns(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve))
}

/** Turns of the event loop until `done()` (file checks of the backup take a few). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; !done(); i++) {
    if (i > 100_000) throw new Error('never happened')
    await turns(1)
  }
}

/**
 * A backup pace the test holds: after `hold()`, the next copy starts (the promise resolves)
 * but copies nothing until `release()`. SQLite's online backup goes on in steps meanwhile,
 * each copying 0 pages.
 */
function heldPace(): { pace: NonNullable<CoreOptions['backupPace']>; hold(): Promise<void>; release(): void } {
  let held = false
  let started = () => {}
  return {
    pace: () => {
      started()
      return held ? 0 : 100
    },
    hold: () => {
      held = true
      return new Promise<void>((resolve) => (started = resolve))
    },
    release: () => (held = false),
  }
}

async function ok<T>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(method, input, ADMIN)
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.data as T
}

const dump = (core: Core, table: string) => core.database.dataSource.query(`SELECT * FROM ${table} ORDER BY 1`)
const TABLES = ['sectors', 'appeals', 'audit_entries', 'settings', 'staff', 'appeal_counters']

async function register(core: Core, summary: string): Promise<{ id: number; regNumber: string }> {
  const sectors = await ok<{ id: number }[]>(core, 'sectors.list')
  return ok(core, 'appeals.create', appealInput(sectors[1]!.id, { summary, receivedAt: '2026-11-26T10:00' }))
}

describe('backups', () => {
  it('round trip: back up, change, restore — every row equal to the backup; undo brings the change back', async () => {
    const dir = cleanup.tempDir()
    const core = await open(dir)
    await register(core, 'Су құбыры')
    await register(core, 'Жол жөндеу')
    const usb = cleanup.tempDir('usb-')
    const backup = await ok<{ file: string; kind: string }>(core, 'backup.create', { folder: usb })
    expect(backup.kind).toBe('manual')
    expect(backup.file.startsWith(usb)).toBe(true)
    const before = Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await dump(core, t)])))

    const added = await register(core, 'Көше жарығы')

    const report = await ok<{ ok: boolean; counts: { appeals: number }; appealsFrom: string }>(core, 'backup.inspect', {
      file: backup.file,
    })
    expect(report).toMatchObject({ ok: true, counts: { appeals: 2 }, appealsFrom: '2026-11-26' })

    const restored = await ok<{ restored: { counts: { appeals: number } }; aside: string }>(core, 'backup.restore', {
      file: backup.file,
    })
    expect(restored.restored.counts.appeals).toBe(2)
    for (const table of TABLES) {
      const rows = await dump(core, table)
      if (table !== 'audit_entries') expect(rows, table).toEqual(before[table])
      else {
        // the restored history goes on with the restore itself (tests/integration/audit-entries.test.ts)
        expect(rows.slice(0, -1), table).toEqual(before[table])
        expect(rows.at(-1)).toMatchObject({ entity: 'database', action: 'restore' })
      }
    }
    const fail = await core.dispatch('appeals.get', { id: added.id }, ADMIN)
    expect(fail.ok).toBe(false)

    // The API still works on the restored file, and the search index came along.
    const found = await ok<{ total: number }>(core, 'appeals.list', { query: 'жол' })
    expect(found.total).toBe(1)

    await ok(core, 'backup.undoRestore')
    expect((await ok<{ regNumber: string }>(core, 'appeals.get', { id: added.id })).regNumber).toBe(added.regNumber)
    expect((await ok<{ undoAvailable: boolean }>(core, 'backup.status')).undoAvailable).toBe(false)
  })

  it('refuses a damaged file, a foreign SQLite file and a newer one, changing nothing', async () => {
    const dir = cleanup.tempDir()
    const core = await open(dir)
    await register(core, 'Бар өтініш')
    const other = cleanup.tempDir('other-')

    const garbage = join(other, 'garbage.sqlite')
    writeFileSync(garbage, 'SQLite format 3\u0000' + 'x'.repeat(5000))
    const foreign = join(other, 'foreign.sqlite')
    const f = new Database(foreign)
    f.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)')
    f.close()
    const usb = cleanup.tempDir('usb-')
    const copy = await ok<{ file: string }>(core, 'backup.create', { folder: usb })
    const newer = new Database(copy.file)
    newer
      .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, ?)')
      .run('future', '2030-01-01')
    newer.close()

    const cases: [string, string][] = [
      [garbage, 'errors.backup.unreadable'],
      [foreign, 'errors.backup.foreign'],
      [copy.file, 'errors.backup.newer'],
      [join(other, 'missing.sqlite'), 'errors.backup.missing'],
    ]
    for (const [file, key] of cases) {
      const result = await core.dispatch('backup.restore', { file }, ADMIN)
      expect(result.ok, file).toBe(false)
      if (!result.ok) expect(result.error.issues[0]?.messageKey, file).toBe(key)
    }
    expect((await ok<{ total: number }>(core, 'appeals.list')).total).toBe(1)
  })

  it('makes one automatic backup a day at start and prunes by the retention rule', async () => {
    const dir = cleanup.tempDir()
    const first = await openForTheDay(dir, '2026-11-27T09:00:00')
    const status = await ok<{ backups: { kind: string }[]; stale: boolean; folder: string }>(first, 'backup.status')
    expect(status.backups.map((b) => b.kind)).toEqual(['auto'])
    expect(status.stale).toBe(false)
    await first.close()

    // Same day again: no second backup.
    const again = await openForTheDay(dir, '2026-11-27T15:00:00')
    expect(await again.startDailyBackup()).toBeNull()
    expect((await ok<{ backups: unknown[] }>(again, 'backup.status')).backups).toHaveLength(1)
    await again.close()

    // Forty days of starts: 7 daily + the newest of each older week/month are kept.
    for (let day = 1; day <= 40; day++) {
      const date = new Date(Date.UTC(2026, 10, 27 + day, 6))
      const core = await openForTheDay(dir, date.toISOString())
      await core.close()
    }
    const names = readdirSync(join(dir, 'backups'))
      .filter((n) => n.startsWith('akimat-auto-'))
      .sort()
    expect(names.length).toBeGreaterThanOrEqual(7)
    expect(names.length).toBeLessThanOrEqual(7 + 4 + 12)
    expect(names.at(-1)).toContain('2027-01-06')
  }, 20_000) // 42 starts, each opening the database and its history chain

  it('warns when the last backup is more than a week old', async () => {
    const dir = cleanup.tempDir()
    const core = await openForTheDay(dir, '2026-11-27T09:00:00')
    await core.close()
    const later = await open(dir, '2026-12-10T09:00:00')
    expect((await ok<{ stale: boolean }>(later, 'backup.status')).stale).toBe(true)
  })

  it('backs up a database holding rows before migrating it, and the upgrade keeps the rows', async () => {
    const dir = cleanup.tempDir()
    const file = join(dir, 'akimat.sqlite')
    // A database written by the version before the last migration, holding an appeal.
    const old = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
    await old.initialize()
    await migrate(old, MIGRATIONS.slice(0, -1))
    await old.query(
      `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, applicant_kind,
        summary, status, due_on, created_at, updated_at)
       VALUES ('u-1', '2026-000001', '2026-11-26T10:00', '2026-11-26', 'reception', 'application', 1, 'anonymous',
        'Көшіру алдындағы өтініш', 'registered', '2026-12-17', '2026-11-26T05:00:00Z', '2026-11-26T05:00:00Z')`,
    )
    await old.destroy()

    const core = await open(dir, '2026-11-27T10:00:00', true)
    expect(core.database.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect((await ok<{ total: number }>(core, 'appeals.list')).total).toBe(1)

    const backups = readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('akimat-pre-migration-'))
    expect(backups).toHaveLength(1)
    const copy = new Database(join(dir, 'backups', backups[0]!), { readonly: true })
    expect(copy.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({
      v: MIGRATIONS.at(-2)!.version,
    })
    expect(copy.prepare('SELECT summary FROM appeals').all()).toEqual([{ summary: 'Көшіру алдындағы өтініш' }])
    copy.close()
  })
})

describe('the daily backup, in the background', () => {
  const TOKEN = 'test-token'

  /** A database holding rows, opened for the first time today with the copy held half-way. */
  async function heldDay(extra: Partial<CoreOptions> = {}) {
    const dir = cleanup.tempDir()
    const setup = await open(dir)
    for (const summary of ['Су құбыры', 'Жол жөндеу', 'Көше жарығы']) await register(setup, summary)
    await setup.close()
    const held = heldPace()
    const logged: string[] = []
    const core = await open(dir, '2026-11-27T10:00:00', true, {
      backupPace: held.pace,
      log: (message) => logged.push(message),
      ...extra,
    })
    return { dir, backups: join(dir, 'backups'), core, held, copying: held.hold(), logged }
  }

  it('web mode answers its first call while the daily backup is still copying; the backup appears when it ends', async () => {
    const { dir, backups, core, held, copying, logged } = await heldDay()
    const account = { username: 'asem', fullName: 'Жұмағалиева Әсем', password: 'kunde-bir-kez', role: 'clerk' }
    expect((await core.dispatch('users.create', { ...account, staffId: null }, ADMIN)).ok).toBe(true)
    const events: string[] = []
    const { server, dailyBackup } = await serveCore(doorOf(core), {
      staticDir: join(dir, 'renderer'),
      port: 0,
      token: TOKEN,
    })
    cleanup.defer(() => server.close())
    void dailyBackup.then(() => events.push('backup written'))
    await copying // the copy is under way

    let session = ''
    const call = async (method: string, input: unknown = {}) => {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: TOKEN, Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      })
      return (await response.json()) as { ok: boolean; data: unknown }
    }
    // Signing in and the first answers come while the copy is under way.
    const signedIn = await call('auth.login', { username: account.username, password: account.password })
    session = (signedIn.data as { session: string }).session
    expect((await call('app.info')).ok).toBe(true)
    events.push('first answer')
    expect(await call('appeals.list')).toMatchObject({ ok: true, data: { total: 3 } })
    // A write during the copy goes into it too (same connection: SQLite updates the copy).
    const sectors = (await call('sectors.list')).data as { id: number }[]
    expect(
      (
        await call(
          'appeals.create',
          appealInput(sectors[1]!.id, { summary: 'Аула жарығы', receivedAt: '2026-11-26T11:00' }),
        )
      ).ok,
    ).toBe(true)

    // Still copying: only the partial file, which is never listed as a backup.
    expect(events).toEqual(['first answer'])
    expect(files(backups)).toContain('akimat-auto-2026-11-27T10-00-00Z.sqlite.partial')
    expect(files(backups).every((name) => /\.sqlite\.partial(-journal)?$/.test(name))).toBe(true)
    expect((await ok<{ backups: unknown[] }>(core, 'backup.status')).backups).toEqual([])

    held.release()
    const made = await dailyBackup
    expect(events).toEqual(['first answer', 'backup written'])
    expect(made).toMatchObject({ kind: 'auto' })
    expect(files(backups)).toEqual([expect.stringMatching(/^akimat-auto-2026-11-27T.*Z\.sqlite$/)])
    const report = await ok<{ ok: boolean; counts: { appeals: number } }>(core, 'backup.inspect', { file: made!.file })
    expect(report).toMatchObject({ ok: true, counts: { appeals: 4 } })
    expect((await ok<{ backups: { kind: string }[] }>(core, 'backup.status')).backups.map((b) => b.kind)).toEqual([
      'auto',
    ])
    expect(await core.startDailyBackup()).toBe(made) // once per start
    expect(logged).toEqual([])
  })

  it('a restore and a "back up now" asked meanwhile wait for it instead of running alongside', async () => {
    const { backups, core, held, copying } = await heldDay()
    held.release()
    const usb = cleanup.tempDir('usb-')
    const earlier = await ok<{ file: string }>(core, 'backup.create', { folder: usb }) // before the daily one starts
    await register(core, 'Кейінгі өтініш')

    const events: string[] = []
    const after =
      (name: string) =>
      <T>(value: T) => (events.push(name), value)
    await copying // (by the copy just made)
    const dailyCopying = held.hold()
    const daily = core.startDailyBackup().then(after('daily'))
    await dailyCopying
    const restore = ok<{ restored: { counts: { appeals: number } } }>(core, 'backup.restore', {
      file: earlier.file,
    }).then(after('restore'))
    const manual = ok<{ file: string }>(core, 'backup.create', { folder: usb }).then(after('manual'))
    await turns()
    // Neither has started: no copy aside for the restore, no second file on the USB drive.
    expect(events).toEqual([])
    expect(files(backups).filter((name) => !name.startsWith('akimat-auto-'))).toEqual([])
    expect(files(usb)).toEqual([earlier.file.slice(usb.length + 1)])

    held.release()
    const [made, restored] = await Promise.all([daily, restore, manual])
    expect(events).toEqual(['daily', 'restore', 'manual'])
    expect(restored.restored.counts.appeals).toBe(3)
    // The daily backup holds the appeal registered after the earlier copy: it was whole.
    expect(
      (await ok<{ counts: { appeals: number } }>(core, 'backup.inspect', { file: made!.file })).counts.appeals,
    ).toBe(4)
  })

  // An import commit holds a write transaction open across turns of the event loop, in which
  // the background backup takes its steps.
  it('never ends inside a write transaction still open, so it holds no uncommitted rows', async () => {
    const dir = cleanup.tempDir()
    const connection: { raw?: Database.Database } = {}
    let opened = false
    // Mid-copy, the pace opens a write transaction and asks for every page at the next step,
    // which would end the copy inside it. (SQLite refuses such steps: SQLITE_BUSY.)
    const core = await open(dir, '2026-11-27T10:00:00', true, {
      backupPace: () => {
        if (connection.raw && !opened) {
          opened = true
          connection.raw.exec(
            `BEGIN; INSERT INTO settings (key, value, updated_at) VALUES ('uncommitted', '1', '2026-11-27T05:00:00Z')`,
          )
        }
        return 1_000_000
      },
    })
    const raw = (connection.raw = rawConnection(core.database.dataSource))
    const settingsBefore = raw.prepare('SELECT COUNT(*) FROM settings').pluck().get()
    let written = false
    const daily = core.startDailyBackup().then((made) => ((written = true), made))
    await until(() => opened)
    await turns()
    expect(written).toBe(false) // waiting for the transaction to end
    raw.exec('ROLLBACK')

    const made = await daily
    const copy = new Database(made!.file, { readonly: true })
    expect(copy.prepare('SELECT COUNT(*) FROM settings').pluck().get()).toBe(settingsBefore)
    expect(copy.prepare(`SELECT COUNT(*) FROM settings WHERE key = 'uncommitted'`).pluck().get()).toBe(0)
    copy.close()
  })

  it('started inside a write transaction, waits for it instead of ending with nothing copied', async () => {
    const dir = cleanup.tempDir()
    const core = await open(dir, '2026-11-27T10:00:00', true)
    const raw = rawConnection(core.database.dataSource)
    // better-sqlite3 answers a copy whose first step is refused (SQLITE_BUSY) as finished.
    let attempts = 0
    const backup = raw.backup.bind(raw)
    raw.backup = (...args: Parameters<typeof raw.backup>) => (attempts++, backup(...args))
    raw.exec(`BEGIN; INSERT INTO settings (key, value, updated_at) VALUES ('uncommitted', '1', '2026-11-27T05:00:00Z')`)
    let written = false
    const daily = core.startDailyBackup().then((made) => ((written = true), made))
    await until(() => attempts >= 2 || written)
    expect(written).toBe(false)
    raw.exec('ROLLBACK')

    const made = await daily
    const report = await ok<{ ok: boolean; counts: { sectors: number } }>(core, 'backup.inspect', { file: made!.file })
    expect(report.ok).toBe(true)
    expect(report.counts.sectors).toBeGreaterThan(0)
  })

  it("closing abandons a copy under way, leaving no partial file; the next start makes the day's backup", async () => {
    const { dir, backups, core, copying, logged } = await heldDay()
    const daily = core.startDailyBackup()
    await copying
    await core.close()
    expect(await daily).toBeNull()
    expect(logged).toEqual(['The daily backup was not made; the next start tries again'])
    expect(files(backups)).toEqual([])

    const next = await openForTheDay(dir, '2026-11-27T11:00:00')
    expect((await ok<{ backups: { kind: string }[] }>(next, 'backup.status')).backups.map((b) => b.kind)).toEqual([
      'auto',
    ])
  })

  it('a failed daily backup is logged and the app goes on', async () => {
    const dir = cleanup.tempDir()
    const notAFolder = join(dir, 'backups-is-a-file')
    writeFileSync(notAFolder, '')
    const logged: { message: string; error: unknown }[] = []
    const core = await open(dir, '2026-11-27T10:00:00', true, {
      backupsDir: notAFolder,
      log: (message, error) => logged.push({ message, error }),
    })
    expect(await core.startDailyBackup()).toBeNull()
    expect(logged).toHaveLength(1)
    expect(logged[0]!.error).toBeInstanceOf(Error)
    expect((await ok<{ total: number }>(core, 'appeals.list')).total).toBe(0)
  })
})
