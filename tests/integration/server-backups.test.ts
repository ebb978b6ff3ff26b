import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BackupInfo } from '@shared/api/contract'
import { startCore, type Core } from '../../src/main/core'
import { inspectDatabaseFile } from '../../src/main/backup/databaseFile'
import { backupsToKeep } from '../../src/main/backup/retention'
import { postgresDataSource } from '../../src/main/db/postgres'
import { withoutPassword } from '../../src/main/db/postgresUrl'
import { checksumsOf } from '../../src/main/db/transfer/copy'
import { runMove } from '../../src/main/cliMove'
import { fileKeyProvider } from '../../src/main/services/auditKey'
import { ADMIN, asRole } from '../helpers/context'
import { testCoreOptions } from '../helpers/core'
import { postgresDatabase } from '../helpers/engines'

/**
 * Backups on the office server (PostgreSQL): "back up now" and the daily backup write an
 * ordinary SQLite backup file through the table copier, equal table by table to the server's
 * database; the PC's retention rule prunes the daily ones; such a file (plain or encrypted)
 * restored into an empty PostgreSQL database gives back the same tables; only an administrator
 * backs up, and the app's own restore is refused there.
 */
let now = new Date('2026-11-27T10:00:00')
let core: Core
let url: string
let dir: string
const keyDir = () => join(dir, 'history-key')

async function serverCore(postgresUrl: string, backupsDir: string, dailyBackupCheckMs?: number): Promise<Core> {
  return startCore({
    ...testCoreOptions(withoutPassword(postgresUrl), {
      clock: () => now,
      postgresUrl,
      backupsDir,
      autoBackup: true,
      dailyBackupCheckMs,
    }),
    auditKeys: fileKeyProvider(keyDir()),
  })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'akimat-server-backups-'))
  url = await postgresDatabase()
  core = await serverCore(url, join(dir, 'backups'))
  expect(await core.dispatch('sample.load', {}, ADMIN)).toMatchObject({ ok: true })
}, 300_000)
afterAll(() => core?.close())

async function sums(postgresUrlOrFile: string) {
  const db = postgresUrlOrFile.startsWith('postgres')
    ? postgresDataSource(postgresUrlOrFile)
    : new DataSource({ type: 'better-sqlite3', database: postgresUrlOrFile, readonly: true })
  await db.initialize()
  try {
    return await checksumsOf(db.manager)
  } finally {
    await db.destroy()
  }
}

describe('backups on the office server', () => {
  it('back up now writes a backup file equal to the database, which restores into an empty database', async () => {
    const made = await core.dispatch('backup.create', { folder: null, passphrase: null }, ADMIN)
    expect(made.ok).toBe(true)
    const backup = (made as { data: BackupInfo }).data
    expect(backup.file).toMatch(/backups\/akimat-manual-2026-11-27T\d\d-00-00Z\.sqlite$/)
    expect(inspectDatabaseFile(backup.file)).toMatchObject({ ok: true, counts: { appeals: 681, meetings: 22 } })

    const original = await sums(url)
    expect(original.get('appeals')!.rows).toBe(681)
    expect(await sums(backup.file)).toEqual(original)

    const restored = await postgresDatabase()
    expect(await runMove({ sourceFile: backup.file, postgresUrl: restored, keyDir: keyDir() }, () => 1)).toBe(0)
    expect(await sums(restored)).toEqual(original)
  })

  it('an encrypted copy leaving the backups folder restores with its passphrase only', async () => {
    const passphrase = 'server-kupiya-soz'
    expect(await core.dispatch('backup.setPassphrase', { current: null, passphrase }, ADMIN)).toMatchObject({
      ok: true,
    })
    const usb = mkdtempSync(join(tmpdir(), 'akimat-usb-'))
    const made = await core.dispatch('backup.create', { folder: usb, passphrase }, ADMIN)
    expect(made).toMatchObject({ ok: true })
    const file = (made as { data: BackupInfo }).data.file
    expect(file).toMatch(/\.sqlite\.enc$/)
    const original = await sums(url)

    const wrong = await postgresDatabase()
    const refusals: string[] = []
    const refused = (error: { messageKey: string }) => (refusals.push(error.messageKey), 1)
    expect(
      await runMove({ sourceFile: file, postgresUrl: wrong, keyDir: keyDir(), passphrase: 'not-the-one-x' }, refused),
    ).toBe(1)
    expect(refusals).toHaveLength(1)
    expect(await sums(wrong)).toEqual(new Map())

    const restored = await postgresDatabase()
    expect(await runMove({ sourceFile: file, postgresUrl: restored, keyDir: keyDir(), passphrase }, refused)).toBe(0)
    expect(await sums(restored)).toEqual(original)
  })

  it('the daily backups are pruned by the same retention rule as on a PC', async () => {
    const backupsDir = join(dir, 'daily')
    const small = await serverCore(await postgresDatabase(), backupsDir)
    try {
      const made: BackupInfo[] = []
      for (let day = 0; day < 24; day += 1) {
        now = new Date(Date.UTC(2026, 9, 1 + day, 6, 0, 0))
        const backup = await small.services.backup.autoDaily()
        expect(backup).not.toBeNull()
        made.push(backup!)
        expect(await small.services.backup.autoDaily()).toBeNull() // one a day
      }
      const kept = [...backupsToKeep(made.map((b) => ({ ...b, name: b.file })))].map((b) => b.file.split('/').pop())
      expect(kept.length).toBeLessThan(made.length)
      expect(readdirSync(backupsDir).sort()).toEqual(kept.sort())
    } finally {
      now = new Date('2026-11-27T10:00:00')
      await small.close()
    }
  })

  it('a server running for days makes the backup of each new day without a new start', async () => {
    const backupsDir = join(dir, 'running')
    now = new Date('2026-12-01T08:00:00')
    const server = await serverCore(await postgresDatabase(), backupsDir, 100)
    try {
      expect(await server.startDailyBackup()).not.toBeNull()
      now = new Date('2026-12-02T08:00:00')
      await expect
        .poll(
          () =>
            readdirSync(backupsDir)
              .filter((f) => f.startsWith('akimat-auto-'))
              .sort(),
          { timeout: 20_000 },
        )
        .toEqual([expect.stringContaining('2026-12-01'), expect.stringContaining('2026-12-02')])
    } finally {
      await server.close()
      now = new Date('2026-11-27T10:00:00')
    }
  })

  it('only an administrator backs up; the app does not restore over the server database', async () => {
    expect(await core.dispatch('backup.create', { folder: null, passphrase: null }, asRole('clerk'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    const restore = await core.dispatch('backup.restore', { file: join(dir, 'x.sqlite'), passphrase: null }, ADMIN)
    expect(restore).toMatchObject({ ok: false, error: { messageKey: 'errors.backup.onServer' } })
    expect(await core.dispatch('backup.undoRestore', {}, ADMIN)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.backup.onServer' },
    })
  })
})
