import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiInput, MeetingMeasure } from '@shared/api/contract'
import { PACKAGE_VERSION, packageChecksum } from '../../src/main/consolidation/format'
import { meetingInput, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import {
  addOkrug,
  exportToFile,
  idOfUuid,
  officeUuid,
  openOffice,
  packageInput,
  readDocument,
  snapshot,
  uuidOf,
  writeDocument,
} from '../helpers/consolidation'

/**
 * The measures promised at an okrug's report meeting travel in its package like the meeting
 * does: the district sees them under the meeting and the question they belong to there, takes
 * newer versions, lists a measure changed on both sides as a conflict, and still imports a
 * package made before measures existed (format version 1). Both clocks stand at 10 April 2026;
 * the meeting was held on 9 April.
 */

const cleanup = useCleanup()

const PIPE = 'Қарабас ауылына су құбырын тарту'
const LIGHTS = 'Орталық көшеге 20 шам орнату'

let okrug: Desk
let district: Desk
let folder: string
/** At the okrug: the meeting, its two questions, the measure tied to the first, the measure done. */
let at: { meeting: number; questions: number[]; pipe: number; lights: number }

beforeEach(async () => {
  folder = cleanup.tempDir('akimat-flash-')
  okrug = await openOffice(
    cleanup,
    'Қарабас ауылдық округі әкімінің аппараты',
    'Аппарат акима Карабасского сельского округа',
  )
  district = await openOffice(cleanup, 'Қарқаралы ауданы әкімдігі', 'Акимат Каркаралинского района')
  const places = await addOkrug(okrug, 'Қарабас ауылдық округі', ['Қарабас ауылы'])
  const meeting = (await okrug.ok('meetings.create', meetingInput({ localityId: places.settlements[0] }))).id
  const { questions } = await okrug.ok('meetings.addQuestions', {
    meetingId: meeting,
    questions: [
      { sectorId: await okrug.sector('housing'), summary: 'Ауылда ауыз су құбыры жоқ' },
      { sectorId: await okrug.sector('housing'), summary: 'Орталық көшеде жарық жоқ' },
    ],
  })
  const pipe = await okrug.ok('measures.create', {
    meetingId: meeting,
    text: PIPE,
    responsible: 'Аудандық ТКШ бөлімі',
    dueOn: '2026-09-30',
    appealId: questions[0]!.id,
  })
  const lights = await okrug.ok('measures.create', {
    meetingId: meeting,
    text: LIGHTS,
    responsible: 'Округ әкімінің аппараты',
    dueOn: '2026-04-30',
    appealId: null,
  })
  await okrug.ok('measures.update', edit(lights, { doneOn: '2026-04-10', doneNote: '20 шам орнатылды' }))
  at = { meeting, questions: questions.map((q) => q.id), pipe: pipe.id, lights: lights.id }
})

/** The update input of a measure as it is now, with some fields changed. */
function edit(m: MeetingMeasure, over: Partial<ApiInput<'measures.update'>> = {}): ApiInput<'measures.update'> {
  const { id, text, responsible, dueOn, appealId, doneOn, doneNote } = m
  return { id, text, responsible, dueOn, appealId, doneOn, doneNote, ...over }
}

/** A measure as an office shows it, by its id there. */
async function measureAt(desk: Desk, id: number): Promise<MeetingMeasure> {
  const [row] = await desk.sql<{ meeting_id: number }>('SELECT meeting_id FROM meeting_measures WHERE id = ?', [id])
  return (await desk.ok('meetings.get', { id: row!.meeting_id })).measures.find((m) => m.id === id)!
}

/** Exports the okrug's package to a file and imports it at the district. */
async function carry() {
  const { file, result } = await exportToFile(okrug, folder)
  return { file, exported: result, summary: await district.ok('consolidation.importPackage', packageInput(file)) }
}

/** The district's id of one of the okrug's records. */
const here = async (table: 'appeals' | 'report_meetings' | 'meeting_measures', okrugId: number) =>
  idOfUuid(district, table, await uuidOf(okrug, table, okrugId))

describe("an okrug's promised measures at the district", () => {
  it('travel with their meeting and question, counted in the meeting there; the same package again changes nothing', async () => {
    const { file, exported, summary } = await carry()
    expect(exported.counts).toEqual({ localities: 2, meetings: 1, appeals: 2, measures: 2 })

    // In the package: by uuid, the meeting's and the question's.
    const document = readDocument(file)
    expect(document.version).toBe(PACKAGE_VERSION)
    expect(document.measures).toEqual([
      expect.objectContaining({
        uuid: await uuidOf(okrug, 'meeting_measures', at.pipe),
        meetingUuid: await uuidOf(okrug, 'report_meetings', at.meeting),
        appealUuid: await uuidOf(okrug, 'appeals', at.questions[0]!),
        text: PIPE,
        doneOn: null,
      }),
      expect.objectContaining({
        appealUuid: null,
        text: LIGHTS,
        dueOn: '2026-04-30',
        doneOn: '2026-04-10',
        doneNote: '20 шам орнатылды',
      }),
    ])

    expect(summary).toMatchObject({
      meetings: { added: 1, updated: 0, unchanged: 0, conflicts: 0 },
      appeals: { added: 2, updated: 0, unchanged: 0, conflicts: 0 },
      measures: { added: 2, updated: 0, unchanged: 0, conflicts: 0 },
    })

    // Under the district's meeting, tied to the district's copy of the question.
    const meetingId = await here('report_meetings', at.meeting)
    const details = await district.ok('meetings.get', { id: meetingId })
    expect(details.questionsCount).toBe(2)
    expect(details.measureCounts).toEqual({ total: 2, done: 1, overdue: 0 })
    expect(details.measures).toEqual([
      {
        id: await here('meeting_measures', at.lights),
        version: 1,
        meetingId,
        text: LIGHTS,
        responsible: 'Округ әкімінің аппараты',
        dueOn: '2026-04-30',
        appealId: null,
        appealRegNumber: null,
        doneOn: '2026-04-10',
        doneNote: '20 шам орнатылды',
        state: 'done',
      },
      {
        id: await here('meeting_measures', at.pipe),
        version: 1,
        meetingId,
        text: PIPE,
        responsible: 'Аудандық ТКШ бөлімі',
        dueOn: '2026-09-30',
        appealId: await here('appeals', at.questions[0]!),
        appealRegNumber: '1/2026-000001',
        doneOn: null,
        doneNote: null,
        state: 'open',
      },
    ])
    expect((await district.ok('meetings.list', {})).map((m) => m.measureCounts)).toEqual([
      { total: 2, done: 1, overdue: 0 },
    ])

    // Marked as imported, with their version; arrived with an audit entry naming their origin.
    const okrugUuid = await officeUuid(okrug)
    const rows = await district.sql<{ origin_office_uuid: string; imported_version: string; updated_at: string }>(
      'SELECT origin_office_uuid, imported_version, updated_at FROM meeting_measures',
    )
    expect(rows.every((r) => r.origin_office_uuid === okrugUuid && r.imported_version === r.updated_at)).toBe(true)
    const arrivals = await district.sql<{ new_value: string }>(
      "SELECT new_value FROM audit_entries WHERE entity = 'measure' AND action = 'create'",
    )
    expect(arrivals.map((a) => JSON.parse(a.new_value) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ text: PIPE, meetingId, originOfficeUuid: okrugUuid }),
      expect.objectContaining({ text: LIGHTS, doneOn: '2026-04-10', originOfficeUuid: okrugUuid }),
    ])
    expect(await district.ok('consolidation.sources', {})).toMatchObject([
      { code: 1, meetings: 1, appeals: 2, measures: 2, openConflicts: 0 },
    ])
    expect((await district.ok('audit.verify', {})).firstBroken).toBeNull()

    // The same package again: nothing written.
    const before = await snapshot(district)
    const again = await district.ok('consolidation.importPackage', packageInput(file))
    expect(again).toMatchObject({
      alreadyImported: true,
      measures: { added: 0, updated: 0, unchanged: 2, conflicts: 0 },
    })
    expect(await snapshot(district)).toEqual(before)
  })

  it('are not sent on by the district: its package holds its own measures only', async () => {
    await carry()
    const own = await district.ok('meetings.create', meetingInput({ place: 'Аудан әкімдігінің мәжіліс залы' }))
    const promised = await district.ok('measures.create', {
      meetingId: own.id,
      text: 'Аудандық жолды жөндеу',
      responsible: 'Аудандық құрылыс бөлімі',
      dueOn: '2026-06-30',
      appealId: null,
    })
    const { file, result } = await exportToFile(district, folder)
    expect(result.counts).toMatchObject({ meetings: 1, measures: 1 })
    expect((readDocument(file).measures as { uuid: string }[]).map((m) => m.uuid)).toEqual([
      await uuidOf(district, 'meeting_measures', promised.id),
    ])
  })

  it('take a newer version from the okrug, and a measure changed on both sides waits for a decision', async () => {
    await carry()
    // The okrug lays the pipe and says so.
    await okrug.ok(
      'measures.update',
      edit(await measureAt(okrug, at.pipe), { doneOn: '2026-04-10', doneNote: 'Құбыр тартылды' }),
    )
    const { summary } = await carry()
    expect(summary.measures).toEqual({ added: 0, updated: 1, unchanged: 1, conflicts: 0 })
    const pipeHere = await here('meeting_measures', at.pipe)
    expect(await measureAt(district, pipeHere)).toMatchObject({
      doneOn: '2026-04-10',
      doneNote: 'Құбыр тартылды',
      state: 'done',
    })
    const imported = await district.sql<{ field: string }>(
      "SELECT field FROM audit_entries WHERE entity = 'measure' AND action = 'import' ORDER BY id",
    )
    expect(imported.map((e) => e.field)).toEqual(['doneOn', 'doneNote', 'importedVersion'])

    // The district names another responsible body; the okrug rewords the measure.
    await district.ok(
      'measures.update',
      edit(await measureAt(district, pipeHere), { responsible: 'Аудан әкімінің орынбасары' }),
    )
    await okrug.ok('measures.update', edit(await measureAt(okrug, at.pipe), { text: `${PIPE} (2,4 км)` }))
    const { file, summary: third } = await carry()
    expect(third.measures).toEqual({ added: 0, updated: 0, unchanged: 1, conflicts: 1 })
    expect(await measureAt(district, pipeHere)).toMatchObject({ text: PIPE, responsible: 'Аудан әкімінің орынбасары' })

    const [conflict] = await district.ok('consolidation.conflicts', {})
    expect(conflict).toMatchObject({ entity: 'measure', recordId: pipeHere, label: `2026-09-30 · ${PIPE} (2,4 км)` })
    expect(conflict!.fields.filter((f) => f.differs).map((f) => [f.field, f.local, f.incoming])).toEqual([
      ['text', PIPE, `${PIPE} (2,4 км)`],
      ['responsible', 'Аудан әкімінің орынбасары', 'Аудандық ТКШ бөлімі'],
    ])
    // references shown with the district's ids, the same on both sides
    const questionHere = await here('appeals', at.questions[0]!)
    expect(conflict!.fields.find((f) => f.field === 'appealId')).toEqual({
      field: 'appealId',
      local: questionHere,
      incoming: questionHere,
      differs: false,
    })
    expect(conflict!.fields.find((f) => f.field === 'meetingId')).toMatchObject({
      local: await here('report_meetings', at.meeting),
      differs: false,
    })

    // The same package again raises nothing new; taking the okrug's version replaces the district's.
    const before = await snapshot(district)
    expect((await district.ok('consolidation.importPackage', packageInput(file))).measures).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
      conflicts: 0,
    })
    expect(await snapshot(district)).toEqual(before)
    await district.ok('consolidation.resolve', { id: conflict!.id, keep: 'incoming' })
    expect(await measureAt(district, pipeHere)).toMatchObject({
      text: `${PIPE} (2,4 км)`,
      responsible: 'Аудандық ТКШ бөлімі',
      appealId: questionHere,
      state: 'done',
    })
    expect(await district.ok('consolidation.conflicts', {})).toEqual([])
    expect((await district.ok('audit.verify', {})).firstBroken).toBeNull()
  })
})

