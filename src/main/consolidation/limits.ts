import { gunzipSync } from 'node:zlib'
import { DomainError } from '@shared/api/errors'

/**
 * How far a package may unpack. A package is JSON, which gzip packs about 22 to one even when
 * its appeals are copies of one (consolidation-limits.test.ts; varied real appeals pack
 * looser); a "zip bomb" packs a thousand to one. So a package may unpack to at most `ratio`
 * times its size (plus some room, so that a small package is never refused by the ratio), and
 * never past `jsonBytes`: just under V8's longest string (2^29 characters), which JSON.parse
 * needs whole. At ~1.3 KB of JSON an appeal that is some 380,000 appeals in one package: an
 * okrug's many years (a package is one okrug's share; the district's million appeals come in
 * many). Unpacking stops at the cap: memory never holds more than it.
 */
export const PACKAGE_LIMITS = {
  /** Unpacked bytes per packed byte. */
  ratio: 100,
  /** Allowance over the ratio, so that a small package is never refused by it. */
  slackBytes: 16 * 2 ** 20,
  /** The JSON text of any package. */
  jsonBytes: 480 * 2 ** 20,
} as const

export type PackageLimit = 'unpacked' | 'ratio'

const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20)

/** What `packed` bytes of gzip may unpack to, and which limit that is. */
export function unpackedCap(packed: number): { bytes: number; limit: PackageLimit } {
  const byRatio = packed * PACKAGE_LIMITS.ratio + PACKAGE_LIMITS.slackBytes
  return byRatio < PACKAGE_LIMITS.jsonBytes
    ? { bytes: byRatio, limit: 'ratio' }
    : { bytes: PACKAGE_LIMITS.jsonBytes, limit: 'unpacked' }
}

/** Refused for the limit hit, on the file's field (`base64`), with what the limit is. */
export function packageTooLarge(limit: PackageLimit, cap: number): DomainError {
  return new DomainError('validation', 'consolidationUi.errors.tooLarge', [
    {
      path: ['base64'],
      messageKey: `consolidationUi.errors.limits.${limit}`,
      params: { limit: megabytes(cap), ratio: PACKAGE_LIMITS.ratio },
    },
  ])
}

/**
 * The package's gzip unpacked no further than the cap, or the refusal. The size a gzip's
 * trailer declares is not read: a file cut short ends in whatever bytes it was cut at, and is
 * `damaged` (a stream that does not unpack whole), not too large.
 */
export function gunzipCapped(bytes: Buffer, damaged: () => Error): Buffer {
  const cap = unpackedCap(bytes.length)
  try {
    return gunzipSync(bytes, { maxOutputLength: cap.bytes })
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw packageTooLarge(cap.limit, cap.bytes)
    throw damaged()
  }
}
