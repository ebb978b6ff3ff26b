import Database from 'better-sqlite3'
import { DomainError } from '@shared/api/errors'
import { sha256Of, type BlobStore } from '../services/attachments/blobStore'

/**
 * Attachments in backups. A backup is one SQLite file, and the bytes of every attachment its
 * rows name go into it, in `attachment_blobs` (migration 0018; empty in a working database).
 * One file keeps what a backup already promises: written under a partial name and renamed
 * when whole, checked by `integrity_check`, encrypted whole by fileCipher when it leaves the
 * data folder, copied to a USB drive as one. A side folder would be a second thing to keep in
 * step, to encrypt and to lose.
 */

/** Rows per transaction when packing: some 200 MB of scans, then a commit. */
const PACK_SLICE = 1000

const hasAttachments = (db: Database.Database) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachment_blobs'").get() !== undefined

/** The SHA-256 of every attachment the database names, deleted ones included (their history refers to them). */
function referencedIn(db: Database.Database): string[] {
  return (db.prepare('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256').pluck().all() as string[]) ?? []
}

/**
 * Puts into the backup file being written the bytes of every attachment its own rows name (the
 * snapshot's rows, not the live database's), each checked against its hash as it is read. A
 * blob missing or damaged in the store fails the backup, naming the file: a backup that could
 * not give a file back must not look whole. Not `strict` (the copy a restore puts aside): what
 * the store lacks is left out, since a lost attachments folder is what a restore may be for.
 */
export function packAttachments(file: string, blobs: BlobStore, strict: boolean, nativeBinding?: string): number {
  const db = new Database(file, { nativeBinding })
  try {
    if (!hasAttachments(db)) return 0
    const wanted = referencedIn(db)
    const insert = db.prepare('INSERT INTO attachment_blobs (sha256, content) VALUES (?, ?)')
    for (let at = 0; at < wanted.length; at += PACK_SLICE) {
      const slice = wanted.slice(at, at + PACK_SLICE)
      db.transaction(() => {
        for (const sha256 of slice) {
          const bytes = blobs.read(sha256)
          if (bytes) insert.run(sha256, bytes)
          else if (strict) throw damaged(db, sha256, 1, 'attachments.errors.damaged')
        }
      })()
    }
    return wanted.length
  } finally {
    db.close()
  }
}

/**
 * Takes the attachments out of a backup copy about to replace the live database (`incoming`,
 * beside it, not yet swapped in): every blob its rows name must be there and hash to its name,
 * or the restore is refused before anything changes; then each is written to the store (one
 * already there is kept: same name, same bytes), and the table is emptied and the file compacted
 * so the working database does not carry the bytes twice. Not `strict` (an undo, from the copy
 * put aside, which may lack what the store had already lost): what is whole is taken.
 */
export function unpackAttachments(incoming: string, blobs: BlobStore, strict: boolean, nativeBinding?: string): number {
  const db = new Database(incoming, { nativeBinding })
  try {
    if (!hasAttachments(db)) return 0
    const wanted = referencedIn(db)
    const read = db.prepare('SELECT content FROM attachment_blobs WHERE sha256 = ?').pluck()
    const bad = wanted.filter((sha256) => {
      const bytes = read.get(sha256) as Buffer | undefined
      return !bytes || sha256Of(bytes) !== sha256
    })
    if (strict && bad.length > 0) throw damaged(db, bad[0]!, bad.length, 'attachments.errors.backupBlobs')
    const whole = new Set(wanted.filter((sha256) => !bad.includes(sha256)))
    for (const sha256 of whole) if (!blobs.has(sha256)) blobs.putAs(sha256, read.get(sha256) as Buffer)
    db.exec('DELETE FROM attachment_blobs')
    db.exec('VACUUM')
    return wanted.length
  } finally {
    db.close()
  }
}

function damaged(db: Database.Database, sha256: string, count: number, messageKey: string): DomainError {
  const name =
    (db.prepare('SELECT file_name FROM attachments WHERE sha256 = ? LIMIT 1').pluck().get(sha256) as string) ?? sha256
  return blobRefusal(messageKey, name, count)
}

/**
 * The refusal of a copy whose attachment bytes are missing or altered: `count` of them, `name`
 * the file name of the first (`attachments.errors.damaged` for a store, `backupBlobs` for a backup file).
 */
export function blobRefusal(messageKey: string, name: string, count: number): DomainError {
  return new DomainError('validation', 'errors.validation', [{ path: ['file'], messageKey, params: { count, name } }])
}
