import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { packageChecksum, PACKAGE_VERSION } from '../../src/main/consolidation/format'
import { sha256Of } from '../../src/main/services/attachments/blobStore'
import { appealInput, OPERATOR, type Desk } from '../helpers/appeals'
import { base64, pdfFile, pngFile } from '../helpers/attachmentFiles'
import { useCleanup } from '../helpers/cleanup'
import {
  addOkrug,
  exportToFile,
  idOfUuid,
  openOffice,
  packageInput,
  readDocument,
  snapshot,
  uuidOf,
  writeDocument,
} from '../helpers/consolidation'

/**
 * The files attached to an okrug's appeals travel in its package (format version 4) with their
 * bytes: the district lists them on the imported appeals and opens the same bytes; the same
 * package again adds none; a package from before attachments still imports; a package whose
 * file bytes are not their hash is refused whole, nothing written, not even a blob.
 */

const cleanup = useCleanup()

let okrug: Desk
let district: Desk
let folder: string
const scan = pngFile([12, 90, 160])
const answer = pdfFile('Answer to the okrug appeal')
/** The okrug's two appeals (ids there). */
let appeals: number[]

/** Every blob file in an office's attachments folder. */
function blobFiles(desk: Desk): string[] {
  const dir = desk.core.services.attachments.blobs.dir
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((fan) => readdirSync(join(dir, fan)).map((name) => join(dir, fan, name)))
}

const attach = (desk: Desk, ownerId: number, fileName: string, bytes: Buffer) =>
  desk.ok('attachments.add', { ownerKind: 'appeal', ownerId, fileName, base64: base64(bytes) })

/** The district's attachments of the okrug appeal `okrugId`, by the appeal's UUID. */
async function districtFiles(okrugId: number) {
  const id = await idOfUuid(district, 'appeals', await uuidOf(okrug, 'appeals', okrugId))
  return district.ok('attachments.list', { ownerKind: 'appeal', ownerId: id })
}

beforeEach(async () => {
  folder = cleanup.tempDir('akimat-flash-')
  okrug = await openOffice(
    cleanup,
    'Қарабас ауылдық округі әкімінің аппараты',
    'Аппарат акима Карабасского сельского округа',
  )
  district = await openOffice(cleanup, 'Қарқаралы ауданы әкімдігі', 'Акимат Каркаралинского района')
  const places = await addOkrug(okrug, 'Қарабас ауылдық округі', ['Қарабас ауылы'])
  const sector = await okrug.sector('housing')
  appeals = [
    (await okrug.ok('appeals.create', appealInput(sector, { localityId: places.settlements[0] }))).id,
    (await okrug.ok('appeals.create', appealInput(sector, { summary: 'Жол жөндеу туралы' }))).id,
  ]
  await attach(okrug, appeals[0]!, 'хат-скан.png', scan)
  await attach(okrug, appeals[1]!, 'жауап.pdf', answer)
  // deleted at the okrug: it stays there, and does not travel
  const gone = await attach(okrug, appeals[1]!, 'қате.png', pngFile([1, 2, 3]))
  await okrug.ok('attachments.delete', { id: gone.id })
})

