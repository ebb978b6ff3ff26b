import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto'

/**
 * The encrypted copy's format (backups taken off the computer, consolidation packages):
 *
 *   header  "AKMDCRYP" | version u8 | log2 N u8 | r u8 | p u8 | chunk size u32 BE
 *           | salt (16) | nonce prefix (7) | key check (16)
 *   chunks  AES-256-GCM of each `chunk size` bytes of the plain file, its 16-byte tag after it;
 *           nonce = prefix | chunk index u32 BE | 1 on the last chunk, else 0; AAD = the header.
 *
 * The key is scrypt(passphrase, salt) (64 bytes: the AES key, then the check). The check lets a
 * wrong passphrase be told from an altered file; every chunk's tag covers the header, its place
 * and whether it ends the file, so a flipped byte, a chunk moved or dropped, or a cut file all fail.
 */
export const MAGIC = Buffer.from('AKMDCRYP', 'latin1')
export const FORMAT_VERSION = 1
const SALT_BYTES = 16
const PREFIX_BYTES = 7
const CHECK_BYTES = 16
export const TAG_BYTES = 16
export const HEADER_BYTES = MAGIC.length + 1 + 3 + 4 + SALT_BYTES + PREFIX_BYTES + CHECK_BYTES

/** 1 MiB chunks: a gigabyte backup goes through in 1,024 of them, never whole in memory. */
export const DEFAULT_CHUNK_BYTES = 1024 * 1024

export interface KdfParams {
  log2N: number
  r: number
  p: number
}

/** scrypt with N = 2^15, r = 8, p = 1: about 32 MiB and a tenth of a second a try. */
export const DEFAULT_KDF: KdfParams = { log2N: 15, r: 8, p: 1 }

/** What a header may ask for; beyond it a file is refused rather than let exhaust memory or time. */
const KDF_LIMITS = { log2N: [14, 20], r: [8, 16], p: [1, 4] } as const
const CHUNK_LIMITS = [1024, 16 * 1024 * 1024] as const

/** Why a file cannot be opened: the passphrase does not fit it, or the file is not whole. */
export class DecryptionError extends Error {
  constructor(readonly reason: 'wrongPassphrase' | 'damaged') {
    super(`encrypted file: ${reason}`)
  }
}

export interface Header {
  bytes: Buffer
  kdf: KdfParams
  chunkBytes: number
  salt: Buffer
  prefix: Buffer
  check: Buffer
}

export interface Keys {
  key: Buffer
  check: Buffer
}

export function isEncrypted(start: Buffer): boolean {
  return start.length >= MAGIC.length && start.subarray(0, MAGIC.length).equals(MAGIC)
}

export function deriveKeys(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Keys> {
  const N = 2 ** kdf.log2N
  const options: ScryptOptions = { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r * kdf.p + 1024 * 1024 }
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 64, options, (error, derived) =>
      error ? reject(error) : resolve({ key: derived.subarray(0, 32), check: derived.subarray(32, 32 + CHECK_BYTES) }),
    ),
  )
}

/** A new header (fresh salt and nonce prefix) and its keys, for one file. */
export async function newHeader(
  passphrase: string,
  kdf: KdfParams = DEFAULT_KDF,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): Promise<{ header: Header; key: Buffer }> {
  const salt = randomBytes(SALT_BYTES)
  const prefix = randomBytes(PREFIX_BYTES)
  const keys = await deriveKeys(passphrase, salt, kdf)
  const bytes = Buffer.alloc(HEADER_BYTES)
  let at = MAGIC.copy(bytes, 0)
  at = bytes.writeUInt8(FORMAT_VERSION, at)
  at = bytes.writeUInt8(kdf.log2N, at)
  at = bytes.writeUInt8(kdf.r, at)
  at = bytes.writeUInt8(kdf.p, at)
  at = bytes.writeUInt32BE(chunkBytes, at)
  at += salt.copy(bytes, at)
  at += prefix.copy(bytes, at)
  keys.check.copy(bytes, at)
  return { header: { bytes, kdf, chunkBytes, salt, prefix, check: keys.check }, key: keys.key }
}

