import { request } from 'node:https'
import { DomainError } from '@shared/api/errors'
import type { ServerProbe } from '@shared/api/desk'
import { CertificateChangedError, checkedTlsSocket, PinnedAgent } from './pinnedAgent'
import { parseServerAddress, type ServerAddress } from './serverAddress'

const PROBE_TIMEOUT_MS = 5_000

/** The certificate a server presents, read in the handshake and not trusted by reading it. */
function presentedCertificate(server: ServerAddress, timeoutMs: number) {
  return new Promise<{ fingerprint256: string; names: string[]; validTo: string }>((resolve, reject) => {
    checkedTlsSocket(
      server,
      () => null,
      timeoutMs,
      (error, socket) => {
        if (error || !socket) return reject(error ?? new Error('no connection'))
        const certificate = socket.getPeerCertificate()
        socket.end()
        resolve({
          fingerprint256: certificate.fingerprint256,
          names: (certificate.subjectaltname ?? '')
            .split(', ')
            .filter(Boolean)
            .map((name) => name.replace(/^(DNS|IP Address):/, '')),
          validTo: new Date(certificate.valid_to).toISOString(),
        })
      },
    )
  })
}

/** GET /health over a connection pinned to the certificate just read: the server's version. */
function healthOf(server: ServerAddress, fingerprint256: string, timeoutMs: number): Promise<unknown> {
  const agent = new PinnedAgent(fingerprint256, timeoutMs, { keepAlive: false })
  return new Promise<unknown>((resolve, reject) => {
    const req = request({ host: server.host, port: server.port, path: '/health', agent, timeout: timeoutMs }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => {
        try {
          resolve(JSON.parse(text))
        } catch {
          resolve(null)
        }
      })
    })
    req.on('timeout', () => req.destroy(new Error('no answer in time')))
    req.on('error', reject)
    req.end()
  }).finally(() => agent.destroy())
}

const field = (messageKey: string, params?: Record<string, string>) =>
  new DomainError('validation', 'errors.validation', [{ path: ['address'], messageKey, params }])

/**
 * The first-start dialog's look at a server before the clerk trusts it: the fingerprint of the
 * certificate it presents (to be compared with the one the server printed and Settings shows
 * its administrator), and its health check's version, which tells an office server from another
 * program on that port. Nothing is sent but the handshake and `GET /health` (no name, no
 * password, no data), and nothing is stored: `connect` stores the address and the fingerprint
 * once the clerk confirms.
 */
export async function probeServer(typed: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<ServerProbe> {
  const server = parseServerAddress(typed)
  let certificate
  let health: unknown
  try {
    certificate = await presentedCertificate(server, timeoutMs)
    health = await healthOf(server, certificate.fingerprint256, timeoutMs)
  } catch (error) {
    // The certificate changed between the two connections (a server being re-made): look again.
    if (error instanceof CertificateChangedError) throw field('desk.probe.changedWhileLooking')
    throw field('desk.probe.noAnswer', { address: server.origin })
  }
  const version = (health as { version?: unknown } | null)?.version
  const engine = (health as { engine?: unknown } | null)?.engine
  if (typeof version !== 'string' || typeof engine !== 'string') {
    throw field('desk.probe.notOfficeServer', { address: server.origin })
  }
  return { address: server.origin, ...certificate, version }
}
