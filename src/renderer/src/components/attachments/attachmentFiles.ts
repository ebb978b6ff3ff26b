import type { Attachment } from '@shared/api/contract'
import { call } from '../../api/client'
import { downloadBase64 } from '../../api/files'

/**
 * Where the page opens an attachment. Web mode and the office server serve it at
 * `/api/attachment/<id>` (http/attachmentRoute.ts) with its own type and `inline`, so the
 * browser shows an image or opens its PDF viewer; the desktop window has no such address and
 * asks the core for the bytes (`attachments.content`). Either way the core records the opening.
 */
const onDesktop = (): boolean => window.akimatDesk !== undefined

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))

/** An address an <img> can show the image from; a blob: URL on the desktop (revoke it when done). */
export async function imageUrl(attachment: Attachment): Promise<string> {
  if (!onDesktop()) return `/api/attachment/${attachment.id}`
  const { base64, mediaType } = await call('attachments.content', { id: attachment.id })
  return URL.createObjectURL(new Blob([bytesOf(base64)], { type: mediaType }))
}

/** A PDF in the browser's viewer, in a new tab; the desktop saves it instead (its window opens no other page). */
export async function openDocument(attachment: Attachment): Promise<void> {
  if (onDesktop()) return download(attachment)
  window.open(`/api/attachment/${attachment.id}`, '_blank', 'noopener')
}

export async function download(attachment: Attachment): Promise<void> {
  if (!onDesktop()) {
    const anchor = document.createElement('a')
    anchor.href = `/api/attachment/${attachment.id}?download`
    anchor.download = attachment.fileName
    anchor.click()
    return
  }
  const { base64, fileName } = await call('attachments.content', { id: attachment.id })
  downloadBase64(base64, fileName)
}
