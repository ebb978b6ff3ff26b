import { DomainError } from '@shared/api/errors'
import { DEFAULT_SERVER_PORT } from '../server/serverArgs'

export interface ServerAddress {
  /** https://host:port, the form kept in the desk's settings and shown to the clerk. */
  origin: string
  /** The host name or address, IPv6 without its brackets (what a TLS connection takes). */
  host: string
  port: number
}

const refuse = (messageKey: string, params?: Record<string, string | number>): never => {
  throw new DomainError('validation', 'errors.validation', [{ path: ['address'], messageKey, params }])
}

/**
 * What the clerk typed (no port: the server's default, 4780) as the server's address, as the desk connects to it: `akimat-server`,
 * `192.168.1.10:4780` or the whole `https://akimat-server:4780/` the server printed. The
 * server speaks HTTPS only, so `http://` is refused rather than quietly changed (a typo or
 * another program); a path, a query or a user name is not part of a server's address.
 */
export function parseServerAddress(typed: string): ServerAddress {
  const text = typed.trim()
  if (text.length === 0) refuse('validation.required')
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase()
  if (scheme !== undefined && scheme !== 'https') refuse('desk.address.httpsOnly')
  let url: URL
  try {
    url = new URL(scheme ? text : `https://${text}`)
  } catch {
    return refuse('desk.address.invalid')
  }
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    refuse('desk.address.hostOnly')
  }
  if (url.hostname.length === 0) refuse('desk.address.invalid')
  // URL drops the default port (443) from `port`: an explicit https://host:443 still means 443.
  const explicit443 = /:443(\/|$)/.test(text.replace(/^https:\/\//i, ''))
  const port = url.port ? Number(url.port) : explicit443 ? 443 : DEFAULT_SERVER_PORT
  if (port < 1) refuse('desk.address.invalid')
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const shownHost = host.includes(':') ? `[${host}]` : host
  return { origin: `https://${shownHost}:${port}`, host, port }
}
