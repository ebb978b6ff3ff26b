import { CONTENT_SECURITY_POLICY } from './csp'

/**
 * The headers every page and file of the renderer is served with, by web mode's server and
 * by the desktop window's app:// protocol alike: the CSP, no MIME sniffing, no referrer sent
 * to outside links, no framing by another page.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
})
