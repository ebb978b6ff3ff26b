import { generateKeyPairSync, randomBytes, sign } from 'node:crypto'
import { isIP } from 'node:net'
import {
  bitString,
  boolean,
  explicit,
  implicit,
  integer,
  objectId,
  octetString,
  sequence,
  set,
  time,
  utf8String,
} from './der'

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const

export interface SelfSignedRequest {
  /** The names desks may reach the server by: host names and IP addresses (IPv4 or IPv6). */
  names: string[]
  /** The certificate's first day (its validity starts a day earlier, for clocks that lag). */
  now: Date
  /** How long it is valid: every desk pins its fingerprint, so a new one means confirming again. */
  days: number
}

export interface MadeCertificate {
  certPem: string
  keyPem: string
}

const extension = (oid: string, critical: boolean, value: Buffer): Buffer =>
  sequence(objectId(oid), ...(critical ? [boolean(true)] : []), octetString(value))

/** subjectAltName: dNSName [2] for names, iPAddress [7] (4 or 16 bytes) for addresses. */
function altName(name: string): Buffer {
  const kind = isIP(name)
  if (kind === 4) return implicit(7, Buffer.from(name.split('.').map(Number)))
  if (kind === 6) return implicit(7, ipv6Bytes(name))
  return implicit(2, Buffer.from(name, 'ascii'))
}

function ipv6Bytes(address: string): Buffer {
  const [head, tail] = address.split('%')[0]!.split('::') as [string, string | undefined]
  const groups = (part: string | undefined) => (part ? part.split(':') : [])
  const left = groups(head)
  const right = groups(tail)
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0')
  const all = [...left, ...middle, ...right]
  return Buffer.from(all.flatMap((group) => [parseInt(group, 16) >> 8, parseInt(group, 16) & 0xff]))
}

/**
 * A self-signed TLS server certificate on a new ECDSA P-256 key, signed with SHA-256: what the
 * office server makes on its first start when the office has no certificate of its own. It is
 * an end-entity certificate (not a CA) for TLS servers, naming the given host names and
 * addresses; desks trust it by its SHA-256 fingerprint, confirmed once.
 */
export function makeSelfSignedCertificate(request: SelfSignedRequest): MadeCertificate {
  const names = [...new Set(request.names.filter((name) => name.length > 0))]
  if (names.length === 0) throw new Error('a certificate needs at least one name')
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const algorithm = sequence(objectId(OID.ecdsaWithSha256))
  const name = sequence(
    set(sequence(objectId(OID.organization), utf8String('Akimat Desk'))),
    set(sequence(objectId(OID.commonName), utf8String(names[0]!))),
  )
  const notBefore = new Date(request.now.getTime() - 86_400_000)
  const notAfter = new Date(request.now.getTime() + request.days * 86_400_000)
  // Serial numbers: positive, at most 20 bytes, unpredictable (RFC 5280 4.1.2.2).
  const serial = randomBytes(16)
  serial[0] = serial[0]! & 0x7f
  const tbs = sequence(
    explicit(0, integer(2)), // v3
    integer(serial),
    algorithm,
    name,
    sequence(time(notBefore), time(notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      sequence(
        extension(OID.basicConstraints, true, sequence()),
        // digitalSignature (bit 0) only: an ECDSA key signs the TLS handshake.
        extension(OID.keyUsage, true, bitString(Buffer.from([0x80]), 7)),
        extension(OID.extKeyUsage, false, sequence(objectId(OID.serverAuth))),
        extension(OID.subjectAltName, false, sequence(...names.map(altName))),
      ),
    ),
  )
  const signature = sign('sha256', tbs, privateKey)
  const der = sequence(tbs, algorithm, bitString(signature))
  const base64 = der.toString('base64').replace(/(.{64})/g, '$1\n')
  return {
    certPem: `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  }
}
