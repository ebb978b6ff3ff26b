import { timingSafeEqual } from 'node:crypto'
import type { DoorRules } from './doorRules'

/** Header the renderer sends the token in (a custom header also forces a CORS preflight). */
export const TOKEN_HEADER = 'x-akimat-token'

/**
 * Web mode: a browser on this machine, on 127.0.0.1. Other pages open in the same browser
 * cannot use it: every API call needs the per-start token, the Host header must name this
 * server (against DNS rebinding), and only its own origin may call.
 */
export function localRules(token: string, port: () => number): DoorRules {
  const expected = Buffer.from(token)
  const hosts = () => [`127.0.0.1:${port()}`, `localhost:${port()}`]
  return {
    door: 'web',
    headers: {},
    secureCookies: false,
    hostAllowed: (host) => hosts().includes(host),
    originAllowed: (origin) => hosts().some((host) => origin === `http://${host}`),
    tokenOk(req) {
      const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''))
      return given.length === expected.length && timingSafeEqual(given, expected)
    },
  }
}
