import { describe, expect, it } from 'vitest'
import type { ImportPreview, ImportRow } from '@shared/api/contract'
import { LANGUAGES, translate } from '@shared/i18n'
import { useCleanup } from '../helpers/cleanup'
import { IIN, OPERATOR, appealInput, openDesk, type Desk } from '../helpers/appeals'
import { MESSY_ROWS, fileInput, messyRegisterXlsx } from '../helpers/importFiles'

/**
 * The messy register of a rural akimat, imported through the API the wizard calls: merged
 * title rows, a header in Kazakh and Russian, dates typed and entered as Excel dates, bad
 * IINs, sector names the catalog does not know, a row without its summary.
 */
const cleanup = useCleanup()
const TODAY = '2026-04-10' // a Friday; every row of the file was received in March

const rowAt = (preview: ImportPreview, name: keyof typeof MESSY_ROWS): ImportRow => {
  const row = preview.rows.find((r) => r.rowNumber === MESSY_ROWS[name]!.row)
  if (!row) throw new Error(`no row ${name}`)
  return row
}

async function previewMessy(desk: Desk, sectorMapping: Record<string, number | null> = {}) {
  const file = fileInput('Журнал 2026.xlsx', await messyRegisterXlsx())
  return { file, preview: await desk.ok('import.preview', { file, sectorMapping }) }
}

