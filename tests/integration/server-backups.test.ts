import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { DataSource } from 'typeorm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { BackupInfo } from '@shared/api/contract'
import type { ApiError } from '@shared/api/errors'
import { LANGUAGES, translate } from '@shared/i18n'
import { startCore, type Core } from '../../src/main/core'
import { inspectDatabaseFile } from '../../src/main/backup/databaseFile'
import { backupsToKeep } from '../../src/main/backup/retention'
import { postgresDataSource } from '../../src/main/db/postgres'
import { withoutPassword } from '../../src/main/db/postgresUrl'
import { checksumsOf } from '../../src/main/db/transfer/copy'
import { runMove, type MoveArgs } from '../../src/main/cliMove'
import { BlobStore } from '../../src/main/services/attachments/blobStore'
import { fileKeyProvider } from '../../src/main/services/auditKey'
import { ADMIN, asRole } from '../helpers/context'
import { startTestCore, testCoreOptions, testKeyDir } from '../helpers/core'
import { postgresDatabase } from '../helpers/engines'
import { useFileTempDirs } from '../helpers/cleanup'
import { appealInput } from '../helpers/appeals'
import { attachScanAndLetter, blobsIn, expectFilesOpen, type AttachedFiles } from '../helpers/attachedFiles'

/**
 * Backups on the office server (PostgreSQL): "back up now" and the daily backup write an
 * ordinary SQLite backup file through the table copier, equal table by table to the server's
 * database, carrying the attachments' bytes as a PC's backup does; the PC's retention rule
 * prunes the daily ones; such a file (plain or encrypted), or a PC's, restored into an empty
 * PostgreSQL database gives back the same tables and puts the files into the server's
 * attachments folder; one altered byte of a file refuses the restore with nothing written; only
 * an administrator backs up, and the app's own restore is refused there.
 */
let now = new Date('2026-11-27T10:00:00')
let core: Core
let url: string
const tempDir = useFileTempDirs()
let dir: string
let files: AttachedFiles
const keyDir = () => join(dir, 'history-key')
/** A server's attachments folder of its own for each database. */
const newFolder = () => join(mkdtempSync(join(dir, 'server-attachments-')), 'attachments')

async function serverCore(
  postgresUrl: string,
  backupsDir: string,
  dailyBackupCheckMs?: number,
  attachmentsDir = newFolder(),
): Promise<Core> {
  return startCore({
    ...testCoreOptions(withoutPassword(postgresUrl), {
      clock: () => now,
      postgresUrl,
      backupsDir,
      autoBackup: true,
      dailyBackupCheckMs,
      attachmentsDir,
    }),
    auditKeys: fileKeyProvider(keyDir()),
  })
}

/** `restore --from FILE --db URL` (cliMove.ts) into a new folder; the exit code, the refusals and what it printed. */
async function restore(sourceFile: string, postgresUrl: string, extra: Partial<MoveArgs> = {}) {
  const args: MoveArgs = {
    sourceFile,
    postgresUrl,
    keyDir: keyDir(),
    sourceAttachmentsDir: null,
    attachmentsDir: newFolder(),
    ...extra,
  }
  const refusals: ApiError[] = []
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    const code = await runMove(args, (refusal) => (refusals.push(refusal), 1))
    return { code, refusals, folder: args.attachmentsDir, printed: log.mock.calls.map((c) => String(c[0])) }
  } finally {
    log.mockRestore()
    error.mockRestore()
  }
}

const withoutBlobs = (sums: Map<string, unknown>) =>
  new Map([...sums].filter(([table]) => table !== 'attachment_blobs'))

