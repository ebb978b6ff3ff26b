import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { AUDIT_KEY_BYTES, ensurePrivateDir, fileKeyProvider, type AuditKeyProvider } from '../services/auditKey'
import { writeFileDurably } from '../services/durableFile'

/** What the key provider needs of Electron's safeStorage (passed in: tests have no Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

export const PROTECTED_KEY_FILE = 'audit-key.protected'

/**
 * The desktop's history key, encrypted by safeStorage (DPAPI on Windows: only this Windows
 * account on this computer can decrypt it) in the key folder. A plain key file left there by
 * web mode or the CLI first is taken over (the chain goes on with the same key); a key the
 * desktop makes exists only encrypted, so web mode on the same computer, which cannot decrypt
 * it, signs with a key of its own and the history records each change of key (both doors
 * verify what they signed). Where safeStorage cannot encrypt (a Linux desktop without a
 * keyring) the plain owner-only file is used, as in web mode. A protected file that no longer
 * decrypts (the Windows account was recreated) is moved aside and counts as missing, which
 * the start writes into the history.
 */
export function safeStorageKeyProvider(dir: string, safeStorage: SafeStorageLike): AuditKeyProvider {
  const plain = fileKeyProvider(dir)
  if (!safeStorage.isEncryptionAvailable()) return plain
  const file = join(dir, PROTECTED_KEY_FILE)
  const keep = (key: Buffer) => {
    ensurePrivateDir(dir)
    writeFileDurably(file, safeStorage.encryptString(key.toString('base64')).toString('base64'))
  }
  return {
    dir,
    load() {
      if (existsSync(file)) {
        try {
          const key = Buffer.from(
            safeStorage.decryptString(Buffer.from(readFileSync(file, 'utf8'), 'base64')),
            'base64',
          )
          if (key.length === AUDIT_KEY_BYTES) return key
        } catch {
          // no longer decrypts: kept aside, as missing
        }
        renameSync(file, `${file}.unusable-${Date.now()}`)
        return null
      }
      const adopted = plain.load()
      if (adopted) keep(adopted)
      return adopted
    },
    create() {
      const key = randomBytes(AUDIT_KEY_BYTES)
      keep(key)
      return key
    },
  }
}