describe('import of a messy register (xlsx)', () => {
  it('finds the header below the merged titles and suggests a field for each column from kk/ru names', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const { preview } = await previewMessy(desk)

    expect(preview.format).toBe('xlsx')
    expect(preview.sheetName).toBe('Журнал 2026')
    expect(preview.headerRow).toBe(4)
    expect(preview.titleRows).toBe(2)
    expect(preview.columns.map((c) => [c.header, c.suggested])).toEqual([
      ['Р/с', null],
      ['Дата поступления', 'receivedDate'],
      ['Өтініш берушінің аты-жөні', 'applicantName'],
      ['ИИН', 'idNumber'],
      ['Телефон', 'phone'],
      ['Мекенжайы', 'address'],
      ['Сала', 'sector'],
      ['Краткое содержание', 'summary'],
      ['Өтініш түрі', 'appealType'],
    ])
    expect(preview.columns.every((c) => c.field === c.suggested)).toBe(true)
    expect(preview.missingFields).toEqual([])
    // the column-number row under the header and the totals line are not data
    expect(preview.rows.map((r) => r.rowNumber)).toEqual(Object.values(MESSY_ROWS).map((r) => r.row))
    expect(preview.columns[1]!.samples[0]).toBe('2026-03-16 10:15')
  })

  it('reads dates typed as text and entered as Excel dates (with and without a time, or as a bare serial)', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const { preview } = await previewMessy(desk)
    expect(rowAt(preview, 'water').receivedAt).toBe('2026-03-16T10:15')
    expect(rowAt(preview, 'land').receivedAt).toBe('2026-03-17T09:00') // no time: the start of the day
    expect(rowAt(preview, 'badChecksum').receivedAt).toBe('2026-03-18T14:30')
    expect(rowAt(preview, 'badFormat').receivedAt).toBe('2026-03-18T09:00')
    expect(rowAt(preview, 'roads').receivedAt).toBe('2026-03-19T09:00')
    expect(rowAt(preview, 'noSummary').receivedAt).toBe('2026-03-19T09:00') // '19.03.2026 г.'
    expect(rowAt(preview, 'serial').receivedAt).toBe('2026-03-20T09:00')
  })

  it("shows every row's problems with its field as the path and a message key in the catalogs", async () => {
    const desk = await openDesk(cleanup, TODAY)
    const { preview } = await previewMessy(desk)
    const problems = (name: keyof typeof MESSY_ROWS) => rowAt(preview, name).problems

    expect(problems('badChecksum')).toEqual([{ path: ['idNumber'], messageKey: 'validation.iin.checksum' }])
    expect(problems('badFormat')).toEqual([{ path: ['idNumber'], messageKey: 'validation.iin.format' }])
    expect(problems('badDate')).toEqual([
      { path: ['receivedDate'], messageKey: 'importUi.problems.unreadableDate', params: { value: '31.02.2026' } },
    ])
    expect(problems('roads')).toEqual([
      { path: ['sector'], messageKey: 'importUi.problems.unknownSector', params: { value: 'Дороги' } },
    ])
    expect(problems('noSummary')).toEqual([
      { path: ['sector'], messageKey: 'importUi.problems.unknownSector', params: { value: 'Білім беру' } },
      { path: ['summary'], messageKey: 'validation.required', params: { min: 1 } },
    ])
    // 'ЖКХ' is not a catalog name: unmapped until the user says so
    expect(problems('water')).toEqual([
      { path: ['sector'], messageKey: 'importUi.problems.unknownSector', params: { value: 'ЖКХ' } },
    ])
    expect(rowAt(preview, 'land').status).toBe('valid')
    expect(rowAt(preview, 'organisation').status).toBe('valid')
    expect(preview.counts).toEqual({ rows: 9, valid: 3, withProblems: 6, alreadyImported: 0, repeatedInFile: 0 })

    // every problem reads in the user's language, with the cell's value in it
    const all = preview.rows.flatMap((r) => r.problems)
    for (const lang of LANGUAGES) {
      for (const p of all) {
        const text = translate(lang, p.messageKey, p.params)
        expect(text, `${lang}: ${p.messageKey}`).not.toBe(p.messageKey)
        expect(text).not.toContain('{{')
      }
    }
    expect(translate('kk', 'importUi.problems.unknownSector', { value: 'Дороги' })).toBe(
      'Сала сәйкестендірілмеген: «Дороги»',
    )
  })

  it('lists the distinct sector texts with the exact matches resolved and similar catalog names suggested', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const { preview } = await previewMessy(desk)
    const [housing, land, social] = [
      await desk.sector('housing'),
      await desk.sector('land'),
      await desk.sector('social'),
    ]
    const byText = Object.fromEntries(preview.sectors.map((s) => [s.text, s]))

    expect(byText['Жер қатынастары']).toMatchObject({
      key: 'жер катынастары',
      rows: 2,
      sectorId: land,
      source: 'exact',
    })
    expect(byText['Земельные отношения']).toMatchObject({ sectorId: land, source: 'exact' })
    expect(byText['Әлеуметтік сала']).toMatchObject({ rows: 2, sectorId: social, source: 'exact' })
    expect(byText['ЖКХ']).toMatchObject({ key: 'жкх', sectorId: null, source: null })
    expect(byText['ЖКХ']!.suggestions[0]!.sectorId).toBe(housing)
    expect(byText['Дороги']).toMatchObject({ sectorId: null, suggestions: [] })
  })

  it('imports the valid rows with numbers, deadlines, audit and search as if registered by hand', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const [housing, other] = [await desk.sector('housing'), await desk.sector('other')]
    const { file, preview } = await previewMessy(desk, { жкх: housing, дороги: other })
    expect(preview.counts).toMatchObject({ valid: 5, withProblems: 4 })

    const result = await desk.ok('import.commit', { file, sectorMapping: { жкх: housing, дороги: other } })
    expect(result).toEqual({
      imported: 5,
      alreadyImported: 0,
      repeatedInFile: 0,
      leftOut: 4,
      firstNumber: '2026-000001',
      lastNumber: '2026-000005',
      registeredFrom: '2026-03-16',
      registeredTo: '2026-03-20',
    })
    expect(await desk.count('appeals')).toBe(5)

    // the same deadline as an appeal registered through the form, received at the same moment
    const byHand = await desk.ok(
      'appeals.create',
      appealInput(housing, { receivedAt: '2026-03-16T10:15', summary: 'Қолмен тіркелген' }),
    )
    const found = await desk.ok('appeals.list', { query: 'Жумабеков су' })
    expect(found.total).toBe(1)
    const imported = await desk.ok('appeals.get', { id: found.rows[0]!.id })
    expect(imported).toMatchObject({
      regNumber: '2026-000001',
      registeredOn: byHand.registeredOn,
      dueOn: byHand.dueOn,
      reviewDueOn: byHand.reviewDueOn,
      status: 'registered',
      sectorId: housing,
      appealType: 'application',
      channel: 'written',
      receivedAt: '2026-03-16T10:15',
      acceptedBy: { id: desk.operatorId },
    })
    expect(imported.history).toEqual([expect.objectContaining({ action: 'create', operator: OPERATOR.fullName })])
    expect(JSON.parse(imported.history[0]!.newValue!)).toMatchObject({ regNumber: '2026-000001', dueOn: byHand.dueOn })
    // the card shows the applicant masked; as stored, in full:
    expect((await desk.ok('appeals.revealPersonalData', { id: imported.id })).applicant).toEqual({
      kind: 'individual',
      surname: 'Жұмабеков',
      firstName: 'Нұрлан',
      patronymic: 'Серікұлы',
      iin: IIN.nurlan,
      phone: '+7 701 123 4567',
      address: expect.any(String),
    })

    // the IIN stored as a number lost nothing; the organisation came with its BIN
    expect((await desk.ok('appeals.list', { query: 'Сейітова' })).rows[0]).toMatchObject({ appealType: 'complaint' })
    const organisation = (await desk.ok('appeals.list', { query: 'Қарабас Агро' })).rows[0]!
    expect((await desk.ok('appeals.get', { id: organisation.id })).applicant).toMatchObject({
      kind: 'organisation',
      name: 'ТОО «Қарабас Агро»',
    })

    // one audit entry for the import itself, beside one per appeal
    const importAudit = await desk.sql<{ new_value: string; operator: string }>(
      "SELECT new_value, operator FROM audit_entries WHERE action = 'import'",
    )
    expect(importAudit).toHaveLength(1)
    expect(JSON.parse(importAudit[0]!.new_value)).toMatchObject({
      fileName: 'Журнал 2026.xlsx',
      imported: 5,
      leftOut: 4,
    })
    expect(importAudit[0]!.operator).toBe(OPERATOR.fullName)
    expect((await desk.ok('audit.verify', {})).firstBroken).toBeNull()
  })

  it('adds nothing when the same file is imported again (a fingerprint per row)', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const [housing, other] = [await desk.sector('housing'), await desk.sector('other')]
    const mapping = { жкх: housing, дороги: other }
    const { file } = await previewMessy(desk, mapping)
    await desk.ok('import.commit', { file, sectorMapping: mapping })
    const audit = await desk.count('audit_entries')

    const again = await desk.ok('import.preview', { file, sectorMapping: mapping })
    expect(again.counts).toEqual({ rows: 9, valid: 0, withProblems: 4, alreadyImported: 5, repeatedInFile: 0 })
    expect(again.rows.filter((r) => r.status === 'alreadyImported').map((r) => r.rowNumber)).toEqual([6, 7, 11, 13, 14])

    // mapping a sector differently does not make an imported row new
    const result = await desk.ok('import.commit', { file, sectorMapping: { жкх: other, дороги: housing } })
    expect(result).toMatchObject({ imported: 0, alreadyImported: 5, leftOut: 4, firstNumber: null })
    expect(await desk.count('appeals')).toBe(5)
    expect(await desk.count('audit_entries')).toBe(audit)
    expect(await desk.sql('SELECT fingerprint FROM import_fingerprints')).toHaveLength(5)
  })

  it('skips a row repeated inside the file, importing it once', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const copy = MESSY_ROWS.land!.cells.map((c, i) => (i === 0 ? 10 : c))
    const file = fileInput('twice.xlsx', await messyRegisterXlsx([copy]))
    const preview = await desk.ok('import.preview', { file })
    expect(preview.rows.at(-1)).toMatchObject({ rowNumber: 15, status: 'repeatedInFile' })
    const result = await desk.ok('import.commit', { file })
    expect(result).toMatchObject({ imported: 3, repeatedInFile: 1 })
  })

  it("takes the user's column mapping, refusing a field chosen for two columns", async () => {
    const desk = await openDesk(cleanup, TODAY)
    const { file, preview } = await previewMessy(desk)
    const columns = preview.columns.map((c) => ({ index: c.index, field: c.field }))

    const twice = columns.map((c) => (c.index === 5 ? { ...c, field: 'summary' as const } : c))
    const error = await desk.fail('import.preview', { file, columns: twice })
    expect(error.issues).toEqual([{ path: ['columns', 7, 'field'], messageKey: 'importUi.problems.fieldTwice' }])

    // without the summary column every row lacks its summary, and the preview says which field is missing
    const noSummary = columns.map((c) => (c.field === 'summary' ? { ...c, field: null } : c))
    const withoutSummary = await desk.ok('import.preview', { file, columns: noSummary })
    expect(withoutSummary.missingFields).toEqual(['summary'])
    expect(withoutSummary.counts.valid).toBe(0)
    expect(rowAt(withoutSummary, 'land').problems).toEqual([
      { path: ['summary'], messageKey: 'validation.required', params: { min: 1 } },
    ])
  })

  it('refuses what is not a spreadsheet, with a message key', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])
    expect((await desk.fail('import.preview', { file: fileInput('old.xls', xls) })).messageKey).toBe(
      'importUi.errors.xlsNotSupported',
    )
    expect(
      (await desk.fail('import.preview', { file: fileInput('broken.xlsx', Buffer.from('PK not a zip')) })).messageKey,
    ).toBe('importUi.errors.unreadable')
    expect((await desk.fail('import.preview', { file: fileInput('x.csv', Buffer.from('\n\n')) })).messageKey).toBe(
      'importUi.errors.noTable',
    )
    expect((await desk.fail('import.preview', { file: { fileName: 'x.csv', base64: '' } })).issues).toEqual([
      { path: ['file', 'base64'], messageKey: 'validation.required', params: { min: 1 } },
    ])
  })
})
