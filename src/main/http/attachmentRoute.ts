import type { IncomingMessage, ServerResponse } from 'node:http'
import { ATTACHMENT_MEDIA_TYPES } from '@shared/domain/attachment'
import type { Dispatch } from '../api/dispatcher'
import type { DoorRules } from './doorRules'

/** `GET /api/attachment/<id>` shows the file; `?download` saves it. Under /api/, where the session cookie goes. */
const PATH = /^\/api\/attachment\/(\d{1,12})$/

/**
 * An attachment's bytes for the browser's own viewers: an image in an <img>, a PDF in a new tab
 * (Chromium's viewer), or a download. A GET, because neither an <img> nor a new tab can send a
 * header: so it needs the session (the page's HttpOnly, SameSite=Strict cookie, or a bearer)
 * but not web mode's per-start token, which guards the calls that change things; a GET here
 * only reads, and only what the session's user may open (the same `attachments.content` call,
 * with its permission check and its history entry). Only the allowed media types are ever
 * served, with nosniff, so no attachment is ever taken for a page.
 */
export async function serveAttachment(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  dispatch: Dispatch,
  rules: DoorRules,
  session: string | null,
): Promise<boolean> {
  const match = PATH.exec(url.pathname)
  if (!match) return false
  if (req.method !== 'GET') {
    res.writeHead(405, { Allow: 'GET' }).end()
    return true
  }
  // Only the page itself (or the address typed): another site cannot embed or fetch it.
  const site = req.headers['sec-fetch-site']
  const origin = req.headers.origin
  if (
    (site !== undefined && site !== 'same-origin' && site !== 'none') ||
    (origin && !rules.originAllowed(origin, req.headers.host ?? ''))
  ) {
    res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden')
    return true
  }
  const answer = await dispatch(
    'attachments.content',
    { id: Number(match[1]) },
    { session, operator: null, door: rules.door },
  )
  if (!answer.ok) {
    const status = { signed_out: 401, locked: 401, forbidden: 403, not_found: 404 }[answer.error.code as string] ?? 500
    res.writeHead(status, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end(answer.error.code)
    return true
  }
  const { fileName, mediaType, base64 } = answer.data as { fileName: string; mediaType: string; base64: string }
  if (!(ATTACHMENT_MEDIA_TYPES as string[]).includes(mediaType)) {
    res.writeHead(415).end()
    return true
  }
  const bytes = Buffer.from(base64, 'base64')
  const disposition = url.searchParams.has('download') ? 'attachment' : 'inline'
  res.writeHead(200, {
    'Content-Type': mediaType,
    'Content-Length': bytes.length,
    'Content-Disposition': `${disposition}; filename="${asciiName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'Cache-Control': 'private, no-store',
  })
  res.end(bytes)
  return true
}

/** The file name for old readers of the header: ASCII only, no quotes or backslashes. */
function asciiName(fileName: string): string {
  return fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
}
