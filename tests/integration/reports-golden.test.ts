import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportModel } from '@shared/api/contract'
import type { Core } from '../../src/main/core'
import { startTestCore } from '../helpers/core'
import { ADMIN } from '../helpers/context'
import { expectInOrder, exportReport, findRow, PDF_TIMEOUT, readSheet } from '../helpers/reportFiles'
import { keepPdf, pdfText } from '../helpers/pdf'

/**
 * Golden test: the sample district's report meetings 2021-2023, exported as the official
 * sector-by-year table in kk and ru, read back from the real files (xlsx with exceljs, pdf with
 * pdfjs) and compared with the reference table (tests/fixtures/reference/).
 */

interface Reference {
  title: Record<string, string>
  columns: Record<string, string[]>
  totalRow: Record<string, string>
  note: Record<string, string>
  years: number[]
  rows: { no: number; kk: string; ru: string; counts: number[]; percents: string[] }[]
  totals: { counts: number[]; percents: string[] }
}
const REF = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/reference/report-meetings-table.json'), 'utf8'),
) as Reference
const PARAMS = { kind: 'sector-by-year' as const, from: 2021, to: 2023, source: 'meetings' as const, localityId: null }
const LANGS = ['kk', 'ru'] as const
const SIGNATURE = { kk: 'Орындаған', ru: 'Исполнитель' }
const OFFICE = { kk: 'Абай ауданының әкімдігі', ru: 'Акимат Абайского района' }

// One core for the file: loading the sample district takes seconds.
let core: Core
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'akimat-golden-'))
  core = await startTestCore(join(dir, 'akimat.sqlite'), { clock: () => new Date('2026-11-27T10:00:00') })
  const loaded = await core.dispatch('sample.load', {}, ADMIN)
  expect(loaded).toMatchObject({ ok: true, data: { meetings: 22, questions: 326 } })
  // The reference's note is the thesis's own line; an office sets its source line in Settings
  // (its default, built from the office's name, is tested in reports-office.test.ts).
  const office = await core.dispatch('office.get', {}, ADMIN)
  const updated = await core.dispatch(
    'office.update',
    { ...(office as { data: object }).data, sourceNoteKk: REF.note.kk, sourceNoteRu: REF.note.ru },
    ADMIN,
  )
  expect(updated.ok).toBe(true)
}, 300_000)

describe("the sample district's promised measures", () => {
  it('gives every meeting one to three, each answering one of its own questions, in more than one state', async () => {
    const sql = (query: string) => core.database.dataSource.query(query)
    const perMeeting: { n: number }[] = await sql(
      'SELECT COUNT(m.id) AS n FROM report_meetings r LEFT JOIN meeting_measures m ON m.meeting_id = r.id GROUP BY r.id',
    )
    expect(perMeeting).toHaveLength(22)
    expect(perMeeting.filter(({ n }) => n < 1 || n > 3)).toEqual([])
    expect(
      await sql(
        'SELECT m.id FROM meeting_measures m JOIN appeals a ON a.id = m.appeal_id WHERE a.meeting_id IS NOT m.meeting_id',
      ),
    ).toEqual([])
    expect(await sql("SELECT id FROM meeting_measures WHERE appeal_id IS NULL OR done_on > '2026-11-27'")).toEqual([])
    const states = (await sql('SELECT done_on IS NULL AS open, done_on > due_on AS late FROM meeting_measures')) as {
      open: number
      late: number | null
    }[]
    expect(states.some((s) => s.open)).toBe(true)
    expect(states.some((s) => !s.open && s.late)).toBe(true)
    expect(states.some((s) => !s.open && !s.late)).toBe(true)
  })
})

