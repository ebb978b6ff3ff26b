import { beforeEach, describe, expect, it } from 'vitest'
import type { ReportModel } from '@shared/api/contract'
import { meetingInput, OPERATOR, openDesk, type Desk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { pdfPageTexts } from '../helpers/pdfPageTexts'
import { exportReport, findRow, PDF_TIMEOUT, readSheet } from '../helpers/reportFiles'

/**
 * What a report takes from the office's Settings, and a year with no questions. The office
 * clock stands at Tuesday 10 March 2026.
 *
 *   2024: a meeting with 3 questions: housing 2, land 1 → 66,67% and 33,33% (2/3 = 66,666…)
 *   2025: no meeting, no question → the share column reads "—" on every row and the total
 *   2026: a meeting with 1 question: land → housing 0,00%, land 100,00%
 */

const cleanup = useCleanup()
const NOW = '2026-03-10T10:00:00'
const PARAMS = { kind: 'sector-by-year' as const, from: 2024, to: 2026, source: 'meetings' as const, localityId: null }
const OFFICE = {
  nameKk: 'Абай ауданының әкімдігі',
  nameRu: 'Акимат Абайского района',
  district: 'Абай ауданы',
  region: 'Қарағанды облысы',
  headName: 'Серікбаев Нұрлан Қайратұлы',
  headPosition: 'Аудан әкімі',
  headPositionRu: 'Аким района',
}

let desk: Desk

beforeEach(async () => {
  desk = await openDesk(cleanup, NOW)
  await desk.ok('office.update', OFFICE)
  const [housing, land] = [await desk.sector('housing'), await desk.sector('land')]
  const meeting = async (heldOn: string, sectors: number[]) => {
    const created = await desk.ok('meetings.create', meetingInput({ heldOn }))
    await desk.ok('meetings.addQuestions', {
      meetingId: created.id,
      questions: sectors.map((sectorId, i) => ({ sectorId, summary: `Сұрақ ${i}`, applicantName: `Тұрғын ${i}` })),
    })
  }
  await meeting('2024-05-14', [housing, housing, land])
  await meeting('2026-02-12', [land])
})

const build = async (lang: 'kk' | 'ru') => (await desk.ok('reports.build', { lang, params: PARAMS })) as ReportModel
const values = (cells: ReportModel['tables'][number]['rows'][number]) =>
  cells.map((cell) => ('value' in cell ? cell.value : cell.kind))

describe('sector by year over a year with no questions', () => {
  it('writes "—" for every share of that year, total included, and real shares for the others', async () => {
    const table = (await build('kk')).tables[0]!
    expect(table.rows.map(values)).toEqual([
      [1, 'Тұрғын үй-коммуналдық шаруашылығы', 2, 66.67, 0, 'noShare', 0, 0],
      [2, 'Жер қатынастары', 1, 33.33, 0, 'noShare', 1, 100],
    ])
    expect(values(table.total!)).toEqual(['empty', 'Барлығы', 3, 100, 0, 'noShare', 1, 100])
  })

  it(
    'writes "—" in the xlsx (no formula over a total of 0) and in the pdf',
    async () => {
      const sheet = await readSheet(await exportReport(desk.core, 'ru', PARAMS, 'xlsx'))
      const first = findRow(sheet, 'Жилищно-коммунальное хозяйство', 2)
      expect([first, first + 1, first + 2].map((r) => sheet.getRow(r).getCell(6).value)).toEqual(['—', '—', '—'])
      expect(sheet.getRow(first).getCell(4).formula).toMatch(/^IF\(/)

      const [page] = await pdfPageTexts(await exportReport(desk.core, 'ru', PARAMS, 'pdf'))
      expect(page).toMatch(/Жилищно-коммунальное хозяйство\s+2\s+66,67\s+0\s+—\s+0\s+0,00/)
      expect(page).toMatch(/Итого\s+3\s+100\s+0\s+—\s+1\s+100/)
    },
    PDF_TIMEOUT,
  )
})

describe('the note under the table', () => {
  it("is the office's own source line, built from its name, by default", async () => {
    expect((await build('kk')).notes).toEqual(['Дереккөз: Абай ауданының әкімдігінің есептік кездесулер журналы'])
    expect((await build('ru')).notes).toEqual(['Источник: журнал отчетных встреч акимата Абайского района'])
  })

  it('is the line set in Settings, in each language', async () => {
    await desk.ok('office.update', {
      ...OFFICE,
      sourceNoteKk: 'Дереккөз: аудан әкімі аппаратының деректері',
      sourceNoteRu: 'Источник: данные аппарата акима района',
    })
    expect((await build('kk')).notes).toEqual(['Дереккөз: аудан әкімі аппаратының деректері'])
    expect((await build('ru')).notes).toEqual(['Источник: данные аппарата акима района'])
  })

  it('names an office whose name it cannot decline in brackets', async () => {
    await desk.ok('office.update', {
      ...OFFICE,
      nameKk: 'Қарабас ауылдық округі',
      nameRu: 'Карабасский сельский округ',
    })
    expect((await build('kk')).notes).toEqual(['Дереккөз: есептік кездесулер журналы (Қарабас ауылдық округі)'])
    expect((await build('ru')).notes).toEqual(['Источник: журнал отчетных встреч (Карабасский сельский округ)'])
  })
})

describe('the signature block', () => {
  it("is the head's position in the report's language and name, with the person exporting and the day", async () => {
    expect((await build('kk')).signature).toEqual({
      position: 'Аудан әкімі',
      name: 'Серікбаев Нұрлан Қайратұлы',
      preparedBy: OPERATOR.fullName,
      date: '2026-03-10',
    })
    expect((await build('ru')).signature?.position).toBe('Аким района')
  })

  it(
    'is printed under the table on its page, in kk and ru',
    async () => {
      // exported as the test administrator (tests/helpers/reportFiles.ts), who is who prepared it
      const kk = await pdfPageTexts(await exportReport(desk.core, 'kk', PARAMS, 'pdf'))
      expect(kk[0]).toMatch(
        /Барлығы.*Дереккөз.*Аудан әкімі\s+_+\s+Серікбаев Нұрлан Қайратұлы\s+Орындаған: Тест Әкімшісі\s+Күні: 10\.03\.2026/,
      )
      const ru = await pdfPageTexts(await exportReport(desk.core, 'ru', PARAMS, 'pdf'))
      expect(ru[0]).toMatch(
        /Итого.*Источник.*Аким района\s+_+\s+Серікбаев Нұрлан Қайратұлы\s+Исполнитель: Тест Әкімшісі\s+Дата: 10\.03\.2026/,
      )
    },
    PDF_TIMEOUT,
  )
})
