import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { packageChecksum, PACKAGE_VERSION } from '../../src/main/consolidation/format'
import { appealInput, meetingInput, openDesk, wrongCheckDigit, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import {
  addOkrug,
  exportToFile,
  openOffice,
  packageInput,
  readDocument,
  snapshot,
  writeDocument,
} from '../helpers/consolidation'
import { RESOURCES_DIR } from '../helpers/core'

/**
 * A file that is not a whole, untouched package of another office is refused with a message
 * that says why, and nothing is written: not a row, not an audit entry.
 */

const cleanup = useCleanup()

let okrug: Desk
let district: Desk
let folder: string
/** The okrug's package, as exported. */
let good: string

beforeEach(async () => {
  folder = cleanup.tempDir('akimat-flash-')
  okrug = await openOffice(
    cleanup,
    'Қарабас ауылдық округі әкімінің аппараты',
    'Аппарат акима Карабасского сельского округа',
  )
  district = await openOffice(cleanup, 'Қарқаралы ауданы әкімдігі', 'Акимат Каркаралинского района')
  const places = await addOkrug(okrug, 'Қарабас ауылдық округі', ['Қарабас ауылы'])
  const meeting = await okrug.ok('meetings.create', meetingInput({ localityId: places.settlements[0] }))
  await okrug.ok('meetings.addQuestions', {
    meetingId: meeting.id,
    questions: [{ sectorId: await okrug.sector('housing'), summary: 'Ауыз су жоқ' }],
  })
  // tied to no question: the tests below change the first appeal's uuid and number
  await okrug.ok('measures.create', {
    meetingId: meeting.id,
    text: 'Су құбырын тарту',
    responsible: 'Аудандық ТКШ бөлімі',
    dueOn: '2026-09-30',
    appealId: null,
  })
  await okrug.ok('appeals.create', appealInput(await okrug.sector('land'), { localityId: places.settlements[0] }))
  await district.ok('appeals.create', appealInput(await district.sector('social'), { summary: 'Аудандағы өтініш' }))
  good = (await exportToFile(okrug, folder)).file
})

/** Imports the file at the district and expects it refused with `messageKey`, nothing written. */
async function refused(file: string, messageKey: string): Promise<void> {
  const before = await snapshot(district)
  const error = await district.fail('consolidation.importPackage', packageInput(file))
  expect(error).toEqual({ code: 'validation', messageKey, issues: [] })
  expect(await snapshot(district)).toEqual(before)
}

/** A copy of the okrug's package, changed by `edit` and sealed with a correct checksum. */
function resealed(name: string, edit: (document: Record<string, unknown>) => void): string {
  const document = readDocument(good)
  edit(document)
  document.checksum = packageChecksum(document)
  const file = join(folder, name)
  writeDocument(file, document)
  return file
}

describe('refusing a package', () => {
  it('the untouched package imports (the files below differ from it only as described)', async () => {
    const summary = await district.ok('consolidation.importPackage', packageInput(good))
    expect(summary.appeals.added).toBe(2)
    expect(summary.measures.added).toBe(1)
  })

  it('a damaged file: a byte flipped inside the compressed data', async () => {
    const bytes = readFileSync(good)
    const middle = Math.floor(bytes.length / 2)
    bytes[middle] = bytes[middle]! ^ 0xff
    const file = join(folder, 'flipped.json.gz')
    writeFileSync(file, bytes)
    await refused(file, 'consolidationUi.errors.damaged')
  })

  it('a damaged file: cut short', async () => {
    const bytes = readFileSync(good)
    const file = join(folder, 'cut.json.gz')
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.7)))
    await refused(file, 'consolidationUi.errors.damaged')
  })

  it('a damaged package: content changed after export (the checksum no longer matches)', async () => {
    const document = readDocument(good)
    ;(document.appeals as { summary: string }[])[0]!.summary = 'Басқа мәтін'
    const file = join(folder, 'edited.json.gz')
    writeDocument(file, document)
    await refused(file, 'consolidationUi.errors.damaged')
    // the same, as plain JSON with one character changed
    const plain = join(folder, 'edited.json')
    writeFileSync(plain, JSON.stringify(readDocument(good)).replace('Ауыз су жоқ', 'Ауыз су бар'))
    await refused(plain, 'consolidationUi.errors.damaged')
  })

  it('a foreign file: another JSON document, a spreadsheet, an empty file', async () => {
    await refused(join(RESOURCES_DIR, 'calendar/kz-2025-2027.json'), 'consolidationUi.errors.foreign')
    const other = join(folder, 'other.json')
    writeFileSync(other, JSON.stringify({ format: 'something-else', version: 1, appeals: [] }))
    await refused(other, 'consolidationUi.errors.foreign')
    const csv = join(folder, 'appeals.csv')
    writeFileSync(csv, 'Нөмір;Күні\n2026-000001;2026-03-16\n')
    await refused(csv, 'consolidationUi.errors.foreign')
    const empty = join(folder, 'empty.json.gz')
    writeFileSync(empty, Buffer.alloc(0))
    const error = await district.fail('consolidation.importPackage', packageInput(empty))
    expect(error.code).toBe('validation') // an empty file is no input at all
  })

  it('a package made by a newer version of the program', async () => {
    await refused(
      resealed('newer.json.gz', (d) => (d.version = PACKAGE_VERSION + 1)),
      'consolidationUi.errors.newer',
    )
  })

  it("this office's own package", async () => {
    const own = (await exportToFile(district, folder)).file
    await refused(own, 'consolidationUi.errors.ownOffice')
  })

  it('a package whose records are not valid, or refer to records it does not hold', async () => {
    await refused(
      resealed('status.json.gz', (d) => ((d.appeals as { status: string }[])[0]!.status = 'lost')),
      'consolidationUi.errors.invalid',
    )
    await refused(
      resealed(
        'dangling.json.gz',
        (d) => ((d.appeals as { localityUuid: string }[])[0]!.localityUuid = '3f0b8a9e-0000-4000-8000-000000000001'),
      ),
      'consolidationUi.errors.invalid',
    )
    await refused(
      resealed('extra.json.gz', (d) => ((d.office as Record<string, unknown>).password = 'x')),
      'consolidationUi.errors.invalid',
    )
  })

  it('an IIN whose check digit does not match, as the form refuses it', async () => {
    type Row = { applicantIdNumber: string | null }
    const withIin = (readDocument(good).appeals as Row[]).findIndex((a) => a.applicantIdNumber !== null)
    expect(withIin).toBeGreaterThanOrEqual(0)
    await refused(
      resealed('iin.json.gz', (d) => {
        const row = (d.appeals as Row[])[withIin]!
        row.applicantIdNumber = wrongCheckDigit(row.applicantIdNumber!)
      }),
      'consolidationUi.errors.invalid',
    )
  })

  it('a measure whose meeting or question the package does not hold, as for an appeal', async () => {
    const unknown = '3f0b8a9e-0000-4000-8000-000000000002'
    type Measure = { meetingUuid: string; appealUuid: string | null }
    await refused(
      resealed('no-meeting.json.gz', (d) => ((d.measures as Measure[])[0]!.meetingUuid = unknown)),
      'consolidationUi.errors.invalid',
    )
    await refused(
      resealed('no-question.json.gz', (d) => ((d.measures as Measure[])[0]!.appealUuid = unknown)),
      'consolidationUi.errors.invalid',
    )
  })

  it('measures where the version says there are none, or none where it says there are', async () => {
    await refused(
      // without the attachments (version 4), so that the measures alone are what is wrong
      resealed('v1-with-measures.json.gz', (d) => {
        d.version = 1
        delete d.attachments
      }),
      'consolidationUi.errors.invalid',
    )
    await refused(
      resealed('v2-without-measures.json.gz', (d) => delete d.measures),
      'consolidationUi.errors.invalid',
    )
  })

  it("a package holding a record under the id of one of this office's own (a copied database)", async () => {
    const [own] = await district.sql<{ uuid: string }>('SELECT uuid FROM appeals LIMIT 1')
    await refused(
      resealed('clash.json.gz', (d) => ((d.appeals as { uuid: string }[])[0]!.uuid = own!.uuid)),
      'consolidationUi.errors.recordClash',
    )
  })

  it('a package where the okrug gave a number already here to another appeal (numbered twice)', async () => {
    await district.ok('consolidation.importPackage', packageInput(good))
    const file = resealed('renumbered.json.gz', (d) => {
      const [first] = d.appeals as { uuid: string; updatedAt: string }[]
      first!.uuid = '5d6e7f80-91a2-4b3c-8d4e-5f60718293a4' // another appeal, under the same number
    })
    const before = await snapshot(district)
    const error = await district.fail('consolidation.importPackage', packageInput(file))
    expect(error).toEqual({
      code: 'validation',
      messageKey: 'consolidationUi.errors.numberClash',
      issues: [{ path: [], messageKey: 'consolidationUi.errors.numberClashDetail', params: { number: '2026-000001' } }],
    })
    expect(await snapshot(district)).toEqual(before)
  })

  it("a measure under the id of one of this office's own: refused after everything else was merged, all rolled back", async () => {
    const meeting = await district.ok('meetings.create', meetingInput())
    const own = await district.ok('measures.create', {
      meetingId: meeting.id,
      text: 'Аудандағы шара',
      responsible: 'Аудан әкімдігі',
      dueOn: '2026-06-30',
      appealId: null,
    })
    const [row] = await district.sql<{ uuid: string }>('SELECT uuid FROM meeting_measures WHERE id = ?', [own.id])
    await refused(
      resealed('measure-clash.json.gz', (d) => ((d.measures as { uuid: string }[])[0]!.uuid = row!.uuid)),
      'consolidationUi.errors.recordClash',
    )
  })

  it('a refusal part-way through the records rolls back what was merged before it', async () => {
    // The clash is on the last appeal: localities, the meeting and the first appeal were merged before it.
    const [own] = await district.sql<{ uuid: string }>('SELECT uuid FROM appeals LIMIT 1')
    const file = resealed('late-clash.json.gz', (d) => {
      const appeals = d.appeals as { uuid: string; createdAt: string }[]
      appeals.at(-1)!.uuid = own!.uuid
      appeals.at(-1)!.createdAt = '2030-01-01T00:00:00.000Z' // sorted last
    })
    await refused(file, 'consolidationUi.errors.recordClash')
  })

  it('refuses to export before the office is named (the package travels under that name)', async () => {
    const unnamed = await openDesk(cleanup, '2026-04-10')
    expect((await unnamed.fail('consolidation.exportPackage', {})).messageKey).toBe(
      'consolidationUi.errors.officeNotSet',
    )
  })
})
