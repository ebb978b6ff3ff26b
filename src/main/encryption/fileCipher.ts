import { open, rm } from 'node:fs/promises'
import {
  HEADER_BYTES,
  isEncrypted,
  keyFor,
  MAGIC,
  newHeader,
  openChunk,
  parseHeader,
  sealChunk,
  TAG_BYTES,
  type KdfParams,
} from './format'

/**
 * Files through the chunked format of format.ts, one chunk at a time: a backup of a gigabyte
 * is never held whole (nor twice) in memory. The output is flushed to the disk before it is
 * closed; a failure removes it, so a half-written file is never left to be taken for a whole one.
 */
export async function encryptFile(
  source: string,
  target: string,
  passphrase: string,
  options: { kdf?: KdfParams; chunkBytes?: number } = {},
): Promise<void> {
  const { header, key } = await newHeader(passphrase, options.kdf, options.chunkBytes)
  const input = await open(source, 'r')
  let output
  try {
    output = await open(target, 'w')
    const size = (await input.stat()).size
    await output.write(header.bytes)
    const buffer = Buffer.alloc(header.chunkBytes)
    for (let at = 0, index = 0; ; at += header.chunkBytes, index++) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(header.chunkBytes, size - at), at)
      const last = size - at <= header.chunkBytes
      await output.write(sealChunk(key, header, index, last, buffer.subarray(0, bytesRead)))
      if (last) break
    }
    await output.sync()
  } catch (error) {
    await output?.close()
    output = undefined
    await rm(target, { force: true })
    throw error
  } finally {
    await input.close()
    await output?.close()
  }
}

/**
 * Decrypts `source` into `target`, checking every chunk's tag on the way; throws
 * DecryptionError (wrongPassphrase before anything is written, or damaged) and removes
 * `target` when any chunk fails, so only a file opened whole is ever left.
 */
export async function decryptFile(source: string, target: string, passphrase: string): Promise<void> {
  const input = await open(source, 'r')
  let output
  try {
    const size = (await input.stat()).size
    const start = Buffer.alloc(Math.min(HEADER_BYTES, size))
    await input.read(start, 0, start.length, 0)
    const header = parseHeader(start)
    const key = await keyFor(header, passphrase)
    output = await open(target, 'w')
    const sealedBytes = header.chunkBytes + TAG_BYTES
    const buffer = Buffer.alloc(sealedBytes)
    for (let at = HEADER_BYTES, index = 0; ; at += sealedBytes, index++) {
      const length = Math.min(sealedBytes, size - at)
      const { bytesRead } = await input.read(buffer, 0, Math.max(length, 0), at)
      const last = size - at <= sealedBytes
      await output.write(openChunk(key, header, index, last, buffer.subarray(0, bytesRead)))
      if (last) break
    }
    await output.sync()
  } catch (error) {
    await output?.close()
    output = undefined
    await rm(target, { force: true })
    throw error
  } finally {
    await input.close()
    await output?.close()
  }
}

/** Whether a file starts with the encrypted format's mark (a missing or short file does not). */
export async function isEncryptedFile(file: string): Promise<boolean> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch {
    return false
  }
  try {
    const start = Buffer.alloc(MAGIC.length)
    const { bytesRead } = await handle.read(start, 0, start.length, 0)
    return isEncrypted(start.subarray(0, bytesRead))
  } finally {
    await handle.close()
  }
}
