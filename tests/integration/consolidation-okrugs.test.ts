import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiInput, ReportModel } from '@shared/api/contract'
import { appealInput, bringTo, meetingInput, storedApplicant, type Desk } from '../helpers/appeals'
import { ADMIN } from '../helpers/context'
import { useCleanup } from '../helpers/cleanup'
import {
  addOkrug,
  exportToFile,
  okrugScope,
  openOffice,
  packageInput,
  sectorCounts,
  snapshot,
} from '../helpers/consolidation'

/**
 * Okrug → district consolidation on three real databases: okrugs A and B register appeals and
 * report meetings, export their packages to files, and the district imports the files.
 */

const cleanup = useCleanup()

const OKRUG_A = 'Қарабас ауылдық округі'
const OKRUG_B = 'Ақтоғай ауылдық округі'

interface World {
  a: Desk
  b: Desk
  district: Desk
  /** Where packages are saved: the flash drive between the offices. */
  folder: string
  aUuid: string
  bUuid: string
  /** Appeal ids at their okrug. */
  aAppeals: { social: number; land: number }
  bAppeals: { first: number; second: number; ecology: number }
}

async function officeUuid(desk: Desk): Promise<string> {
  const [row] = await desk.sql<{ value: string }>("SELECT value FROM settings WHERE key = 'office.uuid'")
  return JSON.parse(row!.value) as string
}

/** Two okrugs with their own appeals and meetings, and a district with its own appeals. */
async function twoOkrugs(): Promise<World> {
  const folder = cleanup.tempDir('akimat-flash-')
  const a = await openOffice(
    cleanup,
    'Қарабас ауылдық округі әкімінің аппараты',
    'Аппарат акима Карабасского сельского округа',
  )
  const b = await openOffice(
    cleanup,
    'Ақтоғай ауылдық округі әкімінің аппараты',
    'Аппарат акима Актогайского сельского округа',
  )
  const district = await openOffice(cleanup, 'Қарқаралы ауданы әкімдігі', 'Акимат Каркаралинского района')

  // Okrug A: a report meeting with two questions, two reception appeals (one without a locality).
  const aLoc = await addOkrug(a, OKRUG_A, ['Қарабас ауылы', 'Ақбұлақ ауылы'])
  const executor = await a.ok('staff.create', {
    fullName: 'Ахметов Дәулет Серікұлы',
    position: 'Бас маман',
    isExecutor: true,
  })
  const aMeeting = await a.ok('meetings.create', meetingInput({ localityId: aLoc.settlements[0] }))
  await a.ok('meetings.addQuestions', {
    meetingId: aMeeting.id,
    questions: [
      {
        sectorId: await a.sector('housing'),
        summary: 'Ауылда ауыз су құбыры жоқ',
        applicantName: 'Сейітов Бауыржан Қайратұлы',
      },
      { sectorId: await a.sector('land'), summary: 'Жайылымдық жер телімдері бөлінбеген' },
    ],
  })
  const social = await a.ok(
    'appeals.create',
    appealInput(await a.sector('social'), {
      localityId: aLoc.settlements[1],
      executorId: executor.id,
      summary: 'Көпбалалы отбасына әлеуметтік көмек керек',
    }),
  )
  const land = await a.ok(
    'appeals.create',
    appealInput(await a.sector('land'), {
      localityId: null,
      receivedAt: '2026-03-17T11:00',
      summary: 'Жер телімінің шекарасы туралы дау',
    }),
  )

  // Okrug B: three reception appeals (one in a sector of its own) and a meeting with one question.
  const bLoc = await addOkrug(b, OKRUG_B, ['Ақтоғай ауылы'])
  await b.ok('sectors.create', { code: 'ecology', nameKk: 'Экология', nameRu: 'Экология', nameEn: 'Ecology' })
  const atB = (sector: number, over: Partial<ApiInput<'appeals.create'>>) =>
    b.ok('appeals.create', appealInput(sector, { localityId: bLoc.settlements[0], ...over }))
  const first = await atB(await b.sector('housing'), { summary: 'Көше жарығы жанбайды' })
  const second = await atB(await b.sector('housing'), {
    receivedAt: '2026-03-18T09:30',
    summary: 'Көпқабатты үйдің шатыры ағады',
  })
  const ecology = await atB(await b.sector('ecology'), {
    receivedAt: '2026-03-19T15:00',
    summary: 'Өзен жағасында қоқыс үйілген',
  })
  const bMeeting = await b.ok(
    'meetings.create',
    meetingInput({ localityId: bLoc.settlements[0], place: 'Ақтоғай ауылының клубы' }),
  )
  await b.ok('meetings.addQuestions', {
    meetingId: bMeeting.id,
    questions: [{ sectorId: await b.sector('agriculture'), summary: 'Мал қорымы салынбаған' }],
  })

  // The district registers appeals of its own: its numbers are the okrugs' numbers too.
  await district.ok(
    'appeals.create',
    appealInput(await district.sector('housing'), { summary: 'Аудан орталығында жол жөндеу керек' }),
  )
  await district.ok(
    'appeals.create',
    appealInput(await district.sector('social'), {
      receivedAt: '2026-03-16T11:00',
      summary: 'Мүгедектігі бар адамға пандус',
    }),
  )

  return {
    a,
    b,
    district,
    folder,
    aUuid: await officeUuid(a),
    bUuid: await officeUuid(b),
    aAppeals: { social: social.id, land: land.id },
    bAppeals: { first: first.id, second: second.id, ecology: ecology.id },
  }
}

