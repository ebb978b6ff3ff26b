import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { contentTypeOf } from '../http/contentTypes'
import { fileWithin } from '../security/fileWithin'
import { SECURITY_HEADERS } from '../security/headers'

/**
 * The desktop window's own origin: the built renderer is served as app://desk/… rather than
 * file://, so that its responses carry real headers (the CSP above all), its origin is not
 * shared with every file on the disk, and the IPC sender check has one exact origin to trust.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_HOME = `${APP_ORIGIN}/index.html`

/**
 * How the scheme is registered (protocol.registerSchemesAsPrivileged, before the app is
 * ready): standard (an origin, relative URLs), secure (like https: no mixed-content
 * downgrade), fetch for the page's own assets, and CORS-enabled because the built page loads
 * its bundle as `<script type="module" crossorigin>`, a CORS-mode request that Chromium
 * otherwise refuses for a custom scheme. CORS itself still applies: the handler never sends
 * Access-Control-Allow-Origin, so no other origin can read an app:// response. Nothing else:
 * no service workers, no bypass of the CSP.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
} as const

/** What the handler needs of a request: Electron's protocol.handle passes a full Request. */
export type AppRequest = Pick<Request, 'url' | 'method'>

/**
 * The app:// protocol handler (protocol.handle): serves only files of the built renderer
 * folder, by GET or HEAD, with the security headers and the file's MIME type. A path with a
 * backslash, a colon or a NUL, one that would leave the folder once resolved, another host,
 * or one that names no file gets a 404 and nothing is read. The client routes by the URL's
 * hash, so there is no fallback to index.html for unknown paths.
 */
export function appProtocolHandler(rendererDir: string): (request: AppRequest) => Promise<Response> {
  const root = resolve(rendererDir)
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed')
    const file = fileFor(root, request.url)
    if (!file || !(await isFile(file))) return plain(404, 'Not found')
    const body = request.method === 'HEAD' ? null : await readFile(file)
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache' },
    })
  }
}

/** The file a URL names inside the renderer folder, or null when it names none there. */
function fileFor(root: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  const file = fileWithin(root, parsed.pathname === '/' ? '/index.html' : parsed.pathname)
  return file === 'malformed' || file === root ? null : file
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