afterAll(async () => {
  await core?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** "14,78" → 14.78 */
const number = (percent: string) => Number(percent.replace(',', '.'))
const headers = (lang: 'kk' | 'ru') => {
  const [no, sector, year, percent] = REF.columns[lang]!
  return [no, sector, ...REF.years.flatMap((y) => [year!.replace('{year}', String(y)), percent])]
}

describe.each(LANGS)('sector by year 2021-2023, report meetings (%s)', (lang) => {
  it('builds the model of the reference table', async () => {
    const result = await core.dispatch('reports.build', { lang, params: PARAMS }, ADMIN)
    const model = (result as { data: ReportModel }).data
    expect(model.title).toBe(REF.title[lang])
    const table = model.tables[0]!
    expect(table.columns.map((c) => c.header)).toEqual(headers(lang))
    expect(table.rows.map((row) => row.map((cell) => ('value' in cell ? cell.value : null)))).toEqual(
      REF.rows.map((r) => [r.no, r[lang], ...r.counts.flatMap((n, yi) => [n, number(r.percents[yi]!)])]),
    )
    expect(table.total!.map((cell) => ('value' in cell ? cell.value : null))).toEqual([
      null,
      REF.totalRow[lang],
      ...REF.totals.counts.flatMap((n) => [n, 100]),
    ])
    expect(model.notes).toEqual([REF.note[lang]])
  })

  it('writes the xlsx: values, live formulas with their results, merged title, print setup', async () => {
    const sheet = await readSheet(await exportReport(core, lang, PARAMS, 'xlsx'))
    const lastColumn = 'H' // №, sector, and a count and a share for each of three years
    expect(sheet.getCell('A1').value).toBe(REF.title[lang])
    expect(sheet.model.merges).toContain(`A1:${lastColumn}1`)
    expect(sheet.getCell('A1').font).toMatchObject({ name: 'Times New Roman', bold: true })

    const header = findRow(sheet, REF.columns[lang]![0]!)
    expect((sheet.getRow(header).values as unknown[]).slice(1)).toEqual(headers(lang))
    const first = header + 1
    const totalRow = first + REF.rows.length
    const columns = ['C', 'E', 'G'] // counts; the share of each is the column to its right

    REF.rows.forEach((ref, i) => {
      const row = sheet.getRow(first + i)
      expect(row.getCell(1).value).toBe(ref.no)
      expect(row.getCell(2).value).toBe(ref[lang])
      columns.forEach((column, yi) => {
        const count = row.getCell(3 + yi * 2)
        const share = row.getCell(4 + yi * 2)
        expect(count.value).toBe(ref.counts[yi])
        expect(count.numFmt).toBe('0')
        expect(share.formula).toBe(
          `IF(${column}$${totalRow}=0,0,ROUND(${column}${first + i}/${column}$${totalRow}*100,2))`,
        )
        expect(share.result).toBe(number(ref.percents[yi]!))
        expect(share.numFmt).toBe('0.00')
      })
    })

    const total = sheet.getRow(totalRow)
    expect(total.getCell(2).value).toBe(REF.totalRow[lang])
    columns.forEach((column, yi) => {
      expect(total.getCell(3 + yi * 2).formula).toBe(`SUM(${column}${first}:${column}${totalRow - 1})`)
      expect(total.getCell(3 + yi * 2).result).toBe(REF.totals.counts[yi])
      expect(total.getCell(4 + yi * 2).value).toBe(100)
    })
    expect(total.getCell(3).font).toMatchObject({ name: 'Times New Roman', bold: true })

    expect(findRow(sheet, REF.note[lang]!)).toBeGreaterThan(totalRow)
    // every styled cell names its font; every table cell has its border
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value !== null) expect(cell.font?.name, cell.address).toBe('Times New Roman')
      }),
    )
    for (let r = header; r <= totalRow; r++) {
      for (let c = 1; c <= 8; c++) expect(sheet.getRow(r).getCell(c).border?.left?.style).toBe('thin')
    }
    expect(sheet.getColumn(2).width).toBe(44)
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${header}:${header}`,
    })
  })

  it(
    'writes the pdf: title, every row with counts and comma percents in order, total, note, signature',
    async () => {
      const pdf = await exportReport(core, lang, PARAMS, 'pdf')
      await keepPdf(pdf, `sector-by-year-${lang}`)
      const text = await pdfText(pdf)
      // a narrow header cell wraps ("№ п/п" over two lines): its first word comes first
      expectInOrder(text, [
        OFFICE[lang],
        '2021-2023',
        REF.title[lang]!,
        REF.columns[lang]![0]!.split(' ')[0]!,
        REF.columns[lang]![1]!,
      ])
      expectInOrder(text, [
        ...REF.rows.flatMap((r) => [r[lang], ...r.counts.flatMap((n, yi) => [String(n), r.percents[yi]!])]),
        REF.totalRow[lang]!,
        ...REF.totals.counts.flatMap((n) => [String(n), '100']),
        REF.note[lang]!,
        SIGNATURE[lang],
        '27.11.2026',
      ])
      // one row per line: the name, then its six numbers
      for (const r of REF.rows) {
        const numbers = r.counts.flatMap((n, yi) => [String(n), r.percents[yi]!])
        expect(text).toMatch(new RegExp(`${r.no}\\s+${escape(r[lang])}\\s+${numbers.join('\\s+')}\\s`))
      }
    },
    PDF_TIMEOUT,
  )
})

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