/** Exports an office's package to a file and imports that file at the district. */
async function carry(from: Desk, to: Desk, folder: string) {
  const { file } = await exportToFile(from, folder)
  return { file, summary: await to.ok('consolidation.importPackage', packageInput(file)) }
}

const regNumbers = async (desk: Desk, filters: ApiInput<'appeals.list'> = {}) =>
  (await desk.ok('appeals.list', { limit: 500, sort: 'regNumber', order: 'asc', ...filters })).rows.map(
    (r) => r.regNumber,
  )

/** The district's id of an imported appeal, by its okrug's uuid. */
async function districtAppealId(w: World, okrug: Desk, okrugId: number): Promise<number> {
  const { uuid } = await okrug.ok('appeals.get', { id: okrugId })
  const [row] = await w.district.sql<{ id: number }>('SELECT id FROM appeals WHERE uuid = ?', [uuid])
  return row!.id
}

describe('a district consolidating two okrugs', () => {
  it('imports both packages from files and sees the combined data, filterable by okrug in lists and reports', async () => {
    const w = await twoOkrugs()
    const { summary: fromA } = await carry(w.a, w.district, w.folder)
    expect(fromA).toMatchObject({
      office: { uuid: w.aUuid, nameKk: 'Қарабас ауылдық округі әкімінің аппараты' },
      sourceCode: 1,
      alreadyImported: false,
      sectorsAdded: [],
      localities: { added: 3, updated: 0, unchanged: 0, conflicts: 0 },
      meetings: { added: 1, updated: 0, unchanged: 0, conflicts: 0 },
      appeals: { added: 4, updated: 0, unchanged: 0, conflicts: 0 },
      openConflicts: 0,
    })
    const { summary: fromB } = await carry(w.b, w.district, w.folder)
    expect(fromB).toMatchObject({
      sourceCode: 2,
      sectorsAdded: ['ecology'],
      localities: { added: 2 },
      meetings: { added: 1 },
      appeals: { added: 4, updated: 0, unchanged: 0, conflicts: 0 },
    })

    // Every office numbers from 2026-000001: imported numbers carry their source's code.
    expect(await regNumbers(w.district)).toEqual([
      '1/2026-000001',
      '1/2026-000002',
      '1/2026-000003',
      '1/2026-000004',
      '2/2026-000001',
      '2/2026-000002',
      '2/2026-000003',
      '2/2026-000004',
      '2026-000001',
      '2026-000002',
    ])
    const origin = await w.district.sql<{ reg_number: string; origin_reg_number: string | null }>(
      "SELECT reg_number, origin_reg_number FROM appeals WHERE reg_number LIKE '1/%' ORDER BY reg_number",
    )
    expect(origin.map((r) => r.origin_reg_number)).toEqual(['2026-000001', '2026-000002', '2026-000003', '2026-000004'])
    // the district's own numbering goes on as before
    const third = await w.district.ok(
      'appeals.create',
      appealInput(await w.district.sector('land'), { summary: 'Жер телімі туралы жаңа өтініш' }),
    )
    expect(third.regNumber).toBe('2026-000003')

    // The imported appeal keeps its content, and its executor by name.
    const social = (await w.district.ok('appeals.list', { query: 'Көпбалалы' })).rows
    expect(social).toHaveLength(1)
    expect(social[0]).toMatchObject({
      regNumber: '1/2026-000003',
      executorName: 'Ахметов Дәулет Серікұлы',
      executorId: null,
      status: 'registered',
    })

    // The okrugs' localities keep their okrug → settlement hierarchy.
    const localities = await w.district.ok('localities.list', {})
    const okrugA = localities.find((l) => l.nameKk === OKRUG_A)!
    expect(okrugA.kind).toBe('okrug')
    expect(
      localities
        .filter((l) => l.parentId === okrugA.id)
        .map((l) => l.nameKk)
        .sort(),
    ).toEqual(['Ақбұлақ ауылы', 'Қарабас ауылы'])

    // Lists filter by okrug: A's localities, and A's office for appeals without a locality.
    const scopeA = await okrugScope(w.district, OKRUG_A)
    expect(await regNumbers(w.district, { localityIds: scopeA })).toEqual([
      '1/2026-000001',
      '1/2026-000002',
      '1/2026-000003',
    ])
    expect(await regNumbers(w.district, { originOfficeUuid: w.aUuid })).toEqual([
      '1/2026-000001',
      '1/2026-000002',
      '1/2026-000003',
      '1/2026-000004',
    ])
    const search = async (filters: ApiInput<'appeals.list'>) => {
      const page = await w.district.ok('appeals.list', { query: 'жер', ...filters })
      return { total: page.total, rows: page.rows.map((r) => r.regNumber).sort() }
    }
    expect(await search({})).toEqual({ total: 3, rows: ['1/2026-000002', '1/2026-000004', '2026-000003'] })
    expect(await search({ originOfficeUuid: w.aUuid })).toEqual({ total: 2, rows: ['1/2026-000002', '1/2026-000004'] })
    const scopeB = await okrugScope(w.district, OKRUG_B)
    expect(await regNumbers(w.district, { localityIds: scopeB })).toEqual([
      '2/2026-000001',
      '2/2026-000002',
      '2/2026-000003',
      '2/2026-000004',
    ])

    // Reports filter by okrug through the locality scope, called as a door calls them.
    const report = async (localityId: number | null, source: 'all' | 'meetings' = 'all') => {
      const result = await w.district.core.dispatch(
        'reports.build',
        { lang: 'kk', params: { kind: 'sector-by-year', from: 2026, to: 2026, source, localityId } },
        ADMIN,
      )
      if (!result.ok) throw new Error(JSON.stringify(result.error))
      return sectorCounts(result.data as ReportModel)
    }
    const sectors = await w.district.ok('sectors.list', {})
    const name = (code: string) => sectors.find((s) => s.code === code)!.nameKk
    expect(await report(scopeA[0]!)).toEqual({
      counts: { [name('housing')]: 1, [name('social')]: 1, [name('land')]: 1 },
      total: 3,
    })
    expect(await report(scopeA[0]!, 'meetings')).toEqual({
      counts: { [name('housing')]: 1, [name('land')]: 1 },
      total: 2,
    })
    expect(await report(scopeB[0]!)).toEqual({
      counts: { [name('housing')]: 2, [name('agriculture')]: 1, Экология: 1 },
      total: 4,
    })
    expect((await report(null)).total).toBe(11) // 4 + 4 + the district's 3

    // An unknown sector code arrives inactive: reports keep it, new appeals cannot pick it.
    const ecology = (await w.district.ok('sectors.list', {})).find((s) => s.code === 'ecology')!
    expect(ecology).toMatchObject({ nameKk: 'Экология', active: false })

    // Meetings of both okrugs, with their questions.
    const meetings = await w.district.ok('meetings.list', {})
    expect(meetings.map((m) => m.questionsCount).sort()).toEqual([1, 2])
    const meetingA = meetings.find((m) => m.questionsCount === 2)!
    expect(meetingA.localityId).toBe(localities.find((l) => l.nameKk === 'Қарабас ауылы')!.id)
    expect((await w.district.ok('meetings.get', { id: meetingA.id })).questions.map((q) => q.regNumber)).toEqual([
      '1/2026-000001',
      '1/2026-000002',
    ])

    // The sources, and an audit trail that still holds together.
    expect(await w.district.ok('consolidation.sources', {})).toMatchObject([
      { code: 1, officeUuid: w.aUuid, appeals: 4, meetings: 1, localities: 3, openConflicts: 0 },
      { code: 2, officeUuid: w.bUuid, appeals: 4, meetings: 1, localities: 2, openConflicts: 0 },
    ])
    const arrivals = await w.district.sql<{ n: number }>(
      "SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'create' AND entity = 'appeal' AND new_value LIKE '%originOfficeUuid%'",
    )
    expect(arrivals[0]!.n).toBe(8)
    expect((await w.district.ok('audit.verify', {})).firstBroken).toBeNull()
  })

  it('changes nothing when the same package is imported again: no row, no audit entry', async () => {
    const w = await twoOkrugs()
    const { file } = await carry(w.a, w.district, w.folder)
    const before = await snapshot(w.district)
    const again = await w.district.ok('consolidation.importPackage', packageInput(file))
    expect(again).toMatchObject({
      alreadyImported: true,
      sectorsAdded: [],
      localities: { added: 0, updated: 0, unchanged: 3, conflicts: 0 },
      meetings: { added: 0, updated: 0, unchanged: 1, conflicts: 0 },
      appeals: { added: 0, updated: 0, unchanged: 4, conflicts: 0 },
    })
    expect(await snapshot(w.district)).toEqual(before)
  })

  it('takes a newer edit made at the okrug, and ignores an older package imported after it', async () => {
    const w = await twoOkrugs()
    const { file: first } = await carry(w.a, w.district, w.folder)
    const older = join(w.folder, 'older.json.gz')
    copyFileSync(first, older)

    // The okrug answers one appeal and corrects another, then sends a new package.
    await bringTo(w.a, w.aAppeals.social, 'answered', '2026-04-08')
    await w.a.ok('appeals.update', {
      ...(await updateInput(w.a, w.aAppeals.land)),
      summary: 'Жер телімінің шекарасы көршімен даулы',
    })
    const { summary } = await carry(w.a, w.district, w.folder)
    expect(summary.appeals).toEqual({ added: 0, updated: 2, unchanged: 2, conflicts: 0 })
    expect(summary.localities).toEqual({ added: 0, updated: 0, unchanged: 3, conflicts: 0 })

    const social = await w.district.ok('appeals.get', { id: await districtAppealId(w, w.a, w.aAppeals.social) })
    expect(social).toMatchObject({
      status: 'answered',
      outcome: 'explained',
      answerText: 'Жауап берілді',
      answeredOn: '2026-04-08',
    })
    expect(social.history.filter((h) => h.action === 'import').map((h) => h.field)).toEqual(
      expect.arrayContaining(['status', 'outcome', 'answerText', 'answeredOn', 'importedVersion']),
    )
    // the new text is searchable at the district
    expect(await regNumbers(w.district, { query: 'көршімен' })).toEqual(['1/2026-000004'])

    // The first package, older than what the district holds now, changes nothing.
    const before = await snapshot(w.district)
    const stale = await w.district.ok('consolidation.importPackage', packageInput(older))
    expect(stale).toMatchObject({
      alreadyImported: true,
      appeals: { added: 0, updated: 0, unchanged: 4, conflicts: 0 },
    })
    expect(await snapshot(w.district)).toEqual(before)
  })

  it('lists conflicting edits with both versions, loses neither, and lets a person decide either way', async () => {
    const w = await twoOkrugs()
    await carry(w.b, w.district, w.folder)
    const x = await districtAppealId(w, w.b, w.bAppeals.first)
    const y = await districtAppealId(w, w.b, w.bAppeals.second)

    // The district works on two of B's appeals...
    await w.district.ok('appeals.update', {
      ...(await updateInput(w.district, x)),
      summary: 'Көше жарығы жанбайды (аудан тексерді: 12 шам сынған)',
    })
    await w.district.ok('appeals.transition', { id: y, to: 'in_progress' })
    // ...and B works on the same two.
    await bringTo(w.b, w.bAppeals.first, 'answered', '2026-04-09')
    await w.b.ok('appeals.update', {
      ...(await updateInput(w.b, w.bAppeals.second)),
      summary: 'Көпқабатты үйдің шатыры ағады, пәтерлерді су басты',
    })
    const { file, summary } = await carry(w.b, w.district, w.folder)
    expect(summary.appeals).toEqual({ added: 0, updated: 0, unchanged: 2, conflicts: 2 })
    expect(summary.openConflicts).toBe(2)

    // Nothing was overwritten: the district's versions stand until someone decides.
    expect(await w.district.ok('appeals.get', { id: x })).toMatchObject({
      summary: 'Көше жарығы жанбайды (аудан тексерді: 12 шам сынған)',
      status: 'registered',
    })
    expect(await w.district.ok('appeals.get', { id: y })).toMatchObject({
      summary: 'Көпқабатты үйдің шатыры ағады',
      status: 'in_progress',
    })

    // Both versions, side by side.
    const conflicts = await w.district.ok('consolidation.conflicts', {})
    expect(conflicts.map((c) => [c.entity, c.recordId, c.label, c.officeUuid])).toEqual([
      ['appeal', x, '1/2026-000001', w.bUuid],
      ['appeal', y, '1/2026-000002', w.bUuid],
    ])
    const differing = (id: number) =>
      Object.fromEntries(
        conflicts
          .find((c) => c.recordId === id)!
          .fields.filter((f) => f.differs)
          .map((f) => [f.field, [f.local, f.incoming]]),
      )
    expect(differing(x)).toEqual({
      summary: ['Көше жарығы жанбайды (аудан тексерді: 12 шам сынған)', 'Көше жарығы жанбайды'],
      status: ['registered', 'answered'],
      outcome: [null, 'explained'],
      answerText: [null, 'Жауап берілді'],
      answeredOn: [null, '2026-04-09'],
    })
    expect(differing(y)).toEqual({
      summary: ['Көпқабатты үйдің шатыры ағады', 'Көпқабатты үйдің шатыры ағады, пәтерлерді су басты'],
      status: ['in_progress', 'registered'],
    })
    expect((await w.district.ok('consolidation.sources', {}))[0]!.openConflicts).toBe(2)

    // The same package again raises nothing new.
    let before = await snapshot(w.district)
    expect((await w.district.ok('consolidation.importPackage', packageInput(file))).appeals).toEqual({
      added: 0,
      updated: 0,
      unchanged: 4,
      conflicts: 0,
    })
    expect(await snapshot(w.district)).toEqual(before)

    // Keep the district's version of X.
    const keptLocal = await w.district.ok('consolidation.resolve', { id: conflicts[0]!.id, keep: 'local' })
    expect(keptLocal).toMatchObject({ resolution: 'local', resolvedAt: expect.any(String) })
    expect(await w.district.ok('appeals.get', { id: x })).toMatchObject({
      summary: 'Көше жарығы жанбайды (аудан тексерді: 12 шам сынған)',
      status: 'registered',
    })
    // B's version is not lost: it stays in the decided conflict
    expect(keptLocal.fields.find((f) => f.field === 'status')).toMatchObject({
      local: 'registered',
      incoming: 'answered',
      differs: true,
    })

    // Take B's version of Y.
    const tookIncoming = await w.district.ok('consolidation.resolve', { id: conflicts[1]!.id, keep: 'incoming' })
    expect(tookIncoming.resolution).toBe('incoming')
    expect(await w.district.ok('appeals.get', { id: y })).toMatchObject({
      summary: 'Көпқабатты үйдің шатыры ағады, пәтерлерді су басты',
      status: 'registered',
    })
    // the district's version is not lost either: in the decided conflict and in the audit trail
    expect(tookIncoming.fields.find((f) => f.field === 'status')).toMatchObject({
      local: 'in_progress',
      incoming: 'registered',
    })
    const yHistory = (await w.district.ok('appeals.get', { id: y })).history
    expect(yHistory.find((h) => h.action === 'transition' && h.field === 'status')).toMatchObject({
      newValue: '"in_progress"',
    })
    expect(yHistory.find((h) => h.action === 'import' && h.field === 'status')).toMatchObject({
      oldValue: '"in_progress"',
      newValue: '"registered"',
    })

    expect(await w.district.ok('consolidation.conflicts', {})).toEqual([])
    expect(
      (await w.district.ok('consolidation.conflicts', { includeResolved: true })).map((c) => c.resolution),
    ).toEqual(['local', 'incoming'])
    expect(
      (await w.district.fail('consolidation.resolve', { id: conflicts[0]!.id, keep: 'incoming' })).messageKey,
    ).toBe('consolidationUi.errors.alreadyResolved')
    expect((await w.district.fail('consolidation.resolve', { id: 999, keep: 'local' })).messageKey).toBe(
      'consolidationUi.errors.conflictNotFound',
    )

    // The decided package once more: nothing changes, no conflict comes back.
    before = await snapshot(w.district)
    await w.district.ok('consolidation.importPackage', packageInput(file))
    expect(await snapshot(w.district)).toEqual(before)

    // B changes X again: the district edited X, so it is a conflict again; Y (not edited here
    // since it took B's version) simply follows B.
    await w.b.ok('appeals.update', {
      ...(await updateInput(w.b, w.bAppeals.second)),
      summary: 'Шатыр жөнделді, бірақ су әлі ағады',
    })
    await w.b.ok('appeals.update', {
      ...(await updateInput(w.b, w.bAppeals.first)),
      summary: 'Көше жарығы: 12 шамның 5-і ауыстырылды',
    })
    const third = (await carry(w.b, w.district, w.folder)).summary
    expect(third.appeals).toEqual({ added: 0, updated: 1, unchanged: 2, conflicts: 1 })
    expect((await w.district.ok('appeals.get', { id: y })).summary).toBe('Шатыр жөнделді, бірақ су әлі ағады')
    expect((await w.district.ok('consolidation.conflicts', {})).map((c) => c.recordId)).toEqual([x])
    expect((await w.district.ok('audit.verify', {})).firstBroken).toBeNull()
  })
})

