import { randomBytes } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decryptFile, encryptFile, isEncryptedFile } from '../../src/main/encryption/fileCipher'
import {
  decryptBuffer,
  DecryptionError,
  encryptBuffer,
  HEADER_BYTES,
  MAGIC,
  TAG_BYTES,
} from '../../src/main/encryption/format'
import { useCleanup } from '../helpers/cleanup'

/**
 * The encrypted copy's format on its own: a round trip keeps every byte, and a wrong
 * passphrase, any flipped byte (header, middle, last chunk), a cut or a lengthened file, or
 * chunks swapped are refused, with no output left behind.
 */
const cleanup = useCleanup()
const PASSPHRASE = 'көктем ауданы 2026'
/** Small chunks so a file of a few kilobytes has many of them; the smallest scrypt the header allows. */
const SMALL = { kdf: { log2N: 14, r: 8, p: 1 }, chunkBytes: 1024 }

async function encrypted(plain: Buffer): Promise<{ dir: string; source: string; sealed: string }> {
  const dir = cleanup.tempDir()
  const source = join(dir, 'plain.bin')
  const sealed = join(dir, 'sealed.enc')
  writeFileSync(source, plain)
  await encryptFile(source, sealed, PASSPHRASE, SMALL)
  return { dir, source, sealed }
}

async function refusal(sealed: string, dir: string, passphrase = PASSPHRASE): Promise<string> {
  const out = join(dir, 'out.bin')
  const error = await decryptFile(sealed, out, passphrase).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DecryptionError)
  // nothing half-decrypted is left to be taken for the whole file
  expect(() => statSync(out)).toThrow()
  return (error as DecryptionError).reason
}

function flipped(file: string, at: (size: number) => number): void {
  const bytes = readFileSync(file)
  bytes[at(bytes.length)]! ^= 0x01
  writeFileSync(file, bytes)
}

describe('encrypted copies', () => {
  it('round-trips a file of many chunks, the last one partial, and one of exactly whole chunks', async () => {
    for (const size of [10 * 1024 + 123, 8 * 1024, 0]) {
      const plain = randomBytes(size)
      const { dir, sealed } = await encrypted(plain)
      const sealedBytes = readFileSync(sealed)
      expect(sealedBytes.subarray(0, MAGIC.length)).toEqual(MAGIC)
      expect(await isEncryptedFile(sealed)).toBe(true)
      const chunks = Math.max(1, Math.ceil(size / SMALL.chunkBytes))
      expect(sealedBytes.length).toBe(HEADER_BYTES + size + chunks * TAG_BYTES)
      const out = join(dir, 'out.bin')
      await decryptFile(sealed, out, PASSPHRASE)
      expect(readFileSync(out).equals(plain)).toBe(true)
    }
  })

  it('uses a fresh salt and nonce for every file: the same input twice gives different bytes', async () => {
    const plain = randomBytes(3000)
    const a = readFileSync((await encrypted(plain)).sealed)
    const b = readFileSync((await encrypted(plain)).sealed)
    expect(a.equals(b)).toBe(false)
    expect(a.subarray(0, 16).equals(b.subarray(0, 16))).toBe(true) // same magic and parameters
  })

  it('tells a wrong passphrase from an altered file', async () => {
    const { dir, sealed } = await encrypted(randomBytes(5000))
    expect(await refusal(sealed, dir, 'көктем ауданы 2025')).toBe('wrongPassphrase')
    expect(await isEncryptedFile(join(dir, 'plain.bin'))).toBe(false)
  })

  it('refuses a flipped byte in the header, in the middle and in the last chunk', async () => {
    // Salt, KDF parameters and key check make the key: altered, no passphrase fits (told as
    // such). The rest of the header is every chunk's AAD: altered, the first tag fails.
    const places: [(size: number) => number, string][] = [
      [() => MAGIC.length + 2, 'wrongPassphrase'], // scrypt's r
      [() => MAGIC.length + 10, 'wrongPassphrase'], // the salt
      [() => MAGIC.length + 5, 'damaged'], // the chunk size
      [() => HEADER_BYTES - 20, 'damaged'], // the nonce prefix
      [(size) => Math.floor(size / 2), 'damaged'],
      [(size) => size - TAG_BYTES - 3, 'damaged'], // the last chunk's text
      [(size) => size - 1, 'damaged'], // the last chunk's tag
    ]
    for (const [at, reason] of places) {
      const { dir, sealed } = await encrypted(randomBytes(10 * 1024 + 500))
      flipped(sealed, at)
      expect(await refusal(sealed, dir)).toBe(reason)
    }
  })

  it('refuses a file cut short (mid-chunk and at a chunk boundary) or lengthened', async () => {
    const plain = randomBytes(4 * 1024 + 10)
    const cuts = [
      (b: Buffer) => b.subarray(0, b.length - 5),
      (b: Buffer) => b.subarray(0, HEADER_BYTES + 2 * (1024 + TAG_BYTES)),
      (b: Buffer) => b.subarray(0, HEADER_BYTES - 1),
      (b: Buffer) => Buffer.concat([b, Buffer.alloc(1)]),
    ]
    for (const cut of cuts) {
      const { dir, sealed } = await encrypted(plain)
      writeFileSync(sealed, cut(readFileSync(sealed)))
      expect(await refusal(sealed, dir)).toBe('damaged')
    }
  })

  it('refuses chunks put in another order', async () => {
    const { dir, sealed } = await encrypted(randomBytes(4 * 1024 + 10))
    const bytes = readFileSync(sealed)
    const size = 1024 + TAG_BYTES
    const first = Buffer.from(bytes.subarray(HEADER_BYTES, HEADER_BYTES + size))
    bytes.copy(bytes, HEADER_BYTES, HEADER_BYTES + size, HEADER_BYTES + 2 * size)
    first.copy(bytes, HEADER_BYTES + size)
    writeFileSync(sealed, bytes)
    expect(await refusal(sealed, dir)).toBe('damaged')
  })

  it('does the same for a buffer (a consolidation package)', async () => {
    const plain = randomBytes(5000)
    const sealed = await encryptBuffer(plain, PASSPHRASE, SMALL.kdf, SMALL.chunkBytes)
    expect((await decryptBuffer(sealed, PASSPHRASE)).equals(plain)).toBe(true)
    await expect(decryptBuffer(sealed, 'another one')).rejects.toMatchObject({ reason: 'wrongPassphrase' })
    const altered = Buffer.from(sealed)
    altered[HEADER_BYTES + 2000]! ^= 0x80
    await expect(decryptBuffer(altered, PASSPHRASE)).rejects.toMatchObject({ reason: 'damaged' })
    await expect(decryptBuffer(sealed.subarray(0, sealed.length - 1), PASSPHRASE)).rejects.toMatchObject({
      reason: 'damaged',
    })
  })
})
