import { existsSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { RecoveryResult, RecoveryStatus } from '@shared/api/contract'
import type { Core } from '../../src/main/core'
import { openOrRecover, type OpenedOrRecovering } from '../../src/main/recovery/openOrRecover'
import { DatabaseTooNewError } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations'
import { useCleanup } from '../helpers/cleanup'
import { startTestCore, testCoreOptions } from '../helpers/core'
import { appealInput } from '../helpers/appeals'
import { ADMIN } from '../helpers/context'

/**
 * Recovery mode: a database file that will not open starts the recovery API instead of a stack
 * trace; its actions put a backup (or an empty database) in place with the damaged file kept
 * aside, and the core then comes up on the same door.
 */
const cleanup = useCleanup()
const NO_SESSION = { session: null, operator: null, door: 'web' as const }

async function ok<T>(dispatch: Core['dispatch'], method: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(method, input, ADMIN)
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.data as T
}

/** A database with one appeal in a backup and a second one written after it; closed. */
async function databaseWithBackup(): Promise<{ file: string; backupName: string }> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const core = await startTestCore(file)
  const sectors = await ok<{ id: number }[]>(core.dispatch, 'sectors.list')
  const register = (summary: string) =>
    ok(core.dispatch, 'appeals.create', appealInput(sectors[1]!.id, { summary, receivedAt: '2026-11-26T10:00' }))
  await register('Көшірмедегі өтініш')
  const backup = await ok<{ file: string }>(core.dispatch, 'backup.create', { folder: null })
  await register('Көшірмеден кейінгі өтініш')
  await core.close()
  return { file, backupName: basename(backup.file) }
}

const DAMAGE: [string, RecoveryStatus['cause'][], (file: string) => void][] = [
  [
    'a malformed file (its schema page overwritten)',
    ['corrupt', 'unreadable'],
    (file) => {
      const bytes = readFileSync(file)
      bytes.fill(0x5a, 100, 4096)
      writeFileSync(file, bytes)
    },
  ],
  ['a file that is not a database', ['unreadable'], (file) => writeFileSync(file, 'not a database '.repeat(500))],
  [
    'a migration that fails',
    ['migration'],
    (file) => {
      // The latest migration runs again over its own tables and fails; the runner rolls it back.
      const db = new Database(file)
      db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(LATEST_SCHEMA_VERSION)
      db.close()
    },
  ],
]

async function recover(file: string): Promise<OpenedOrRecovering> {
  const opened = await openOrRecover(testCoreOptions(file), undefined, () => undefined)
  cleanup.defer(async () => {
    const core = opened.current()
    if (core?.database.dataSource.isInitialized) await core.close()
  })
  return opened
}

/** This process's open files under that path (Linux's /proc; elsewhere none are seen). */
function openHandlesOn(file: string): string[] {
  if (!existsSync('/proc/self/fd')) return []
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`)
      return target === file || target.startsWith(`${file}-`) ? [target] : []
    } catch {
      return []
    }
  })
}

const summaries = async (core: Core) =>
  ((await core.database.dataSource.query('SELECT summary FROM appeals ORDER BY id')) as { summary: string }[]).map(
    (r) => r.summary,
  )

describe('recovery mode', () => {
  it.each(DAMAGE)(
    '%s: enters recovery, lists the backups, restores one and keeps the damaged file aside',
    async (_, causes, damage) => {
      const { file, backupName } = await databaseWithBackup()
      damage(file)
      const damagedBytes = readFileSync(file)

      const opened = await recover(file)
      expect(opened.recovery).not.toBeNull()
      expect(opened.current()).toBeUndefined()
      // The failed start holds no handle on the file (Windows could not rename it aside otherwise).
      expect(openHandlesOn(file)).toEqual([])
      const status = await ok<RecoveryStatus>(opened.dispatch, 'recovery.status')
      expect(status.active).toBe(true)
      expect(causes).toContain(status.cause)
      expect(status.file).toBe(file)
      const listed = status.backups.find((b) => b.name === backupName)
      expect(listed).toMatchObject({ kind: 'manual', report: { ok: true, counts: { appeals: 1 } } })

      // Nothing else answers, signed in or not: the users are in the file that failed.
      const other = await opened.dispatch('appeals.list', {}, NO_SESSION)
      expect(other).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'recovery.active' } })

      const result = await ok<RecoveryResult>(opened.dispatch, 'recovery.restore', { name: backupName })
      const core = await opened.core
      expect(await summaries(core)).toEqual(['Көшірмедегі өтініш'])
      expect(result.damagedAside).toMatch(/akimat\.sqlite\.damaged-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/)
      expect(readFileSync(result.damagedAside!)).toEqual(damagedBytes)
      expect(existsSync(join(dirname(file), 'backups', backupName))).toBe(true)

      // The same door now carries the core's API, and recovery is over.
      expect(await ok(opened.dispatch, 'recovery.status')).toMatchObject({ active: false })
      expect(await opened.dispatch('recovery.restore', { name: backupName }, NO_SESSION)).toMatchObject({
        ok: false,
        error: { messageKey: 'recovery.notActive' },
      })
    },
  )

  it('reaches only the backups folder, by name: a path or an unknown name is refused with nothing moved', async () => {
    const { file } = await databaseWithBackup()
    writeFileSync(file, 'not a database '.repeat(500))
    const other = join(cleanup.tempDir('usb-'), 'akimat-manual-2026-11-27T10-00-00Z.sqlite')
    const opened = await recover(file)
    for (const name of [other, '../akimat.sqlite', 'akimat-manual-2000-01-01T00-00-00Z.sqlite']) {
      const answer = await opened.dispatch('recovery.restore', { name }, NO_SESSION)
      expect(answer.ok).toBe(false)
    }
    expect(readdirSync(dirname(file)).filter((f) => f.includes('.damaged-'))).toEqual([])
    expect(opened.current()).toBeUndefined()
  })

  it('starts with an empty database when the administrator chooses it, the damaged file kept', async () => {
    const { file } = await databaseWithBackup()
    writeFileSync(file, 'not a database '.repeat(500))
    const opened = await recover(file)
    const result = await ok<RecoveryResult>(opened.dispatch, 'recovery.startEmpty')
    const core = await opened.core
    expect(await summaries(core)).toEqual([])
    expect(readFileSync(result.damagedAside!, 'utf8')).toBe('not a database '.repeat(500))
  })

  it('a core that opened is not in recovery and refuses its actions', async () => {
    const { file, backupName } = await databaseWithBackup()
    const opened = await recover(file)
    expect(opened.recovery).toBeNull()
    expect(await ok(opened.dispatch, 'recovery.status')).toMatchObject({ active: false })
    expect(await opened.dispatch('recovery.restore', { name: backupName }, NO_SESSION)).toMatchObject({
      ok: false,
      error: { messageKey: 'recovery.notActive' },
    })
    expect(await summaries(await opened.core)).toHaveLength(2)
  })

  it('a file from a newer program is not recovery: it is refused as before, unchanged', async () => {
    const { file } = await databaseWithBackup()
    const db = new Database(file)
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01')").run()
    db.close()
    await expect(recover(file)).rejects.toBeInstanceOf(DatabaseTooNewError)
  })
})