/** Reads a header; anything out of shape or beyond the limits is a damaged file. */
export function parseHeader(bytes: Buffer): Header {
  if (bytes.length < HEADER_BYTES || !isEncrypted(bytes)) throw new DecryptionError('damaged')
  const head = Buffer.from(bytes.subarray(0, HEADER_BYTES))
  let at = MAGIC.length
  const version = head.readUInt8(at++)
  const kdf = { log2N: head.readUInt8(at++), r: head.readUInt8(at++), p: head.readUInt8(at++) }
  const chunkBytes = head.readUInt32BE(at)
  at += 4
  const salt = head.subarray(at, (at += SALT_BYTES))
  const prefix = head.subarray(at, (at += PREFIX_BYTES))
  const check = head.subarray(at, at + CHECK_BYTES)
  const within = (value: number, [low, high]: readonly [number, number]) => value >= low && value <= high
  if (
    version !== FORMAT_VERSION ||
    !within(kdf.log2N, KDF_LIMITS.log2N) ||
    !within(kdf.r, KDF_LIMITS.r) ||
    !within(kdf.p, KDF_LIMITS.p) ||
    !within(chunkBytes, CHUNK_LIMITS)
  ) {
    throw new DecryptionError('damaged')
  }
  return { bytes: head, kdf, chunkBytes, salt, prefix, check }
}

/** The key for a header, or a refusal when the passphrase's check does not match. */
export async function keyFor(header: Header, passphrase: string): Promise<Buffer> {
  const keys = await deriveKeys(passphrase, header.salt, header.kdf)
  if (!keys.check.equals(header.check)) throw new DecryptionError('wrongPassphrase')
  return keys.key
}

function nonce(header: Header, index: number, last: boolean): Buffer {
  const bytes = Buffer.alloc(12)
  header.prefix.copy(bytes, 0)
  bytes.writeUInt32BE(index, 7)
  bytes.writeUInt8(last ? 1 : 0, 11)
  return bytes
}

/** One chunk sealed: its ciphertext, then its tag. */
export function sealChunk(key: Buffer, header: Header, index: number, last: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(header, index, last))
  cipher.setAAD(header.bytes)
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()])
}

/** One chunk opened; a tag that does not match (an altered, moved or cut chunk) is a damaged file. */
export function openChunk(key: Buffer, header: Header, index: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < TAG_BYTES) throw new DecryptionError('damaged')
  const decipher = createDecipheriv('aes-256-gcm', key, nonce(header, index, last))
  decipher.setAAD(header.bytes)
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()])
  } catch {
    throw new DecryptionError('damaged')
  }
}

/** A whole buffer (a consolidation package, already in memory as the API carries it). */
export async function encryptBuffer(
  plain: Buffer,
  passphrase: string,
  kdf?: KdfParams,
  chunkBytes?: number,
): Promise<Buffer> {
  const { header, key } = await newHeader(passphrase, kdf, chunkBytes)
  const parts = [header.bytes]
  let index = 0
  for (let at = 0; ; at += header.chunkBytes, index++) {
    const last = plain.length - at <= header.chunkBytes
    parts.push(sealChunk(key, header, index, last, plain.subarray(at, at + header.chunkBytes)))
    if (last) break
  }
  return Buffer.concat(parts)
}

export async function decryptBuffer(bytes: Buffer, passphrase: string): Promise<Buffer> {
  const header = parseHeader(bytes)
  const key = await keyFor(header, passphrase)
  const sealedBytes = header.chunkBytes + TAG_BYTES
  const parts: Buffer[] = []
  let index = 0
  for (let at = HEADER_BYTES; ; at += sealedBytes, index++) {
    const last = bytes.length - at <= sealedBytes
    parts.push(openChunk(key, header, index, last, bytes.subarray(at, at + sealedBytes)))
    if (last) break
  }
  return Buffer.concat(parts)
}
