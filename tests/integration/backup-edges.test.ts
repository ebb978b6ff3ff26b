import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core'
import { copyIncoming, incomingFileOf } from '../../src/main/backup/incomingFile'
import { useCleanup } from '../helpers/cleanup'
import { startTestCore } from '../helpers/core'
import { appealInput } from '../helpers/appeals'
import { ADMIN, userContext } from '../helpers/context'

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

describe('paths the desktop window may reach', () => {
  const desktop = userContext('administrator', {}, 'desktop')

  it('refuses a typed path before the disk is asked: existing or not, file or folder, the same answer', async () => {
    const dir = cleanup.tempDir()
    const core = await open(dir)
    const usb = cleanup.tempDir('usb-')
    const made = await ok<{ file: string }>(core, 'backup.create', { folder: usb })
    const answers = []
    for (const [method, input] of [
      ['backup.inspect', { file: made.file }],
      ['backup.inspect', { file: join(usb, 'no-such.sqlite') }],
      ['backup.inspect', { file: '/etc/passwd' }],
      ['backup.restore', { file: made.file }],
      ['backup.create', { folder: usb }],
      ['backup.create', { folder: '/nowhere' }],
    ] as const) {
      const result = await core.dispatch(method, input, desktop)
      answers.push(result.ok ? 'ok' : result.error.issues[0]?.messageKey)
    }
    expect(answers).toEqual(Array(6).fill('validation.pathNotChosen'))
  })

  it('reaches the backups folder, and what the dialog picked', async () => {
    const dir = cleanup.tempDir()
    const core = await open(dir)
    const own = await core.dispatch('backup.create', { folder: null }, desktop)
    expect(own.ok).toBe(true)
    const status = await ok<{ backups: { file: string }[] }>(core, 'backup.status')
    expect((await core.dispatch('backup.inspect', { file: status.backups[0]!.file }, desktop)).ok).toBe(true)

    const usb = cleanup.tempDir('usb-')
    core.services.backup.chosen.allow(usb)
    const made = await core.dispatch('backup.create', { folder: usb }, desktop)
    expect(made.ok).toBe(true)
    // A file inside a picked folder is not itself picked.
    const inside = made.ok ? (made.data as { file: string }).file : ''
    expect((await core.dispatch('backup.inspect', { file: inside }, desktop)).ok).toBe(false)
    core.services.backup.chosen.allow(inside)
    expect((await core.dispatch('backup.inspect', { file: inside }, desktop)).ok).toBe(true)
  })
})

describe("paths the office server's desks may reach", () => {
  const server = userContext('administrator', {}, 'server')

  it("refuses every path outside the server's backups folder, even one the desktop's dialog allowed", async () => {
    const core = await open(cleanup.tempDir())
    const usb = cleanup.tempDir('usb-')
    core.services.backup.chosen.allow(usb)
    const answers = []
    for (const [method, input] of [
      ['backup.inspect', { file: '/etc/passwd' }],
      ['backup.create', { folder: usb }],
      ['backup.create', { folder: '/nowhere' }],
    ] as const) {
      const result = await core.dispatch(method, input, server)
      answers.push(result.ok ? 'ok' : result.error.issues[0]?.messageKey)
    }
    expect(answers).toEqual(Array(3).fill('validation.pathOutsideServerBackups'))
  })

  it('backs up into its own backups folder and reads the copies there', async () => {
    const core = await open(cleanup.tempDir())
    const own = await core.dispatch('backup.create', { folder: null }, server)
    expect(own.ok).toBe(true)
    const status = await ok<{ backups: { file: string }[] }>(core, 'backup.status')
    expect((await core.dispatch('backup.inspect', { file: status.backups[0]!.file }, server)).ok).toBe(true)
  })
})