describe('localities and meetings follow the same rules', () => {
  it('a renamed settlement conflicts, a meeting changed only at the okrug is updated', async () => {
    const w = await twoOkrugs()
    await carry(w.a, w.district, w.folder)
    const here = (await w.district.ok('localities.list', {})).find((l) => l.nameKk === 'Ақбұлақ ауылы')!
    await w.district.ok('localities.update', { ...here, nameKk: 'Ақбұлақ ауылы (аудан)', nameEn: null })
    const there = (await w.a.ok('localities.list', {})).find((l) => l.nameKk === 'Ақбұлақ ауылы')!
    await w.a.ok('localities.update', { ...there, nameKk: 'Ақбұлақ', nameRu: 'Акбулак', nameEn: null })
    const [meeting] = await w.a.ok('meetings.list', {})
    const { questionsCount: _count, measureCounts: _measures, ...fields } = meeting!
    await w.a.ok('meetings.update', { ...fields, attendance: 150 })

    const { summary } = await carry(w.a, w.district, w.folder)
    expect(summary.localities).toEqual({ added: 0, updated: 0, unchanged: 2, conflicts: 1 })
    expect(summary.meetings).toEqual({ added: 0, updated: 1, unchanged: 0, conflicts: 0 })
    expect((await w.district.ok('meetings.list', {}))[0]!.attendance).toBe(150)

    const [conflict] = await w.district.ok('consolidation.conflicts', {})
    expect(conflict).toMatchObject({ entity: 'locality', recordId: here.id, label: 'Ақбұлақ' })
    expect(conflict!.fields.filter((f) => f.differs)).toEqual([
      { field: 'nameKk', local: 'Ақбұлақ ауылы (аудан)', incoming: 'Ақбұлақ', differs: true },
      { field: 'nameRu', local: 'Ақбұлақ ауылы (ru)', incoming: 'Акбулак', differs: true },
    ])
    // the parent is shown as the okrug's id here on both sides
    expect(conflict!.fields.find((f) => f.field === 'parentId')).toMatchObject({
      local: here.parentId,
      incoming: here.parentId,
      differs: false,
    })

    await w.district.ok('consolidation.resolve', { id: conflict!.id, keep: 'incoming' })
    expect((await w.district.ok('localities.list', {})).find((l) => l.id === here.id)).toMatchObject({
      nameKk: 'Ақбұлақ',
      nameRu: 'Акбулак',
      parentId: here.parentId,
    })
  })
})

/** The update input of an appeal as it is now (to change one field). */
async function updateInput(desk: Desk, id: number): Promise<ApiInput<'appeals.update'>> {
  const a = await desk.ok('appeals.get', { id })
  return {
    id,
    channel: a.channel,
    appealType: a.appealType,
    sectorId: a.sectorId,
    localityId: a.localityId,
    meetingId: a.meetingId,
    applicant: await storedApplicant(desk, id),
    summary: a.summary,
  }
}
