import { createPrivateKey, X509Certificate } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname, networkInterfaces } from 'node:os'
import { join } from 'node:path'
import type { ServerCertificateInfo } from '@shared/api/contract'
import { writeFileDurably } from '../services/durableFile'
import { ensurePrivateDir } from '../services/auditKey'
import { makeSelfSignedCertificate } from './selfSignedCertificate'

/** Ten years: each desk pins the fingerprint, so a new certificate means every desk confirming again. */
const SELF_SIGNED_DAYS = 3650

/** What the HTTPS server is started with, and what the server says about it. */
export interface ServerCertificate {
  cert: string
  key: string
  info: ServerCertificateInfo
}

/** The folder under the server's state that holds the certificate it made. */
export const tlsDirOf = (stateDir: string): string => join(stateDir, 'tls')

/**
 * The office's own certificate and key (`--cert FILE --key FILE`): the certificate file may
 * carry the chain after it; the key must be the first certificate's.
 */
export function officeCertificate(certFile: string, keyFile: string): ServerCertificate {
  const cert = readFileSync(certFile, 'utf8')
  const key = readFileSync(keyFile, 'utf8')
  const leaf = new X509Certificate(cert)
  if (!leaf.checkPrivateKey(createPrivateKey(key)))
    throw new Error(`--key ${keyFile} is not the key of the certificate in --cert ${certFile}`)
  return { cert, key, info: describe(leaf, 'office') }
}

/**
 * The certificate the server made on its first start, from `<state>/tls/`, or a new one made
 * and kept there (the key readable by the server's account only). Made once: a desk that
 * confirmed its fingerprint keeps trusting the server across restarts.
 */
export function selfSignedCertificate(stateDir: string, now = new Date()): ServerCertificate {
  const dir = tlsDirOf(stateDir)
  const certFile = join(dir, 'server.crt')
  const keyFile = join(dir, 'server.key')
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8')
    const key = readFileSync(keyFile, 'utf8')
    return { cert, key, info: describe(new X509Certificate(cert), 'generated') }
  }
  // The state folder as any folder (with --embedded-postgres it is also PostgreSQL's, which
  // the postgres user must enter); only the certificate's own folder is private.
  mkdirSync(stateDir, { recursive: true })
  ensurePrivateDir(dir)
  const made = makeSelfSignedCertificate({ names: serverNames(), now, days: SELF_SIGNED_DAYS })
  // The key first: a certificate file never stands without its key.
  writeFileDurably(keyFile, made.keyPem, 0o600)
  writeFileSync(certFile, made.certPem, { mode: 0o644 })
  return { cert: made.certPem, key: made.keyPem, info: describe(new X509Certificate(made.certPem), 'generated') }
}

/** The names a desk may use for this computer: its host name, localhost, and its addresses. */
function serverNames(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry !== undefined && !entry.address.startsWith('fe80'))
    .map((entry) => entry!.address)
  return [hostname(), 'localhost', ...addresses]
}

function describe(cert: X509Certificate, source: ServerCertificateInfo['source']): ServerCertificateInfo {
  return {
    fingerprint256: cert.fingerprint256,
    subject: cert.subject.replace(/\n/g, ', '),
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    source,
  }
}
