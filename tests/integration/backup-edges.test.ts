import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core'
import { copyIncoming, incomingFileOf } from '../../src/main/backup/incomingFile'
import { useCleanup } from '../helpers/cleanup'
import { startTestCore } from '../helpers/core'
import { appealInput } from '../helpers/appeals'
import { ADMIN } from '../helpers/context'

/**
 * The edges of backups and restores: files that look like ours but are not, folders that
 * refuse the copy, and a restore cut off half-way. Each is a refusal by field with nothing
 * changed, or a start with either the old or the restored data, whole.
 */
const cleanup = useCleanup()

async function open(dir: string): Promise<Core> {
  const core = await startTestCore(join(dir, 'akimat.sqlite'), { clock: () => new Date('2026-11-27T10:00:00') })
  cleanup.defer(() => (core.database.dataSource.isInitialized ? core.close() : undefined))
  return core
}

async function ok<T>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(method, input, ADMIN)
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.data as T
}

async function register(core: Core, summary: string): Promise<void> {
  const sectors = await ok<{ id: number }[]>(core, 'sectors.list')
  await ok(core, 'appeals.create', appealInput(sectors[1]!.id, { summary, receivedAt: '2026-11-26T10:00' }))
}

const summaries = async (core: Core) =>
  ((await core.database.dataSource.query('SELECT summary FROM appeals ORDER BY id')) as { summary: string }[]).map(
    (r) => r.summary,
  )

/** The refusal's first field issue, or a failure when the call went through. */
async function refusal(core: Core, method: string, input: unknown): Promise<{ code: string; key: string }> {
  const result = await core.dispatch(method, input, ADMIN)
  if (result.ok) throw new Error(`${method} went through`)
  return { code: result.error.code, key: result.error.issues[0]?.messageKey ?? result.error.messageKey }
}

describe('backup files that are not ours', () => {
  it('refuses a look-alike holding the checked tables by name only, on inspect and restore, changing nothing', async () => {
    const dir = cleanup.tempDir()
    const core = await open(dir)
    await register(core, 'Бар өтініш')
    const lookAlike = join(cleanup.tempDir('other-'), 'look-alike.sqlite')
    const db = new Database(lookAlike)
    for (const table of ['schema_migrations', 'sectors', 'localities', 'report_meetings', 'appeals', 'settings']) {
      db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY)`)
    }
    db.exec('CREATE TABLE audit_entries (id INTEGER PRIMARY KEY, at TEXT)')
    db.close()

    expect(await ok(core, 'backup.inspect', { file: lookAlike })).toMatchObject({ ok: false, problem: 'foreign' })
    expect(await refusal(core, 'backup.restore', { file: lookAlike })).toEqual({
      code: 'validation',
      key: 'errors.backup.foreign',
    })
    expect(await summaries(core)).toEqual(['Бар өтініш'])
  })

  it.each([
    ['user_version = 99', 'PRAGMA user_version = 99'],
    ["another program's application_id", 'PRAGMA application_id = 1234'],
  ])('refuses a real backup marked by something else (%s)', async (_, mark) => {
    const dir = cleanup.tempDir()
    const core = await open(dir)
    await register(core, 'Бар өтініш')
    const copy = await ok<{ file: string }>(core, 'backup.create', { folder: cleanup.tempDir('usb-') })
    expect(await ok(core, 'backup.inspect', { file: copy.file })).toMatchObject({ ok: true })
    const marked = new Database(copy.file)
    marked.exec(mark)
    marked.close()

    expect(await ok(core, 'backup.inspect', { file: copy.file })).toMatchObject({ ok: false, problem: 'foreign' })
    expect((await refusal(core, 'backup.restore', { file: copy.file })).key).toBe('errors.backup.foreign')
  })
})

describe('backup into a folder that refuses it', () => {
  it.skipIf(process.platform !== 'linux')(
    'answers a refusal naming the folder, not an internal error, and leaves nothing behind',
    async () => {
      const core = await open(cleanup.tempDir())
      // /proc is a folder that exists and takes no new files, even for root.
      expect(await refusal(core, 'backup.create', { folder: '/proc' })).toEqual({
        code: 'validation',
        key: 'validation.folderNotWritable',
      })
      expect((await ok<{ backups: unknown[] }>(core, 'backup.status')).backups).toEqual([])
    },
  )
})

describe('a restore cut off half-way', () => {
  it('copied but not yet swapped in: the next start has the old data, whole, and the copy is gone', async () => {
    const dir = cleanup.tempDir()
    const core = await open(dir)
    await register(core, 'Бастапқы')
    const backup = await ok<{ file: string }>(core, 'backup.create', { folder: cleanup.tempDir('usb-') })
    await register(core, 'Кейінгі')
    const live = core.database.file
    // What a kill between the copy and the rename leaves: the live file untouched, a copy beside it.
    copyIncoming(backup.file, live)
    await core.close()
    expect(existsSync(incomingFileOf(live))).toBe(true)

    const again = await open(dir)
    expect(await summaries(again)).toEqual(['Бастапқы', 'Кейінгі'])
    expect(existsSync(incomingFileOf(live))).toBe(false)
    expect(await again.database.dataSource.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
  })

  it('a copy left by an earlier cut-off restore does not stand in the way of the next one', async () => {
    const dir = cleanup.tempDir()
    const core = await open(dir)
    await register(core, 'Бастапқы')
    const backup = await ok<{ file: string }>(core, 'backup.create', { folder: cleanup.tempDir('usb-') })
    writeFileSync(incomingFileOf(core.database.file), 'half a copy')
    await register(core, 'Кейінгі')
    await ok(core, 'backup.restore', { file: backup.file })
    expect(await summaries(core)).toEqual(['Бастапқы'])
    expect(existsSync(incomingFileOf(core.database.file))).toBe(false)
  })
})
