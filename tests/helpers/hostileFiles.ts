import { createDeflateRaw, createGzip, deflateRawSync, type Gzip } from 'node:zlib'

/**
 * Files built to hurt a reader, made byte by byte in the tests: a zip bomb dressed as an xlsx,
 * a sheet with a cell in the last column on every row. exceljs cannot write them (it would
 * fill the very cells these files make it allocate), so the zip is written here.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(chunks: Iterable<Buffer>, crc = 0xffffffff): number {
  for (const chunk of chunks) for (const byte of chunk) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** A part as stored: deflated bytes, the size it unpacks to, what the directory declares. */
export interface ZipPart {
  name: string
  deflated: Buffer
  size: number
  crc: number
  /** The size the zip claims (a lie when it differs from `size`). */
  declaredSize?: number
}

export const part = (name: string, content: string | Buffer): ZipPart => {
  const bytes = Buffer.from(content)
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32([bytes]) }
}

/** A part whose content is `repeat` copies of `chunk`, deflated as a stream (never held whole). */
export async function repeatedPart(name: string, head: string, chunk: string, repeat: number, tail: string) {
  const deflate = createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (b: Buffer) => out.push(b))
  const finished = new Promise((resolve) => deflate.on('end', resolve))
  const pieces = [Buffer.from(head), Buffer.from(chunk), Buffer.from(tail)]
  let crc = 0xffffffff
  const feed = (b: Buffer) => {
    for (const byte of b) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  }
  feed(pieces[0]!)
  deflate.write(pieces[0])
  for (let i = 0; i < repeat; i++) {
    feed(pieces[1]!)
    if (!deflate.write(pieces[1])) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  feed(pieces[2]!)
  deflate.end(pieces[2])
  await finished
  const size = pieces[0]!.length + pieces[1]!.length * repeat + pieces[2]!.length
  return { name, deflated: Buffer.concat(out), size, crc: (crc ^ 0xffffffff) >>> 0 } satisfies ZipPart
}

/** A zip of the parts, every one deflated; sizes as each part declares. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const p of parts) {
    const name = Buffer.from(p.name)
    const declared = p.declaredSize ?? p.size
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(p.crc, 14)
    local.writeUInt32LE(p.deflated.length, 18)
    local.writeUInt32LE(declared, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(p.crc, 16)
    central.writeUInt32LE(p.deflated.length, 20)
    central.writeUInt32LE(declared, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, p.deflated)
    centrals.push(central, name)
    offset += local.length + name.length + p.deflated.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'

/** The parts of a one-sheet workbook around its sheet (the least Excel and exceljs read). */
export function workbookParts(sheet: ZipPart): ZipPart[] {
  const ns = 'http://schemas.openxmlformats.org'
  return [
    part(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `</Types>`,
    ),
    part(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships">` +
        `<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    sheet,
  ]
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`

/** A workbook whose sheet is `sheetData` (its rows as XML), plus what comes after it (merges…). */
export function sheetXmlWorkbook(sheetData: string, after = '', before = ''): Buffer {
  return zip(
    workbookParts(
      part(
        'xl/worksheets/sheet1.xml',
        `${SHEET_HEAD.replace('<sheetData>', `${before}<sheetData>`)}${sheetData}</sheetData>${after}</worksheet>`,
      ),
    ),
  )
}

/** A workbook whose sheet holds `rows` (each a list of [cell reference, text]), plus `after` (merges…). */
export function smallWorkbook(rows: [string, string][][], after = ''): Buffer {
  const body = rows
    .map((cells, i) => `<row r="${i + 1}">${cells.map(([ref, text]) => cell(ref, text)).join('')}</row>`)
    .join('')
  return sheetXmlWorkbook(body, after)
}

/**
 * A zip bomb dressed as an xlsx: a ~300 KB file whose sheet unpacks to ~300 MB (blank space
 * between its tags, which deflate packs a thousand to one). `lying`: the directory declares the
 * sheet 4 KB, so that only unpacking can tell.
 */
export async function zipBombXlsx(): Promise<{ honest: Buffer; lying: Buffer }> {
  const sheet = await repeatedPart(
    'xl/worksheets/sheet1.xml',
    SHEET_HEAD,
    ' '.repeat(2 ** 16),
    4_600,
    '</sheetData></worksheet>',
  )
  return { honest: zip(workbookParts(sheet)), lying: zip(workbookParts({ ...sheet, declaredSize: 4096 })) }
}

/** 100,000 rows, each with one cell in column XFD (16,384): some 500 KB. */
export function lastColumnXlsx(rows = 100_000): Buffer {
  const body: string[] = []
  for (let r = 1; r <= rows; r++) body.push(`<row r="${r}">${cell(`XFD${r}`, 'x')}</row>`)
  return zip(workbookParts(part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${body.join('')}</sheetData></worksheet>`)))
}

/** `head`, `repeat` copies of `chunk`, `tail`, through a compressing stream: never held unpacked. */
async function packStream(stream: Gzip, head: string, chunk: Buffer, repeat: number, tail: string): Promise<Buffer> {
  const out: Buffer[] = []
  stream.on('data', (b: Buffer) => out.push(b))
  const finished = new Promise((resolve) => stream.on('end', resolve))
  stream.write(head)
  for (let i = 0; i < repeat; i++)
    if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve))
  stream.end(tail)
  await finished
  return Buffer.concat(out)
}

/**
 * A package-shaped gzip bomb: the start of a package's JSON, then `megabytes` of blank space
 * (valid JSON whitespace), packed a thousand to one.
 */
export function packageBomb(megabytes: number): Promise<Buffer> {
  const head = '{"format":"akimat-desk-package","version":1,"appeals":['
  return packStream(createGzip({ level: 9 }), head, Buffer.alloc(2 ** 20, 0x20), megabytes, ']}')
}
