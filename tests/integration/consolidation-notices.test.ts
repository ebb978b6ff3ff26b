import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { packageChecksum } from '../../src/main/consolidation/format'
import { appealInput, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { addOkrug, exportToFile, openOffice, packageInput, readDocument, writeDocument } from '../helpers/consolidation'

/**
 * An okrug's appeals reach the district with their stored notice and redirect due dates
 * (package format version 3), so the district counts a late notice or redirect as the okrug
 * does. A version 2 package, made before the dates were stored, imports with both null; a
 * package whose version and members disagree is refused as invalid. Both clocks stand at
 * Friday 10 April 2026.
 *
 * Worked by hand: received Monday 16 March 2026, extended by a decision of Friday 20 March (the
 * Friday before Nauryz, 21-25 March off): notice due Thursday 26, Friday 27, Monday 30 March.
 * Received Monday 6 April, marked for redirect: due Tuesday 7, Wednesday 8, Thursday 9 April.
 */

const cleanup = useCleanup()
let okrug: Desk
let district: Desk
let folder: string

beforeEach(async () => {
  folder = cleanup.tempDir('akimat-flash-')
  okrug = await openOffice(cleanup, 'Қарабас ауылдық округі әкімінің аппараты', 'Аппарат акима Карабасского округа')
  district = await openOffice(cleanup, 'Қарқаралы ауданы әкімдігі', 'Акимат Каркаралинского района')
  const places = await addOkrug(okrug, 'Қарабас ауылдық округі', ['Қарабас ауылы'])
  const housing = await okrug.sector('housing')
  const extended = await okrug.ok('appeals.create', appealInput(housing, { localityId: places.settlements[0] }))
  await okrug.ok('appeals.extend', {
    id: extended.id,
    extendedDueOn: '2026-05-15',
    reason: 'Комиссия қорытындысы күтілуде',
    decidedOn: '2026-03-20',
  })
  const marked = await okrug.ok(
    'appeals.create',
    appealInput(housing, { localityId: places.settlements[0], receivedAt: '2026-04-06T10:00' }),
  )
  await okrug.ok('appeals.markForRedirect', { id: marked.id })
})

const stored = (desk: Desk) => desk.sql('SELECT notice_due_on, redirect_due_on FROM appeals ORDER BY received_at')

describe('notice and redirect due dates in consolidation packages', () => {
  it('travel in a package of version 3 or later and are stored at the district', async () => {
    const { file } = await exportToFile(okrug, folder)
    const document = readDocument(file)
    expect(document.version).toBeGreaterThanOrEqual(3)
    expect((document.appeals as Record<string, unknown>[]).map((a) => [a.noticeDueOn, a.redirectDueOn])).toEqual([
      ['2026-03-30', null],
      [null, '2026-04-09'],
    ])
    await district.ok('consolidation.importPackage', packageInput(file))
    expect(await stored(district)).toEqual([
      { notice_due_on: '2026-03-30', redirect_due_on: null },
      { notice_due_on: null, redirect_due_on: '2026-04-09' },
    ])
    expect(await district.ok('dashboard.summary', { year: 2026 })).toMatchObject({
      noticesDue: 1,
      noticesOverdue: 1,
      redirectsDue: 1,
      redirectsOverdue: 1,
    })
  })

  it('a version 2 package (without them) imports with both null', async () => {
    const { file } = await exportToFile(okrug, folder)
    const document = readDocument(file)
    for (const appeal of document.appeals as Record<string, unknown>[]) {
      delete appeal.noticeDueOn
      delete appeal.redirectDueOn
    }
    delete document.attachments // version 4
    document.version = 2
    document.checksum = packageChecksum(document)
    const old = join(folder, 'version-2.json.gz')
    writeDocument(old, document)
    const summary = await district.ok('consolidation.importPackage', packageInput(old))
    expect(summary).toMatchObject({ appeals: { added: 2 } })
    expect(await stored(district)).toEqual([
      { notice_due_on: null, redirect_due_on: null },
      { notice_due_on: null, redirect_due_on: null },
    ])
  })

  it.each([
    ['a version 2 package with them', 2, false],
    ['a version 3 package without them', 3, true],
  ])('%s is invalid', async (_name, version, strip) => {
    const { file } = await exportToFile(okrug, folder)
    const document = readDocument(file)
    if (strip) for (const appeal of document.appeals as Record<string, unknown>[]) delete appeal.noticeDueOn
    delete document.attachments // version 4: only the dates differ from a valid package of `version`
    document.version = version
    document.checksum = packageChecksum(document)
    const bad = join(folder, `bad-${version}.json.gz`)
    writeDocument(bad, document)
    const error = await district.fail('consolidation.importPackage', packageInput(bad))
    expect(error.messageKey).toBe('consolidationUi.errors.invalid')
  })
})
