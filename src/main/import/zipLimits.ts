import { inflateRawSync } from 'node:zlib'
import { DomainError } from '@shared/api/errors'
import { IMPORT_LIMITS, limitExceeded, megabytes } from './limits'
import { checkSheetXml } from './sheetLimits'

/**
 * An xlsx is a zip. Before exceljs (whose zip reader unpacks every part into memory) sees one,
 * the sizes are read from the zip's central directory and refused past the caps; then each
 * part is unpacked here, one at a time, no further than the size it declares: a part that
 * would unpack to more declares a lie (a "zip bomb" dressed as a small file) and is refused
 * at that point. The worksheets, once unpacked, are counted row by row (sheetLimits.ts).
 */

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const STORED = 0
const DEFLATED = 8
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i

const unreadable = () =>
  new DomainError('validation', 'importUi.errors.unreadable', [
    { path: ['file'], messageKey: 'importUi.errors.unreadable' },
  ])

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localHeader: number
}

/** The end-of-central-directory record: within the last 64 KiB + 22 bytes (its comment's room). */
function findEndRecord(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--)
    if (bytes.readUInt32LE(at) === EOCD) return at
  throw unreadable()
}

/** The parts as the central directory lists them; refuses past the caps before anything is unpacked. */
export function readCentralDirectory(bytes: Buffer): ZipEntry[] {
  if (bytes.length < 22) throw unreadable()
  const end = findEndRecord(bytes)
  const count = bytes.readUInt16LE(end + 10)
  const offset = bytes.readUInt32LE(end + 16)
  // 0xFFFF parts or a 4 GiB offset mean a ZIP64 archive: far beyond any register.
  if (count === 0xffff || offset === 0xffffffff)
    throw limitExceeded('unzippedBytes', { limit: megabytes(IMPORT_LIMITS.unzippedBytes) })
  if (count > IMPORT_LIMITS.zipEntries) throw limitExceeded('zipEntries', { limit: IMPORT_LIMITS.zipEntries })
  const entries: ZipEntry[] = []
  let total = 0
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw unreadable()
    const nameLength = bytes.readUInt16LE(at + 28)
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeader: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    }
    total += entry.size
    if (entry.size > IMPORT_LIMITS.unzippedBytes || total > IMPORT_LIMITS.unzippedBytes)
      throw limitExceeded('unzippedBytes', { limit: megabytes(IMPORT_LIMITS.unzippedBytes) })
    entries.push(entry)
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
  }
  return entries
}

/** One part unpacked, never past its declared size. */
function unpack(bytes: Buffer, entry: ZipEntry): Buffer {
  const header = entry.localHeader
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL) throw unreadable()
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28)
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (data.length !== entry.compressedSize) throw unreadable()
  const lie = () => limitExceeded('zipSizeLies', { part: entry.name })
  if (entry.method === STORED) {
    if (entry.size !== entry.compressedSize) throw lie()
    return data
  }
  if (entry.method !== DEFLATED) throw unreadable()
  let out: Buffer
  try {
    // One byte more than declared: a part that fills it unpacks to more than it says.
    out = inflateRawSync(data, { maxOutputLength: entry.size + 1 })
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw lie()
    throw unreadable()
  }
  if (out.length !== entry.size) throw lie()
  return out
}

/**
 * Throws the first limit the xlsx `bytes` hit: its declared sizes, a part unpacking to more
 * than it declares, a worksheet's rows or columns. Holds one unpacked part at a time.
 */
export function checkXlsxLimits(bytes: Buffer): void {
  for (const entry of readCentralDirectory(bytes)) {
    if (entry.name.endsWith('/')) continue
    const part = unpack(bytes, entry)
    if (WORKSHEET.test(entry.name)) checkSheetXml(part)
  }
}
