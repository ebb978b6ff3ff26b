import { open, rm, type FileHandle } from 'node:fs/promises'
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
 * is never held whole (nor twice) in memory.
 */
export async function encryptFile(
  source: string,
  target: string,
  passphrase: string,
  options: { kdf?: KdfParams; chunkBytes?: number } = {},
): Promise<void> {
  const { header, key } = await newHeader(passphrase, options.kdf, options.chunkBytes)
  await rewrite(source, target, async () => ({
    head: header.bytes,
    from: 0,
    pieceBytes: header.chunkBytes,
    convert: (index, last, piece) => sealChunk(key, header, index, last, piece),
  }))
}

/**
 * Decrypts `source` into `target`, checking every chunk's tag on the way; throws
 * DecryptionError (wrongPassphrase before anything is written, or damaged) and removes
 * `target` when any chunk fails, so only a file opened whole is ever left.
 */
export async function decryptFile(source: string, target: string, passphrase: string): Promise<void> {
  await rewrite(source, target, async (input, size) => {
    const start = Buffer.alloc(Math.min(HEADER_BYTES, size))
    await input.read(start, 0, start.length, 0)
    const header = parseHeader(start)
    const key = await keyFor(header, passphrase)
    return {
      from: HEADER_BYTES,
      pieceBytes: header.chunkBytes + TAG_BYTES,
      convert: (index, last, piece) => openChunk(key, header, index, last, piece),
    }
  })
}

interface Rewriting {
  /** Written before the first piece. */
  head?: Buffer
  /** Where in the source the pieces start. */
  from: number
  pieceBytes: number
  /** One piece of the source → what the target holds for it; `last` for the final (maybe short or empty) one. */
  convert(index: number, last: boolean, piece: Buffer): Buffer
}

/**
 * Writes `target` from `source` piece by piece as `plan` says (the plan may read the source's
 * start first). The output is flushed to the disk before it is closed; any failure, the plan's
 * included, removes it, so a half-written file is never left to be taken for a whole one.
 */
async function rewrite(
  source: string,
  target: string,
  plan: (input: FileHandle, size: number) => Promise<Rewriting>,
): Promise<void> {
  const input = await open(source, 'r')
  let output: FileHandle | undefined
  try {
    const size = (await input.stat()).size
    const { head, from, pieceBytes, convert } = await plan(input, size)
    output = await open(target, 'w')
    if (head) await output.write(head)
    const buffer = Buffer.alloc(pieceBytes)
    for (let at = from, index = 0; ; at += pieceBytes, index++) {
      const { bytesRead } = await input.read(buffer, 0, Math.max(Math.min(pieceBytes, size - at), 0), at)
      const last = size - at <= pieceBytes
      await output.write(convert(index, last, buffer.subarray(0, bytesRead)))
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
