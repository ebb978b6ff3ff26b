import { parameter } from '../db/dialect'
import type { Queryable } from '../db/queryable'
import { blobRefusal } from '../backup/attachmentBlobs'
import { sha256Of, type BlobStore } from '../services/attachments/blobStore'

/**
 * The attachments' bytes of a move or a restore onto the office server. The copy's rows name
 * blobs by SHA-256; the bytes are not rows (a working database's `attachment_blobs` stays empty,
 * migration 0018) but files in the server's attachments folder. They are taken from where the
 * source keeps them: a backup file's own `attachment_blobs`, else the data folder's store.
 */

/** Where a move or a restore takes the bytes from and puts them. */
export interface AttachmentFolders {
  /** The data folder's store (a move); null for a backup file, which holds its bytes inside (a restore). */
  from: BlobStore | null
  /** The server's attachments folder for the target database (the one its core will read). */
  to: BlobStore
}

/** What went into the server's attachments folder. */
export interface CarriedFiles {
  /** The blobs the copied rows name, deleted attachments' included (their history names them). */
  files: number
  /** Their total size in bytes. */
  bytes: number
  /** The server's attachments folder. */
  folder: string
}

const SHA256 = /^[0-9a-f]{64}$/

/** The SHA-256 of every attachment a database names, deleted ones included. */
async function referenced(db: Queryable): Promise<string[]> {
  const rows: { sha256: string }[] = await db.query('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256')
  return rows.map((row) => row.sha256)
}

async function fileNameOf(db: Queryable, sha256: string): Promise<string> {
  const [row]: { name: string }[] = await db.query(
    `SELECT file_name AS name FROM attachments WHERE sha256 = ${parameter(db.connection, 0)} LIMIT 1`,
    [sha256],
  )
  return row?.name ?? sha256
}

/** The source's bytes under `sha256`, or null when they are missing or no longer hash to it. */
function sourceReader(source: Queryable, folder: BlobStore | null): (sha256: string) => Promise<Buffer | null> {
  const select = `SELECT content FROM attachment_blobs WHERE sha256 = ${parameter(source.connection, 0)}`
  return async (sha256) => {
    if (!SHA256.test(sha256)) return null
    const [row]: { content: Buffer }[] = await source.query(select, [sha256])
    if (row) return sha256Of(row.content) === sha256 ? Buffer.from(row.content) : null
    return folder?.read(sha256) ?? null
  }
}

/**
 * Puts into the target folder the bytes of every attachment the source's rows name, read in
 * the copy's snapshot of the source (`source`: the query runner holding it, so the rows copied
 * and the blobs carried are the same). Every blob is read and checked against its hash before
 * the first is written: one missing or altered refuses the whole copy, naming the file, and
 * nothing is written. Then each is written durably (partial name, flush, rename: BlobStore), a
 * blob already there being kept. The caller does this before its transaction commits: a failure
 * after some were written leaves only blobs no row names, which the server's start collects.
 */
export async function carryAttachments(source: Queryable, folders: AttachmentFolders): Promise<CarriedFiles> {
  const wanted = await referenced(source)
  const read = sourceReader(source, folders.from)
  const refusal = folders.from ? 'attachments.errors.damaged' : 'attachments.errors.backupBlobs'
  const bad: string[] = []
  let bytes = 0
  for (const sha256 of wanted) {
    const content = await read(sha256)
    if (content) bytes += content.length
    else bad.push(sha256)
  }
  if (bad.length > 0) throw blobRefusal(refusal, await fileNameOf(source, bad[0]!), bad.length)
  for (const sha256 of wanted) {
    if (folders.to.has(sha256)) continue
    // read again (one at a time: an office's scans need not fit in memory) and checked again
    const content = await read(sha256)
    if (!content) throw blobRefusal(refusal, await fileNameOf(source, sha256), 1)
    folders.to.putAs(sha256, content)
  }
  return { files: wanted.length, bytes, folder: folders.to.dir }
}

/**
 * The move's last check, on the target's own rows inside its transaction: every attachment row
 * names a blob the server's folder holds, read back and hashed. One that is not (a damaged file
 * of that name already there) refuses the copy, naming it.
 */
export async function verifyCarried(target: Queryable, folder: BlobStore): Promise<number> {
  const wanted = await referenced(target)
  const bad = wanted.filter((sha256) => !SHA256.test(sha256) || folder.read(sha256) === null)
  if (bad.length > 0) throw blobRefusal('attachments.errors.damaged', await fileNameOf(target, bad[0]!), bad.length)
  return wanted.length
}