describe('a package made before measures existed (format version 1)', () => {
  it('imports, as holding no measures; the next package brings them', async () => {
    const { file } = await exportToFile(okrug, folder)
    const document = readDocument(file)
    delete document.measures
    // nor had it the appeals' notice and redirect due dates (version 3)
    for (const appeal of document.appeals as Record<string, unknown>[]) {
      delete appeal.noticeDueOn
      delete appeal.redirectDueOn
    }
    delete document.attachments // version 4
    document.version = 1
    document.checksum = packageChecksum(document)
    const old = join(folder, 'version-1.json.gz')
    writeDocument(old, document)

    const summary = await district.ok('consolidation.importPackage', packageInput(old))
    expect(summary).toMatchObject({
      meetings: { added: 1, updated: 0, unchanged: 0, conflicts: 0 },
      appeals: { added: 2, updated: 0, unchanged: 0, conflicts: 0 },
      measures: { added: 0, updated: 0, unchanged: 0, conflicts: 0 },
    })
    const meetingId = await here('report_meetings', at.meeting)
    expect(await district.ok('meetings.get', { id: meetingId })).toMatchObject({
      questionsCount: 2,
      measures: [],
      measureCounts: { total: 0, done: 0, overdue: 0 },
    })

    const next = await district.ok('consolidation.importPackage', packageInput(file))
    expect(next).toMatchObject({ meetings: { unchanged: 1 }, appeals: { unchanged: 2 }, measures: { added: 2 } })
    expect((await district.ok('meetings.get', { id: meetingId })).measureCounts).toEqual({
      total: 2,
      done: 1,
      overdue: 0,
    })
  })
})
