import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { callApi, startWebApp, type WebApp } from './harness'

/**
 * A restore killed at any moment: the real web mode restores a backup and is killed with
 * SIGKILL at points spread over the whole restore (the history entry, the copy put aside, the
 * copy beside the live file and its check, the swap, the reopening). After each kill the next
 * start must come up, on either the data it had or the backup's, whole.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'akimat-restore-kill-'))
const usb = mkdtempSync(join(tmpdir(), 'akimat-restore-usb-'))
afterAll(() => {
  for (const dir of [dataDir, usb]) rmSync(dir, { recursive: true, force: true })
})

const databaseFile = join(dataDir, 'akimat.sqlite')

/** The file as the next start will find it: whole, and how many appeals it holds. */
function inspectFile(): { integrity: unknown; appeals: number } {
  const db = new Database(databaseFile, { readonly: true })
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      appeals: (db.prepare('SELECT COUNT(*) AS n FROM appeals').get() as { n: number }).n,
    }
  } finally {
    db.close()
  }
}

/** The first 100 bytes of a database file: its header, which differs between any two copies made apart. */
function header(file: string): Buffer {
  const bytes = Buffer.alloc(100)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, bytes, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  return bytes
}

/** Returns once `seen()` holds, looking every millisecond (the restore is not slowed down to be caught). */
async function until(seen: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!seen()) {
    if (Date.now() > end) throw new Error('the restore never got there')
    await new Promise((r) => setTimeout(r, 1))
  }
}

async function registerOne(app: WebApp, summary: string): Promise<void> {
  await callApi(app, 'appeals.create', {
    receivedAt: '2026-11-20T10:00',
    channel: 'reception',
    appealType: 'application',
    sectorId: 2,
    applicant: { kind: 'individual', surname: 'Жұмабеков', firstName: 'Қайрат' },
    summary,
  })
}

describe('a restore killed half-way', () => {
  it('leaves the old data or the restored, whole, wherever the kill comes', async () => {
    let app = await startWebApp(dataDir, { setup: true })
    // Several years of a district's appeals.
    await callApi(app, 'sample.load')
    const backup = await callApi<{ file: string }>(app, 'backup.create', { folder: usb })
    await registerOne(app, 'Сақтық көшірмеден кейінгі өтініш')
    await app.kill()
    const restoredCount = inspectFile().appeals - 1

    // One restore to its end, to know how long a restore takes on this machine now.
    app = await startWebApp(dataDir, { adminExists: true })
    const started = Date.now()
    await callApi(app, 'backup.restore', { file: backup.file })
    const took = Date.now() - started
    expect(inspectFile().appeals).toBe(restoredCount)
    await app.kill()

    // Where each round's kill comes: at moments seen on the disk, then at times spread over a restore.
    const incoming = `${databaseFile}.restoring`
    const backupsDir = join(dataDir, 'backups')
    const partialAside = () => existsSync(backupsDir) && readdirSync(backupsDir).some((f) => f.endsWith('.partial'))
    // A moment seen on the disk, or the restore's answer (a fast machine may finish a step
    // between two looks: then the kill comes after it, which must hold as well).
    let answered = false
    const backupHeader = header(backup.file)
    const killPoints: { name: string; reached: () => Promise<void> }[] = [
      { name: 'at once', reached: async () => {} },
      { name: 'while the current data is put aside', reached: () => until(() => partialAside() || answered) },
      {
        name: 'while the backup is copied and checked beside the live file',
        reached: () => until(() => existsSync(incoming) || answered),
      },
      {
        // Were the backup written into the live file, its header would come first: a kill
        // here would cut that copy off.
        name: 'as soon as the live file begins to read as the backup',
        reached: () => until(() => header(databaseFile).equals(backupHeader) || answered),
      },
      {
        name: 'just after the swap, while the database reopens',
        reached: async () => {
          await until(() => existsSync(incoming) || answered)
          await until(() => !existsSync(incoming))
        },
      },
      ...[0.25, 0.5, 0.75, 1].map((share) => ({
        name: `${Math.round(share * took)} ms in`,
        reached: () => new Promise<void>((r) => setTimeout(r, share * took)),
      })),
    ]

    for (const point of killPoints) {
      app = await startWebApp(dataDir, { adminExists: true })
      await registerOne(app, `Өлтірілетін сәт: ${point.name}`)
      const before = inspectFile().appeals
      expect(before).not.toBe(restoredCount)
      answered = false
      const restoring = callApi(app, 'backup.restore', { file: backup.file })
        .catch(() => null)
        .finally(() => (answered = true))
      await point.reached()
      await app.kill()
      await restoring

      const after = inspectFile()
      expect(after.integrity, point.name).toBe('ok')
      expect([before, restoredCount], point.name).toContain(after.appeals)
      // Once the copy beside is gone (or the restore answered), it was renamed over the live file.
      if (point.name.startsWith('just after the swap')) expect(after.appeals, point.name).toBe(restoredCount)
    }

    // The app starts after the last kill, on whole data, with nothing of a cut-off copy left.
    app = await startWebApp(dataDir, { adminExists: true })
    try {
      expect(existsSync(`${databaseFile}.restoring`)).toBe(false)
      expect((await callApi<{ schemaVersion: number }>(app, 'app.info')).schemaVersion).toBeGreaterThan(0)
      expect((await callApi<{ total: number }>(app, 'appeals.list', { limit: 1 })).total).toBeGreaterThan(0)
    } finally {
      await app.kill()
    }
  }, 240_000)
})
