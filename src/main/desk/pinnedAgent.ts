import { Agent, type AgentOptions, type RequestOptions } from 'node:https'
import type { Duplex } from 'node:stream'
import { connect, type TLSSocket } from 'node:tls'
import { isIP } from 'node:net'

/** The server presented a certificate whose fingerprint is not the one the desk trusted. */
export class CertificateChangedError extends Error {
  constructor(readonly presented: string) {
    super('the server presented another certificate than the one trusted')
    this.name = 'CertificateChangedError'
  }
}

/** A TCP and TLS connection that did not complete in time: a server that does not answer. */
export class ConnectTimeoutError extends Error {
  readonly code = 'ETIMEDOUT'
  constructor() {
    super('the connection to the server timed out')
  }
}

/** Normalised as Node and the server print it: upper-case hex pairs separated by colons. */
export const normaliseFingerprint = (text: string): string => text.trim().toUpperCase()

/**
 * Opens a TLS connection and hands it over only once the handshake is done and the certificate
 * presented is checked by `accept`; before that nothing is written on it, so no request, body or
 * session token ever reaches a server that was not checked. CA verification cannot be the gate
 * here (an office server's certificate is self-signed as a rule), and Node calls a
 * `checkServerIdentity` only for a certificate that passed it (an unverified self-signed one
 * skips it, and `rejectUnauthorized: false` would then go on regardless): hence the check on
 * `secureConnect`, before the socket is given to the HTTP layer.
 */
export function checkedTlsSocket(
  options: { host: string; port: number },
  accept: (socket: TLSSocket) => Error | null,
  timeoutMs: number,
  done: (error: Error | null, socket?: TLSSocket) => void,
): void {
  const socket = connect({
    host: options.host,
    port: options.port,
    // SNI takes a host name only; an address is sent as none.
    servername: isIP(options.host) ? '' : options.host,
    rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
  })
  let settled = false
  const finish = (error: Error | null) => {
    if (settled) return
    settled = true
    clearTimeout(timer)
    socket.removeListener('error', finish)
    if (error) {
      socket.destroy()
      done(error)
    } else done(null, socket)
  }
  const timer = setTimeout(() => finish(new ConnectTimeoutError()), timeoutMs)
  socket.once('secureConnect', () => finish(accept(socket)))
  socket.on('error', finish)
}

/**
 * An HTTPS agent whose every connection is pinned to one certificate fingerprint (trust on
 * first use: the clerk compared it once). Connections are kept alive between calls; each new
 * one is checked again.
 */
export class PinnedAgent extends Agent {
  constructor(
    private readonly fingerprint256: string,
    private readonly connectTimeoutMs: number,
    options: AgentOptions = {},
  ) {
    super({ keepAlive: true, ...options })
  }

  override createConnection(
    options: RequestOptions,
    callback?: (error: Error | null, socket: Duplex) => void,
  ): Duplex | undefined {
    const pinned = normaliseFingerprint(this.fingerprint256)
    checkedTlsSocket(
      { host: options.host ?? 'localhost', port: Number(options.port ?? 443) },
      (socket) => {
        const presented = socket.getPeerCertificate().fingerprint256 ?? ''
        return presented === pinned ? null : new CertificateChangedError(presented)
      },
      this.connectTimeoutMs,
      (error, socket) => callback?.(error, socket as Duplex),
    )
    return undefined
  }
}
