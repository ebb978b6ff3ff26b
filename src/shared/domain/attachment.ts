/**
 * What may be attached to an appeal or a meeting, decided in one place for the core (which
 * judges the bytes) and the page (which refuses a file before sending it).
 *
 * JPEG and PNG (a phone's photo, a scanner's image) and PDF (a scanned letter, an answer
 * letter): what offices scan and photograph, and what every browser and the desktop window show
 * without a plug-in. Nothing that can carry script or macros into the page (SVG, HTML, office
 * documents), and no image a browser cannot show (TIFF, HEIC): a preview must always work.
 */
export const ATTACHMENT_TYPES = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/pdf': ['pdf'],
} as const

export type AttachmentMediaType = keyof typeof ATTACHMENT_TYPES

export const ATTACHMENT_MEDIA_TYPES = Object.keys(ATTACHMENT_TYPES) as AttachmentMediaType[]

/** A scanned letter of a dozen pages at 300 dpi stays well under it; a video does not. */
export const ATTACHMENT_MAX_BYTES = 20 * 2 ** 20

/** The records a file can be attached to. */
export const ATTACHMENT_OWNERS = ['appeal', 'meeting'] as const
export type AttachmentOwnerKind = (typeof ATTACHMENT_OWNERS)[number]

/** The lower-case extension of a file name ('' when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

/** The media type a file name's extension claims, or null for one not allowed. */
export function mediaTypeByName(fileName: string): AttachmentMediaType | null {
  const extension = extensionOf(fileName)
  return (
    ATTACHMENT_MEDIA_TYPES.find((type) => (ATTACHMENT_TYPES[type] as readonly string[]).includes(extension)) ?? null
  )
}

/** The accept attribute of the page's file picker. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_MEDIA_TYPES.flatMap((type) => [
  type,
  ...ATTACHMENT_TYPES[type].map((extension) => `.${extension}`),
]).join(',')

/** What the bytes are, by their signature: the name alone proves nothing. Null: none allowed. */
export function mediaTypeBySignature(bytes: Uint8Array): AttachmentMediaType | null {
  const starts = (signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte)
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  // '%PDF-': readers accept it within the first kilobyte (some scanners write a few bytes before it)
  const head = bytes.subarray(0, 1024)
  for (let at = 0; at + 5 <= head.length; at++) if (starts([0x25, 0x50, 0x44, 0x46, 0x2d], at)) return 'application/pdf'
  return null
}
