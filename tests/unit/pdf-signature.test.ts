import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Cell, ReportModel } from '@shared/reports/model'
import { writePdf } from '../../src/main/reports/pdfReport'
import { pdfPageTexts } from '../helpers/pdfPageTexts'

/**
 * The signature block of a report PDF never stands alone on a page: a table that fills its
 * page to the last line used to leave "Орындаған …" by itself on a last page. Every length of
 * table from one page to two is written, so some fill a page exactly.
 */

const RESOURCES = join(__dirname, '../../resources')

/** A sector-by-year-like table of `n` sectors, without chart or sentences. */
function model(n: number): ReportModel {
  const rows = Array.from({ length: n }, (_, i): Cell[] => [
    { kind: 'count', value: i + 1 },
    { kind: 'text', value: `Сала ${i + 1}` },
    { kind: 'count', value: i },
    { kind: 'percent', value: 1.5 },
  ])
  return {
    kind: 'sector-by-year',
    lang: 'kk',
    title: 'Әкімнің халықпен 2025 жылғы есептік кездесулері туралы ақпарат',
    office: 'Абай ауданының әкімдігі',
    period: '2025 ж.',
    parameters: [],
    tables: [
      {
        columns: [
          { header: 'р/с', width: 6 },
          { header: 'Сала', width: 44 },
          { header: '2025 ЖЫЛ', width: 11 },
          { header: '%', width: 9 },
        ],
        rows,
        total: [
          { kind: 'empty' },
          { kind: 'text', value: 'Барлығы' },
          { kind: 'count', value: n },
          { kind: 'percentTotal', value: 100 },
        ],
      },
    ],
    sentences: [],
    charts: [],
    notes: ['Дереккөз: Абай ауданының әкімдігінің есептік кездесулер журналы'],
    signature: { position: 'Аудан әкімі', name: 'Серікбаев Н. Қ.', preparedBy: 'Оспанов Ержан', date: '2026-11-27' },
  }
}

describe('the signature block of a report PDF', () => {
  it('stays on the page of the table’s last rows and total, whatever the table’s length', async () => {
    const lastPages: { n: number; pages: number; last: string }[] = []
    for (let n = 30; n <= 75; n++) {
      const pages = await pdfPageTexts(await writePdf(model(n), { resourcesDir: RESOURCES }))
      const last = pages.at(-1)!
      lastPages.push({ n, pages: pages.length, last })
      expect(last, `${n} rows`).toContain('Орындаған: Оспанов Ержан')
      expect(last, `${n} rows`).toContain('Аудан әкімі')
      expect(last, `${n} rows`).toContain(`Сала ${n}`)
      expect(last, `${n} rows`).toContain('Барлығы')
      expect(last, `${n} rows`).toContain('Дереккөз')
      // the row before the last too (KEPT_ROWS), and the header row repeated above them
      if (pages.length > 1) {
        expect(last, `${n} rows`).toContain(`Сала ${n - 1}`)
        expect(last, `${n} rows`).toContain('2025 ЖЫЛ')
      }
      // nothing is printed twice: each row once in the whole document
      expect(pages.join(' ').match(new RegExp(`Сала ${n}\\b`, 'g')), `${n} rows`).toHaveLength(1)
    }
    // the lengths tried go from one page to two, across the length that fills the first page
    expect(lastPages[0]!.pages).toBe(1)
    expect(lastPages.at(-1)!.pages).toBe(2)
  }, 60_000)
})
