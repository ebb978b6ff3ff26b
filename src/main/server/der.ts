/**
 * The few DER (ASN.1) encodings an X.509 certificate needs, written out by hand: Node can sign
 * and export keys but has no certificate builder, and these dozen lines replace a dependency.
 * Every function returns the complete element (tag, length, contents).
 */

function element(tag: number, contents: Buffer): Buffer {
  const length = contents.length
  if (length < 0x80) return Buffer.concat([Buffer.from([tag, length]), contents])
  const bytes: number[] = []
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256)
  return Buffer.concat([Buffer.from([tag, 0x80 | bytes.length, ...bytes]), contents])
}

export const sequence = (...items: Buffer[]): Buffer => element(0x30, Buffer.concat(items))
export const set = (...items: Buffer[]): Buffer => element(0x31, Buffer.concat(items))

/** A non-negative INTEGER from its big-endian bytes: leading zeros dropped, a 0x00 put back when the top bit is set. */
export function integer(value: Buffer | number): Buffer {
  let bytes = typeof value === 'number' ? Buffer.from([value]) : value
  while (bytes.length > 1 && bytes[0] === 0 && bytes[1]! < 0x80) bytes = bytes.subarray(1)
  if (bytes[0]! >= 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes])
  return element(0x02, bytes)
}

export const boolean = (value: boolean): Buffer => element(0x01, Buffer.from([value ? 0xff : 0]))
export const octetString = (contents: Buffer): Buffer => element(0x04, contents)
/** A BIT STRING of whole bytes, or of `unusedBits` fewer bits in its last byte. */
export const bitString = (contents: Buffer, unusedBits = 0): Buffer =>
  element(0x03, Buffer.concat([Buffer.from([unusedBits]), contents]))
export const utf8String = (text: string): Buffer => element(0x0c, Buffer.from(text, 'utf8'))

/** An OBJECT IDENTIFIER from its dotted form (1.2.840.10045.4.3.2). */
export function objectId(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number)
  const bytes = [first! * 40 + second!]
  for (const arc of rest) {
    const groups = [arc & 0x7f]
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128))
      groups.unshift(0x80 | (value & 0x7f))
    bytes.push(...groups)
  }
  return element(0x06, Buffer.from(bytes))
}

/** UTCTime up to 2049, GeneralizedTime from 2050 on (RFC 5280 4.1.2.5), to the second, in UTC. */
export function time(at: Date): Buffer {
  const iso = at.toISOString() // 2026-12-07T10:36:47.123Z
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '') // 20261207103647
  const year = at.getUTCFullYear()
  return year < 2050
    ? element(0x17, Buffer.from(`${digits.slice(2)}Z`, 'ascii'))
    : element(0x18, Buffer.from(`${digits}Z`, 'ascii'))
}

/** [n] EXPLICIT: the element wrapped in a constructed context tag. */
export const explicit = (n: number, inner: Buffer): Buffer => element(0xa0 | n, inner)
/** [n] IMPLICIT on a primitive: the contents given the context tag instead of their own. */
export const implicit = (n: number, contents: Buffer): Buffer => element(0x80 | n, contents)
