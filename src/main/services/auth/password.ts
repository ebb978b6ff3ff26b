import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * Password (and recovery code) hashing with scrypt, memory-hard: N = 2^15, r = 8, p = 1
 * (32 MiB and some 50-100 ms per hash on an office PC), a random 16-byte salt, a 32-byte key.
 * The parameters are stored with the hash, so they can be raised later while old hashes still
 * verify: `scrypt$N$r$p$salt$hash` (base64url). scrypt runs on libuv's thread pool (the async
 * call), so a sign-in never blocks other calls.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 }
const KEY_BYTES = 32
const SALT_BYTES = 16

function derive(secret: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  // 128·N·r bytes of memory, with room to spare (Node's default cap is exactly 32 MiB).
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r }
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(secret, salt, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Compares in constant time; a malformed stored value never matches. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const params = { N: Number(n), r: Number(r), p: Number(p) }
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(secret, Buffer.from(salt, 'base64url'), params)
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/**
 * A hash of a password nobody has, verified when the username is unknown, so that a wrong
 * username takes as long to refuse as a wrong password.
 */
let decoy: Promise<string> | undefined
export const decoyHash = (): Promise<string> => (decoy ??= hashSecret(randomBytes(16).toString('hex')))

/** A recovery code: 20 characters in groups of five, from letters and digits that cannot be confused. */
export function newRecoveryCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(20)
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]!)
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-')
}

/** The code as typed, in the form it was hashed: upper case, without spaces or dashes. */
export const normalizeRecoveryCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '')
