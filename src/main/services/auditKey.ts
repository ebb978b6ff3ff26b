import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileDurably } from './durableFile'

/** Bytes of a history key (HMAC-SHA-256 takes a key of its block size or less; 32 is its output). */
export const AUDIT_KEY_BYTES = 32

/**
 * Where the key that signs the history (HMAC-SHA-256 over each audit entry) is kept: outside
 * the database file, so that whoever holds a copy of the database (a backup on a USB drive, a
 * file sent for help) cannot rewrite its history and sign it again. The folder also holds the
 * chain heads (auditHead.ts). The core never imports Electron: the desktop passes a provider
 * that keeps the key under safeStorage (electron/auditKey.ts); web mode, the CLI and the tests
 * use `fileKeyProvider`.
 */
export interface AuditKeyProvider {
  /** The folder of the key and the heads, named in messages and the docs. */
  readonly dir: string
  /** The key, or null when none is kept here (first start, or the key file was removed). */
  load(): Buffer | null
  /** Makes a new key and keeps it; used only when `load` found none. */
  create(): Buffer
}

export const AUDIT_KEY_FILE = 'audit-key'

/**
 * The key as a file readable by its owner only (mode 0600 in a 0700 folder; on Windows the
 * folder is in the user's profile, whose permissions keep other accounts out). A key file that
 * exists but cannot be used (cut short, damaged) is moved aside, not overwritten, and counted
 * as missing: the start writes that into the history, and the file stays for whoever looks.
 */
export function fileKeyProvider(dir: string): AuditKeyProvider {
  const file = join(dir, AUDIT_KEY_FILE)
  return {
    dir,
    load() {
      if (!existsSync(file)) return null
      const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
      if (key.length === AUDIT_KEY_BYTES) return key
      renameSync(file, `${file}.unusable-${Date.now()}`)
      return null
    },
    create() {
      const key = randomBytes(AUDIT_KEY_BYTES)
      ensurePrivateDir(dir)
      writeFileDurably(file, `${key.toString('base64')}\n`, 0o600)
      return key
    },
  }
}

/** The key folder, created readable by its owner only. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (process.platform !== 'win32') chmodSync(dir, 0o700)
}
