import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROTECTED_KEY_FILE, safeStorageKeyProvider, type SafeStorageLike } from '../../src/main/electron/auditKey'
import { compareHead, HeadStore, type ChainHead } from '../../src/main/services/auditHead'
import { AUDIT_KEY_FILE, fileKeyProvider } from '../../src/main/services/auditKey'
import { useCleanup } from '../helpers/cleanup'

const cleanup = useCleanup()
const posix = process.platform !== 'win32'

describe('the key file (web mode, CLI)', () => {
  it('makes a 32-byte key readable by its owner only, and reads the same key back', () => {
    const dir = join(cleanup.tempDir(), 'history-key')
    const keys = fileKeyProvider(dir)
    expect(keys.load()).toBeNull()
    const key = keys.create()
    expect(key).toHaveLength(32)
    expect(fileKeyProvider(dir).load()).toEqual(key)
    if (posix) {
      expect(statSync(join(dir, AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600)
      expect(statSync(dir).mode & 0o777).toBe(0o700)
    }
  })

  it('moves a damaged key file aside instead of overwriting it, and counts it as missing', () => {
    const dir = cleanup.tempDir()
    writeFileSync(join(dir, AUDIT_KEY_FILE), 'not a key')
    expect(fileKeyProvider(dir).load()).toBeNull()
    expect(readdirSync(dir).some((name) => name.startsWith(`${AUDIT_KEY_FILE}.unusable-`))).toBe(true)
  })
})

/** safeStorage as Electron gives it, with a reversible stand-in for the OS's encryption. */
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
    decryptString: (sealed) => {
      const text = sealed.toString()
      if (!text.startsWith('sealed:')) throw new Error('cannot decrypt')
      return Buffer.from(text.slice(7), 'hex').toString()
    },
  }
}

describe('the desktop key under safeStorage', () => {
  it('keeps a new key only encrypted, and reads it back', () => {
    const dir = cleanup.tempDir()
    const keys = safeStorageKeyProvider(dir, fakeSafeStorage())
    const key = keys.create()
    expect(existsSync(join(dir, AUDIT_KEY_FILE))).toBe(false)
    expect(readFileSync(join(dir, PROTECTED_KEY_FILE), 'utf8')).not.toContain(key.toString('base64'))
    expect(safeStorageKeyProvider(dir, fakeSafeStorage()).load()).toEqual(key)
  })

  it('takes over the plain key web mode made first, so the chain goes on with the same key', () => {
    const dir = cleanup.tempDir()
    const webKey = fileKeyProvider(dir).create()
    expect(safeStorageKeyProvider(dir, fakeSafeStorage()).load()).toEqual(webKey)
    expect(existsSync(join(dir, PROTECTED_KEY_FILE))).toBe(true)
  })

  it('counts a protected key that no longer decrypts as missing, keeping the file aside', () => {
    const dir = cleanup.tempDir()
    writeFileSync(join(dir, PROTECTED_KEY_FILE), Buffer.from('sealed by another account').toString('base64'))
    expect(safeStorageKeyProvider(dir, fakeSafeStorage()).load()).toBeNull()
    expect(readdirSync(dir).some((name) => name.startsWith(`${PROTECTED_KEY_FILE}.unusable-`))).toBe(true)
  })

  it('uses the plain owner-only file where safeStorage cannot encrypt', () => {
    const dir = cleanup.tempDir()
    safeStorageKeyProvider(dir, fakeSafeStorage(false)).create()
    expect(existsSync(join(dir, AUDIT_KEY_FILE))).toBe(true)
  })
})

describe('the head against the database', () => {
  const link = (id: number, hash = `h${id}`) => ({ id, hash })
  const head = (last: number | null, pending: number | null = null): ChainHead => ({
    database: '/data/akimat.sqlite',
    last: last === null ? null : link(last),
    pending: pending === null ? null : link(pending),
    at: '2026-12-07T05:00:00.000Z',
  })
  const hashes = (id: number) => `h${id}`

  it('accepts the end it names, and the end of a write a crash interrupted on either side of the commit', () => {
    expect(compareHead(head(7), link(7), hashes)).toBe('ok')
    expect(compareHead(head(7, 9), link(9), hashes)).toBe('ok') // committed, head not yet rewritten
    expect(compareHead(head(7, 9), link(7), hashes)).toBe('ok') // not committed
    expect(compareHead(head(null), null, hashes)).toBe('ok')
  })

  it('names each way the two can part', () => {
    expect(compareHead(null, link(7), hashes)).toBe('missing')
    expect(compareHead(head(7), link(5), hashes)).toBe('tailRemoved')
    expect(compareHead(head(7), null, hashes)).toBe('tailRemoved')
    expect(compareHead(head(7), link(10), () => 'another')).toBe('mismatch')
    expect(compareHead(head(7), link(7, 'another'), () => 'another')).toBe('mismatch')
    expect(compareHead(head(7), link(11), hashes)).toBe('behind')
    expect(compareHead(head(7, 9), link(12), hashes)).toBe('behind')
  })
})

describe('the head file', () => {
  it('keeps the previous head when the newest write was cut short by a crash', () => {
    const dir = cleanup.tempDir()
    const store = new HeadStore(dir, join(dir, 'akimat.sqlite'))
    store.write({ id: 7, hash: 'a'.repeat(64) }, { id: 9, hash: 'b'.repeat(64) })
    store.write({ id: 9, hash: 'b'.repeat(64) }, null, false)
    expect(new HeadStore(dir, join(dir, 'akimat.sqlite')).read()).toMatchObject({ last: { id: 9 }, pending: null })
    // the newest record half written: the one before it (which accepts the committed end) stands
    const fd = openSync(store.file, 'r+')
    writeSync(fd, Buffer.from('{"seq":2,"last":{"id":9,'), 0, 24, 0)
    closeSync(fd)
    expect(new HeadStore(dir, join(dir, 'akimat.sqlite')).read()).toMatchObject({
      last: { id: 7 },
      pending: { id: 9 },
    })
    if (posix) expect(statSync(store.file).mode & 0o777).toBe(0o600)
  })
})