describe('attachments in a package', () => {
  it('arrive on the imported appeals with the same bytes, once however often the package comes', async () => {
    const { file } = await exportToFile(okrug, folder)
    const document = readDocument(file)
    expect(document.version).toBe(PACKAGE_VERSION)
    expect((document.attachments as { fileName: string }[]).map((a) => a.fileName)).toEqual([
      'хат-скан.png',
      'жауап.pdf',
    ])

    const summary = await district.ok('consolidation.importPackage', packageInput(file))
    expect(summary.appeals.added).toBe(2)
    const [png] = await districtFiles(appeals[0]!)
    const [pdf, ...more] = await districtFiles(appeals[1]!)
    expect(more).toEqual([])
    expect(png).toMatchObject({
      fileName: 'хат-скан.png',
      mediaType: 'image/png',
      sizeBytes: scan.length,
      sha256: sha256Of(scan),
      addedBy: OPERATOR.fullName,
    })
    expect(pdf).toMatchObject({ fileName: 'жауап.pdf', mediaType: 'application/pdf', sha256: sha256Of(answer) })
    for (const [attachment, bytes] of [
      [png!, scan],
      [pdf!, answer],
    ] as const) {
      const opened = Buffer.from((await district.ok('attachments.content', { id: attachment.id })).base64, 'base64')
      expect(sha256Of(opened)).toBe(sha256Of(bytes))
    }
    // marked as the okrug's, and in the appeal's history as attached
    const rows = await district.sql<{ origin_office_uuid: string }>('SELECT origin_office_uuid FROM attachments')
    expect(rows).toHaveLength(2)
    expect(new Set(rows.map((r) => r.origin_office_uuid)).size).toBe(1)
    expect(rows[0]!.origin_office_uuid).toBe(summary.office.uuid)
    const history = (await district.ok('appeals.get', { id: png!.ownerId })).history
    expect(history.filter((e) => e.field === 'attachment' && e.action === 'attach')).toHaveLength(1)

    // the same package again: nothing written, no attachment twice
    const before = await snapshot(district)
    const again = await district.ok('consolidation.importPackage', packageInput(file))
    expect(again.alreadyImported).toBe(true)
    expect(await snapshot(district)).toEqual(before)

    // a file attached later at the okrug comes with the next package, alone
    const photo = pngFile([200, 200, 10])
    await attach(okrug, appeals[0]!, 'фото.png', photo)
    const next = (await exportToFile(okrug, cleanup.tempDir('akimat-flash-'))).file
    const later = await district.ok('consolidation.importPackage', packageInput(next))
    expect(later.alreadyImported).toBe(false)
    expect((await districtFiles(appeals[0]!)).map((a) => a.fileName)).toEqual(['хат-скан.png', 'фото.png'])
    expect(await district.sql('SELECT id FROM attachments')).toHaveLength(3)
  })

  it('a package of version 3 (before attachments) still imports, carrying none', async () => {
    const document = readDocument((await exportToFile(okrug, folder)).file)
    delete document.attachments
    document.version = 3
    document.checksum = packageChecksum(document)
    const old = join(folder, 'version-3.json.gz')
    writeDocument(old, document)

    const summary = await district.ok('consolidation.importPackage', packageInput(old))
    expect(summary.appeals.added).toBe(2)
    expect(await districtFiles(appeals[0]!)).toEqual([])
    expect(blobFiles(district)).toEqual([])
  })

  it('a version 4 package without its attachments member is invalid', async () => {
    const document = readDocument((await exportToFile(okrug, folder)).file)
    delete document.attachments
    document.checksum = packageChecksum(document)
    const file = join(folder, 'no-member.json.gz')
    writeDocument(file, document)
    expect(await district.fail('consolidation.importPackage', packageInput(file))).toMatchObject({
      messageKey: 'consolidationUi.errors.invalid',
    })
  })

  it('a package with one altered byte of a file is refused whole, nothing written', async () => {
    const { file } = await exportToFile(okrug, folder)
    const document = readDocument(file)
    const pdf = (document.attachments as { base64: string }[])[1]!
    const bytes = Buffer.from(pdf.base64, 'base64')
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x01
    pdf.base64 = bytes.toString('base64')

    const before = await snapshot(district)
    // as it travelled: the document's checksum no longer matches
    const altered = join(folder, 'altered.json.gz')
    writeDocument(altered, document)
    expect(await district.fail('consolidation.importPackage', packageInput(altered))).toEqual({
      code: 'validation',
      messageKey: 'consolidationUi.errors.damaged',
      issues: [],
    })
    // resealed (the checksum rewritten over the altered file): the file's own hash refuses it, naming it
    document.checksum = packageChecksum(document)
    const resealed = join(folder, 'resealed.json.gz')
    writeDocument(resealed, document)
    expect(await district.fail('consolidation.importPackage', packageInput(resealed))).toEqual({
      code: 'validation',
      messageKey: 'consolidationUi.errors.attachmentDamaged',
      issues: [
        { path: [], messageKey: 'consolidationUi.errors.attachmentDamagedDetail', params: { name: 'жауап.pdf' } },
      ],
    })
    expect(await snapshot(district)).toEqual(before)
    expect(blobFiles(district)).toEqual([])
  })

  it('an export fails, naming the file, when the store lost an attachment', async () => {
    rmSync(okrug.core.services.attachments.blobs.pathOf(sha256Of(answer)))
    expect(await okrug.fail('consolidation.exportPackage', {})).toMatchObject({
      code: 'validation',
      issues: [{ messageKey: 'attachments.errors.damaged', params: { name: 'жауап.pdf' } }],
    })
  })
})
