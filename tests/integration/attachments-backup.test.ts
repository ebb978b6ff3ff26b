import { copyFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { appealInput, openDesk, type Desk } from '../helpers/appeals'
import { base64, pdfFile, pngFile } from '../helpers/attachmentFiles'
import { useCleanup } from '../helpers/cleanup'
import { ENGINES } from '../helpers/engines'
import { blobsIn } from '../helpers/attachedFiles'
import { sha256Of } from '../../src/main/services/attachments/blobStore'

/**
 * Backups carry the attachments their rows name, inside the backup file (plain or encrypted);
 * a restore puts exactly those back into the attachments folder, each checked against its
 * hash, and refuses a backup whose bytes are missing or altered with nothing changed.
 */

const cleanup = useCleanup()
const NOW = '2026-04-20T10:00:00'
const PASSPHRASE = 'Қарқаралы 2026 көктем'

async function withFiles(desk: Desk) {
  const appeal = await desk.ok('appeals.create', appealInput(await desk.sector('housing')))
  const owner = { ownerKind: 'appeal' as const, ownerId: appeal.id }
  const scan = pngFile([30, 60, 90])
  const letter = pdfFile('Reply')
  const gone = pngFile([4, 4, 4])
  const a = await desk.ok('attachments.add', { ...owner, fileName: 'scan.png', base64: base64(scan) })
  await desk.ok('attachments.add', { ...owner, fileName: 'again.png', base64: base64(scan) })
  const b = await desk.ok('attachments.add', { ...owner, fileName: 'reply.pdf', base64: base64(letter) })
  const c = await desk.ok('attachments.add', { ...owner, fileName: 'gone.png', base64: base64(gone) })
  await desk.ok('attachments.delete', { id: c.id })
  return {
    owner,
    ids: [a.id, b.id],
    bytes: { [sha256Of(scan)]: scan, [sha256Of(letter)]: letter, [sha256Of(gone)]: gone },
  }
}

describe.each(ENGINES)('a backup on %s', (engine) => {
  it('holds the bytes of every attachment its rows name, deleted ones too, and the working database none', async () => {
    const desk = await openDesk(cleanup, { now: NOW, engine })
    const { bytes } = await withFiles(desk)
    const made = await desk.ok('backup.create', { folder: null })
    const inside = blobsIn(made.file)
    expect(Object.keys(inside).sort()).toEqual(Object.keys(bytes).sort())
    for (const [sha256, content] of Object.entries(inside)) expect(content.equals(bytes[sha256]!)).toBe(true)
    expect(await desk.sql('SELECT sha256 FROM attachment_blobs')).toEqual([])
  })
})

describe('a restore', () => {
  it('brings back exactly the referenced blobs, checked, and leaves the working database without them', async () => {
    const desk = await openDesk(cleanup, { now: NOW })
    const { owner, ids, bytes } = await withFiles(desk)
    const made = await desk.ok('backup.create', { folder: null })
    // after the backup: a new file, and the store loses everything
    await desk.ok('attachments.add', { ...owner, fileName: 'later.png', base64: base64(pngFile([7, 7, 7])) })
    const store = desk.core.services.attachments.blobs
    rmSync(store.dir, { recursive: true })

    await desk.ok('backup.restore', { file: made.file })
    const listed = await desk.ok('attachments.list', owner)
    expect(listed.map((a) => a.id)).toEqual([ids[0], ids[0]! + 1, ids[1]])
    for (const sha256 of Object.keys(bytes)) expect(store.read(sha256)?.equals(bytes[sha256]!)).toBe(true)
    expect(readdirSync(store.dir).flatMap((fan) => readdirSync(`${store.dir}/${fan}`))).toHaveLength(3)
    for (const attachment of listed) {
      const content = await desk.ok('attachments.content', { id: attachment.id })
      expect(sha256Of(Buffer.from(content.base64, 'base64'))).toBe(attachment.sha256)
    }
    expect(await desk.sql('SELECT sha256 FROM attachment_blobs')).toEqual([])
  })

  it('works from a backup file copied over the database by hand: its files go to the store at the next start', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const desk = await openDesk(cleanup, { now: NOW, file })
    const { owner, bytes } = await withFiles(desk)
    const made = await desk.ok('backup.create', { folder: null })
    const store = desk.core.services.attachments.blobs
    await desk.core.close()
    copyFileSync(made.file, file)
    rmSync(store.dir, { recursive: true })

    const again = await openDesk(cleanup, { now: NOW, file })
    expect(await again.sql('SELECT sha256 FROM attachment_blobs')).toEqual([])
    for (const attachment of await again.ok('attachments.list', owner)) {
      const content = await again.ok('attachments.content', { id: attachment.id })
      expect(sha256Of(Buffer.from(content.base64, 'base64'))).toBe(attachment.sha256)
    }
    // and backups carry them again
    const next = await again.ok('backup.create', { folder: null })
    expect(Object.keys(blobsIn(next.file)).sort()).toEqual(Object.keys(bytes).sort())
  })

  it('takes them from an encrypted backup too', async () => {
    const desk = await openDesk(cleanup, { now: NOW })
    const { bytes } = await withFiles(desk)
    await desk.ok('backup.setPassphrase', { current: null, passphrase: PASSPHRASE })
    const made = await desk.ok('backup.create', { folder: cleanup.tempDir('akimat-usb-'), passphrase: PASSPHRASE })
    expect(made.file.endsWith('.enc')).toBe(true)
    const store = desk.core.services.attachments.blobs
    rmSync(store.dir, { recursive: true })
    await desk.ok('backup.restore', { file: made.file, passphrase: PASSPHRASE })
    for (const sha256 of Object.keys(bytes)) expect(store.read(sha256)?.equals(bytes[sha256]!)).toBe(true)
  })

  it('refuses a backup whose attachment bytes were altered or taken out, changing nothing', async () => {
    const desk = await openDesk(cleanup, { now: NOW })
    const { owner } = await withFiles(desk)
    const made = await desk.ok('backup.create', { folder: null })
    const later = await desk.ok('attachments.add', {
      ...owner,
      fileName: 'later.png',
      base64: base64(pngFile([7, 7, 7])),
    })

    const db = new Database(made.file)
    const [first, second] = db.prepare('SELECT sha256 FROM attachment_blobs ORDER BY sha256').pluck().all() as string[]
    db.prepare("UPDATE attachment_blobs SET content = X'00' WHERE sha256 = ?").run(first)
    db.prepare('DELETE FROM attachment_blobs WHERE sha256 = ?').run(second)
    db.close()

    const error = await desk.fail('backup.restore', { file: made.file })
    expect(error.issues[0]).toMatchObject({ messageKey: 'attachments.errors.backupBlobs', params: { count: 2 } })
    expect((await desk.ok('attachments.list', owner)).map((a) => a.id)).toContain(later.id)
  })
})
