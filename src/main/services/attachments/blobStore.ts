import { createHash, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileDurably } from '../durableFile'

/** A file being written: never a hash's name, so a kill mid-write leaves no blob that lies. */
export const PARTIAL_SUFFIX = '.partial'

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

const SHA256 = /^[0-9a-f]{64}$/

/**
 * The attachments folder: each attachment's bytes in one file named by their SHA-256 (under a
 * folder of its first two hex digits, so no folder holds tens of thousands of files). The same
 * bytes attached twice are one file. A blob is written to a partial name, flushed and renamed
 * (durableFile.ts), so a blob under a hash's name always holds those bytes whole.
 */
export class BlobStore {
  constructor(readonly dir: string) {}

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`)
    return join(this.dir, sha256.slice(0, 2), sha256)
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256))
  }

  /** Stores the bytes (once: a blob already there is kept) and returns their SHA-256. */
  put(bytes: Uint8Array): string {
    const sha256 = sha256Of(bytes)
    this.putAs(sha256, bytes)
    return sha256
  }

  /** Stores bytes already hashed by the caller (a restore, a package), which checked them. */
  putAs(sha256: string, bytes: Uint8Array): void {
    const file = this.pathOf(sha256)
    if (existsSync(file)) return
    mkdirSync(join(this.dir, sha256.slice(0, 2)), { recursive: true })
    writeFileDurably(file, bytes, 0o600, join(this.dir, sha256.slice(0, 2), `${randomUUID()}${PARTIAL_SUFFIX}`))
  }

  /** The bytes under `sha256`, or null when they are missing or no longer hash to it (damaged). */
  read(sha256: string): Buffer | null {
    const file = this.pathOf(sha256)
    if (!existsSync(file)) return null
    const bytes = readFileSync(file)
    return sha256Of(bytes) === sha256 ? bytes : null
  }

  /**
   * Removes the blobs no row refers to and partial files a killed write left, both only when
   * untouched for `graceMs`: another desk (or door) may have written a blob whose row it has
   * not committed yet. Returns how many blobs went.
   */
  collect(referenced: ReadonlySet<string>, graceMs: number, now = Date.now()): number {
    if (!existsSync(this.dir)) return 0
    let removed = 0
    for (const fan of readdirSync(this.dir)) {
      const folder = join(this.dir, fan)
      if (!/^[0-9a-f]{2}$/.test(fan) || !statSync(folder).isDirectory()) continue
      for (const name of readdirSync(folder)) {
        const file = join(folder, name)
        const keep = SHA256.test(name) ? referenced.has(name) : !name.endsWith(PARTIAL_SUFFIX)
        if (keep || now - statSync(file).mtimeMs < graceMs) continue
        rmSync(file, { force: true })
        if (SHA256.test(name)) removed++
      }
    }
    return removed
  }
}
