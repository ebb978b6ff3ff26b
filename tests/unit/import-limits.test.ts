import { describe, expect, it } from 'vitest'
import { DomainError } from '@shared/api/errors'
import { IMPORT_LIMITS } from '../../src/main/import/limits'
import { readSpreadsheet } from '../../src/main/import/readSpreadsheet'
import { lastColumnXlsx, sheetXmlWorkbook, smallWorkbook, zipBombXlsx } from '../helpers/hostileFiles'

/** The refusal `read` ends with, and how long it took. */
async function refusal(read: () => Promise<unknown>) {
  const started = performance.now()
  const error = await read().then(
    () => null,
    (e: unknown) => e,
  )
  const ms = performance.now() - started
  expect(error).toBeInstanceOf(DomainError)
  const { messageKey, issues } = (error as DomainError).toApiError()
  return { messageKey, issue: issues[0]!, ms }
}

describe('the caps on an imported spreadsheet', () => {
  const bombs = zipBombXlsx()

  it('reads a small workbook built the same way (the refusals below are the caps, not the zip)', async () => {
    const book = await readSpreadsheet(
      'ok.xlsx',
      smallWorkbook([
        [
          ['A1', 'Аты-жөні'],
          ['B1', 'ИИН'],
        ],
        [['A2', 'Асқар']],
      ]),
    )
    expect(book.sheets[0]!.rows.map((r) => r.cells)).toEqual([['Аты-жөні', 'ИИН'], ['Асқар']])
  })

  it('refuses a zip bomb from its central directory, before unpacking anything', async () => {
    const file = (await bombs).honest
    expect(file.length).toBeLessThan(330 * 1024)
    const { messageKey, issue, ms } = await refusal(() => readSpreadsheet('bomb.xlsx', file))
    console.log(`zip bomb (${Math.round(file.length / 1024)} KB, declared honestly): refused in ${ms.toFixed(0)} ms`)
    expect(messageKey).toBe('importUi.errors.tooLarge')
    expect(issue).toEqual({
      path: ['file'],
      messageKey: 'importUi.errors.limits.unzippedBytes',
      params: { limit: 100 },
    })
    expect(ms).toBeLessThan(10_000)
  })

  it('refuses a zip bomb that declares its sheet small, no further than the declared size', async () => {
    const file = (await bombs).lying
    const rssBefore = process.memoryUsage().rss
    const { issue, ms } = await refusal(() => readSpreadsheet('bomb.xlsx', file))
    const grew = process.memoryUsage().rss - rssBefore
    console.log(`zip bomb (declared 4 KB): refused in ${ms.toFixed(0)} ms, RSS +${(grew / 2 ** 20).toFixed(0)} MB`)
    expect(issue).toMatchObject({
      messageKey: 'importUi.errors.limits.zipSizeLies',
      params: { part: 'xl/worksheets/sheet1.xml' },
    })
    expect(ms).toBeLessThan(10_000)
    expect(grew).toBeLessThan(100 * 2 ** 20)
  })

  it('refuses 100,000 rows with a cell in column XFD at the first one, without filling a row', async () => {
    const file = lastColumnXlsx()
    const rssBefore = process.memoryUsage().rss
    const { issue, ms } = await refusal(() => readSpreadsheet('xfd.xlsx', file))
    const grew = process.memoryUsage().rss - rssBefore
    console.log(
      `XFD file (${Math.round(file.length / 1024)} KB): refused in ${ms.toFixed(0)} ms, RSS +${(grew / 2 ** 20).toFixed(0)} MB`,
    )
    expect(issue).toEqual({
      path: ['file'],
      messageKey: 'importUi.errors.limits.columns',
      params: { limit: IMPORT_LIMITS.columns, column: 'XFD' },
    })
    expect(ms).toBeLessThan(10_000)
    expect(grew).toBeLessThan(200 * 2 ** 20)
  })

  it('counts rows as they come, whatever the dimension says, and a row far down counts all above it', async () => {
    const unnumbered = sheetXmlWorkbook(
      '<row/>'.repeat(IMPORT_LIMITS.rows) + '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
      '',
      '<dimension ref="A1"/>',
    )
    expect((await refusal(() => readSpreadsheet('long.xlsx', unnumbered))).issue).toEqual({
      path: ['file'],
      messageKey: 'importUi.errors.limits.rows',
      params: { limit: IMPORT_LIMITS.rows, row: IMPORT_LIMITS.rows + 1 },
    })
    const far = sheetXmlWorkbook(
      `<row r="${IMPORT_LIMITS.rows + 1}"><c r="A${IMPORT_LIMITS.rows + 1}" t="inlineStr"><is><t>x</t></is></c></row>`,
    )
    expect((await refusal(() => readSpreadsheet('far.xlsx', far))).issue).toMatchObject({
      messageKey: 'importUi.errors.limits.rows',
    })
    // cells without a reference are counted one after the other
    const wide = sheetXmlWorkbook(
      `<row>${'<c t="inlineStr"><is><t>x</t></is></c>'.repeat(IMPORT_LIMITS.columns + 1)}</row>`,
    )
    expect((await refusal(() => readSpreadsheet('wide.xlsx', wide))).issue).toMatchObject({
      messageKey: 'importUi.errors.limits.columns',
      params: { column: String(IMPORT_LIMITS.columns + 1) },
    })
    // at the caps exactly, the file is read
    const letters = (n: number): string =>
      (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26))
    const atCap = smallWorkbook([
      Array.from({ length: IMPORT_LIMITS.columns }, (_, i): [string, string] => [`${letters(i + 1)}1`, 'x']),
    ])
    expect((await readSpreadsheet('at-cap.xlsx', atCap)).sheets[0]!.rows[0]!.cells).toHaveLength(IMPORT_LIMITS.columns)
  })

  it('holds merged ranges and data validations to the caps (exceljs fills every cell of them)', async () => {
    const merged = smallWorkbook([[['A1', 'Тізілім']]], '<mergeCells count="1"><mergeCell ref="A1:XFD1"/></mergeCells>')
    expect((await refusal(() => readSpreadsheet('merge.xlsx', merged))).issue).toMatchObject({
      messageKey: 'importUi.errors.limits.columns',
    })
    const validated = smallWorkbook(
      [[['A1', 'Сала']]],
      '<dataValidations count="1"><dataValidation type="list" sqref="C2:C1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
    )
    expect((await refusal(() => readSpreadsheet('dv.xlsx', validated))).issue).toMatchObject({
      messageKey: 'importUi.errors.limits.rows',
    })
    // a title merged across the table, as offices' registers have, is read
    const title = smallWorkbook([[['A1', 'Тізілім']]], '<mergeCells count="1"><mergeCell ref="A1:I1"/></mergeCells>')
    expect((await readSpreadsheet('title.xlsx', title)).sheets[0]!.rows[0]!.mergedAcross).toBe(true)
  })

  it('holds a csv to the same row and column caps', async () => {
    const wide = Buffer.from(`${'x;'.repeat(IMPORT_LIMITS.columns)}x\n`)
    expect((await refusal(() => readSpreadsheet('wide.csv', wide))).issue).toMatchObject({
      messageKey: 'importUi.errors.limits.columns',
      params: { limit: IMPORT_LIMITS.columns, column: String(IMPORT_LIMITS.columns + 1) },
    })
    const long = Buffer.from('x\n'.repeat(IMPORT_LIMITS.rows + 1))
    expect((await refusal(() => readSpreadsheet('long.csv', long))).issue).toMatchObject({
      messageKey: 'importUi.errors.limits.rows',
    })
  })
})
