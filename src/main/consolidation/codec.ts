import { gzipSync } from 'node:zlib'
import { DomainError } from '@shared/api/errors'
import {
  packageChecksum,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  READABLE_PACKAGE_VERSIONS,
  type PackageBody,
  type PackageDocument,
} from './format'
import { sha256Of } from '../services/attachments/blobStore'
import { gunzipCapped } from './limits'
import { packageSchema } from './schema'

/** Why a file is refused; each reason is a message key in kk, ru and en (consolidationUi.errors). */
export type PackageProblem = 'damaged' | 'foreign' | 'newer' | 'invalid'

export const refused = (
  problem: PackageProblem | 'ownOffice' | 'recordClash' | 'numberClash' | 'attachmentDamaged',
  params?: Record<string, string>,
) =>
  new DomainError(
    'validation',
    `consolidationUi.errors.${problem}`,
    params ? [{ path: [], messageKey: `consolidationUi.errors.${problem}Detail`, params }] : [],
  )

/** The file: the document as JSON (UTF-8), gzip-compressed. */
export function encodePackage(body: PackageBody): Buffer {
  const document: PackageDocument = { ...body, checksum: packageChecksum(body) }
  return gzipSync(Buffer.from(JSON.stringify(document), 'utf8'))
}

const isGzip = (bytes: Buffer) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b

/**
 * Reads a package file, gzip-compressed or plain JSON, and refuses anything that is not a
 * whole, untouched package of a version this program knows. Runs before any transaction.
 */
export function decodePackage(bytes: Buffer): PackageDocument {
  let json: string
  if (isGzip(bytes)) {
    // Unpacked no further than the caps (limits.ts); a truncated or altered stream fails its CRC.
    json = gunzipCapped(bytes, () => refused('damaged')).toString('utf8')
  } else {
    json = bytes.toString('utf8')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(json.replace(/^\uFEFF/, ''))
  } catch {
    // A JSON document cut or altered is damaged; anything else (a spreadsheet, a database) is not ours.
    throw refused(/^\s*[{[]/.test(json.slice(0, 64)) ? 'damaged' : 'foreign')
  }
  const document = parsed as Record<string, unknown> | null
  if (
    document === null ||
    typeof document !== 'object' ||
    Array.isArray(document) ||
    document.format !== PACKAGE_FORMAT
  ) {
    throw refused('foreign')
  }
  if (typeof document.version === 'number' && document.version > PACKAGE_VERSION) throw refused('newer')
  if (!(READABLE_PACKAGE_VERSIONS as readonly unknown[]).includes(document.version)) throw refused('invalid')
  if (typeof document.checksum !== 'string' || document.checksum !== packageChecksum(document)) throw refused('damaged')
  const result = packageSchema.safeParse(document)
  if (!result.success) throw refused('invalid')
  checkReferences(result.data)
  checkAttachments(result.data)
  return result.data
}

/**
 * Every attachment's bytes are the ones its SHA-256 names, checked here, before any transaction
 * and before a blob is written: the checksum proves the document untouched since it was written,
 * this proves the okrug read whole files (and that no one rewrote both). One that does not match
 * refuses the package whole, naming the file.
 */
function checkAttachments(document: PackageDocument): void {
  for (const attachment of document.attachments) {
    const bytes = Buffer.from(attachment.base64, 'base64')
    if (bytes.length !== attachment.sizeBytes || sha256Of(bytes) !== attachment.sha256)
      throw refused('attachmentDamaged', { name: attachment.fileName })
  }
}

/** Every record once, and every reference inside the package resolvable. */
function checkReferences(document: PackageDocument): void {
  const unique = (uuids: string[]) => new Set(uuids).size === uuids.length
  const localities = new Set(document.localities.map((l) => l.uuid))
  const okrugs = new Set(document.localities.filter((l) => l.kind === 'okrug').map((l) => l.uuid))
  const meetings = new Set(document.meetings.map((m) => m.uuid))
  const appeals = new Set(document.appeals.map((a) => a.uuid))
  const sectors = new Set(document.sectors.map((s) => s.code))
  const known = (set: Set<string>, value: string | null) => value === null || set.has(value)
  const ok =
    unique(document.localities.map((l) => l.uuid)) &&
    unique(document.meetings.map((m) => m.uuid)) &&
    unique(document.appeals.map((a) => a.uuid)) &&
    unique(document.measures.map((m) => m.uuid)) &&
    unique(document.attachments.map((a) => a.uuid)) &&
    unique(document.appeals.map((a) => a.regNumber)) &&
    sectors.size === document.sectors.length &&
    // as in the catalog: an okrug has no parent, a settlement belongs to an okrug
    document.localities.every((l) =>
      l.kind === 'okrug' ? l.parentUuid === null : l.parentUuid !== null && okrugs.has(l.parentUuid),
    ) &&
    document.meetings.every((m) => known(localities, m.localityUuid)) &&
    document.appeals.every(
      (a) => sectors.has(a.sectorCode) && known(localities, a.localityUuid) && known(meetings, a.meetingUuid),
    ) &&
    // a measure's meeting (required) and question (if any) must be in the package, as an appeal's meeting must
    document.measures.every((m) => meetings.has(m.meetingUuid) && known(appeals, m.appealUuid)) &&
    document.attachments.every((a) => appeals.has(a.appealUuid))
  if (!ok) throw refused('invalid')
}