beforeAll(async () => {
  dir = tempDir('akimat-server-backups-')
  url = await postgresDatabase()
  core = await serverCore(url, join(dir, 'backups'))
  expect(await core.dispatch('sample.load', {}, ADMIN)).toMatchObject({ ok: true })
  files = await attachScanAndLetter(core)
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
  it('back up now writes a backup file equal to the database with the files inside, which restores into an empty database and a new folder', async () => {
    const made = await core.dispatch('backup.create', { folder: null, passphrase: null }, ADMIN)
    expect(made.ok).toBe(true)
    const backup = (made as { data: BackupInfo }).data
    expect(backup.file).toMatch(/backups\/akimat-manual-2026-11-27T\d\d-00-00Z\.sqlite$/)
    expect(inspectDatabaseFile(backup.file)).toMatchObject({ ok: true, counts: { appeals: 681, meetings: 22 } })

    const original = await sums(url)
    expect(original.get('appeals')!.rows).toBe(681)
    expect(original.get('attachments')!.rows).toBe(2)
    // the same tables, and the files' bytes carried inside as a PC backup carries them
    expect(withoutBlobs(await sums(backup.file))).toEqual(withoutBlobs(original))
    expect(original.get('attachment_blobs')!.rows).toBe(0)
    const inside = blobsIn(backup.file)
    expect(Object.keys(inside).sort()).toEqual(Object.keys(files.bytes).sort())
    for (const [sha256, content] of Object.entries(inside)) expect(content.equals(files.bytes[sha256]!)).toBe(true)

    const restored = await postgresDatabase()
    const done = await restore(backup.file, restored)
    expect(done).toMatchObject({ code: 0, refusals: [] })
    const sizes = Object.values(files.bytes).reduce((sum, b) => sum + b.length, 0)
    expect(done.printed).toContain(
      `Attachments: 2 files, ${sizes} bytes (${(sizes / 1024).toFixed(1)} KB), each checked against its SHA-256 and read back in ${done.folder}`,
    )
    expect(await sums(restored)).toEqual(original)
    const store = new BlobStore(done.folder)
    for (const [sha256, content] of Object.entries(files.bytes)) expect(store.read(sha256)?.equals(content)).toBe(true)

    // the server started on the restored database with that folder lists the files and opens them
    const server = await serverCore(restored, join(dir, 'restored-backups'), undefined, done.folder)
    try {
      await expectFilesOpen(server, files)
    } finally {
      await server.close()
    }
  })

  it('refuses a backup with one altered byte in a file, writing nothing to the database or the folder', async () => {
    const made = await core.dispatch('backup.create', { folder: null, passphrase: null }, ADMIN)
    const file = (made as { data: BackupInfo }).data.file
    const db = new BetterSqlite3(file)
    const [sha256, content] = Object.entries(blobsIn(file))[0]!
    content[Math.floor(content.length / 2)]! ^= 0x20
    db.prepare('UPDATE attachment_blobs SET content = ? WHERE sha256 = ?').run(content, sha256)
    db.close()

    const target = await postgresDatabase()
    const refused = await restore(file, target)
    expect(refused.code).toBe(1)
    expect(refused.refusals).toHaveLength(1)
    const issue = refused.refusals[0]!.issues[0]!
    expect(issue).toMatchObject({ messageKey: 'attachments.errors.backupBlobs', params: { count: 1 } })
    expect(['scan.png', 'reply.pdf']).toContain(issue.params!.name)
    const texts = LANGUAGES.map((lang) => translate(lang, issue.messageKey, issue.params))
    for (const text of texts) expect(text).toContain(String(issue.params!.name))
    expect(new Set(texts).size).toBe(3)
    expect(await sums(target)).toEqual(new Map())
    expect(existsSync(refused.folder)).toBe(false)
  })

  it('a PC backup carrying attachments restores onto the server with its files', async () => {
    const pcFile = join(mkdtempSync(join(dir, 'pc-')), 'data', 'akimat.sqlite')
    const pc = await startTestCore(pcFile, { clock: () => now })
    let made: BackupInfo
    let pcFiles: AttachedFiles
    try {
      const [sector] = (await pc.database.dataSource.query('SELECT MIN(id) AS id FROM sectors')) as { id: number }[]
      expect(await pc.dispatch('appeals.create', appealInput(sector!.id), ADMIN)).toMatchObject({ ok: true })
      pcFiles = await attachScanAndLetter(pc)
      made = ((await pc.dispatch('backup.create', { folder: null, passphrase: null }, ADMIN)) as { data: BackupInfo })
        .data
    } finally {
      await pc.close()
    }
    const target = await postgresDatabase()
    const done = await restore(made.file, target, { keyDir: testKeyDir(pcFile) })
    expect(done).toMatchObject({ code: 0, refusals: [] })
    const server = await startCore({
      ...testCoreOptions(withoutPassword(target), {
        clock: () => now,
        postgresUrl: target,
        attachmentsDir: done.folder,
      }),
      auditKeys: fileKeyProvider(testKeyDir(pcFile)),
    })
    try {
      await expectFilesOpen(server, pcFiles)
    } finally {
      await server.close()
    }
  })

  it('an encrypted copy leaving the backups folder restores with its passphrase only', async () => {
    const passphrase = 'server-kupiya-soz'
    expect(await core.dispatch('backup.setPassphrase', { current: null, passphrase }, ADMIN)).toMatchObject({
      ok: true,
    })
    const usb = tempDir('akimat-usb-')
    const made = await core.dispatch('backup.create', { folder: usb, passphrase }, ADMIN)
    expect(made).toMatchObject({ ok: true })
    const file = (made as { data: BackupInfo }).data.file
    expect(file).toMatch(/\.sqlite\.enc$/)
    const original = await sums(url)

    const wrong = await postgresDatabase()
    const refused = await restore(file, wrong, { passphrase: 'not-the-one-x' })
    expect(refused.code).toBe(1)
    expect(refused.refusals).toHaveLength(1)
    expect(await sums(wrong)).toEqual(new Map())
    expect(existsSync(refused.folder)).toBe(false)

    const restored = await postgresDatabase()
    const done = await restore(file, restored, { passphrase })
    expect(done).toMatchObject({ code: 0, refusals: [] })
    expect(await sums(restored)).toEqual(original)
    const store = new BlobStore(done.folder)
    for (const [sha256, content] of Object.entries(files.bytes)) expect(store.read(sha256)?.equals(content)).toBe(true)
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
