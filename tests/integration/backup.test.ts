import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import type { Core } from '../../src/main/core'
import { useCleanup } from '../helpers/cleanup'
import { startTestCore } from '../helpers/core'
import { appealInput, WEB } from '../helpers/appeals'

/**
 * Backups through SQLite's online backup API and checked restores, on real files: a round
 * trip keeps every row, a bad or foreign file is refused with nothing changed, and a restore
 * can be undone.
 */
const cleanup = useCleanup()

async function open(dir: string, now = '2026-11-27T10:00:00', autoBackup = false): Promise<Core> {
  const core = await startTestCore(join(dir, 'akimat.sqlite'), { clock: () => new Date(now), autoBackup })
  cleanup.defer(() => (core.database.dataSource.isInitialized ? core.close() : undefined))
  return core
}

async function ok<T>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(method, input, WEB)
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

    const report = await ok<{ ok: boolean; counts: { appeals: number }; appealsFrom: string }>(core, 'backup.inspect', { file: backup.file })
    expect(report).toMatchObject({ ok: true, counts: { appeals: 2 }, appealsFrom: '2026-11-26' })

    const restored = await ok<{ restored: { counts: { appeals: number } }; aside: string }>(core, 'backup.restore', { file: backup.file })
    expect(restored.restored.counts.appeals).toBe(2)
    for (const table of TABLES) expect(await dump(core, table), table).toEqual(before[table])
    const fail = await core.dispatch('appeals.get', { id: added.id }, WEB)
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
    newer.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, ?)').run('future', '2030-01-01')
    newer.close()

    const cases: [string, string][] = [
      [garbage, 'errors.backup.unreadable'],
      [foreign, 'errors.backup.foreign'],
      [copy.file, 'errors.backup.newer'],
      [join(other, 'missing.sqlite'), 'errors.backup.missing'],
    ]
    for (const [file, key] of cases) {
      const result = await core.dispatch('backup.restore', { file }, WEB)
      expect(result.ok, file).toBe(false)
      if (!result.ok) expect(result.error.issues[0]?.messageKey, file).toBe(key)
    }
    expect((await ok<{ total: number }>(core, 'appeals.list')).total).toBe(1)
  })

  it('makes one automatic backup a day at start and prunes by the retention rule', async () => {
    const dir = cleanup.tempDir()
    const first = await open(dir, '2026-11-27T09:00:00', true)
    const status = await ok<{ backups: { kind: string }[]; stale: boolean; folder: string }>(first, 'backup.status')
    expect(status.backups.map((b) => b.kind)).toEqual(['auto'])
    expect(status.stale).toBe(false)
    await first.close()

    // Same day again: no second backup.
    const again = await open(dir, '2026-11-27T15:00:00', true)
    expect((await ok<{ backups: unknown[] }>(again, 'backup.status')).backups).toHaveLength(1)
    await again.close()

    // Forty days of starts: 7 daily + the newest of each older week/month are kept.
    for (let day = 1; day <= 40; day++) {
      const date = new Date(Date.UTC(2026, 10, 27 + day, 6))
      const core = await open(dir, date.toISOString(), true)
      await core.close()
    }
    const names = readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('akimat-auto-')).sort()
    expect(names.length).toBeGreaterThanOrEqual(7)
    expect(names.length).toBeLessThanOrEqual(7 + 4 + 12)
    expect(names.at(-1)).toContain('2027-01-06')
  })

  it('warns when the last backup is more than a week old', async () => {
    const dir = cleanup.tempDir()
    const core = await open(dir, '2026-11-27T09:00:00', true)
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
    await migrate(old, MIGRATIONS.slice(0, LATEST_SCHEMA_VERSION - 1))
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
    expect(copy.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: LATEST_SCHEMA_VERSION - 1 })
    expect(copy.prepare('SELECT summary FROM appeals').all()).toEqual([{ summary: 'Көшіру алдындағы өтініш' }])
    copy.close()
  })
})
