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

const LENGTHS = Array.from({ length: 46 }, (_, i) => 30 + i)

// One test per length: each writes and reads back its own PDF within the usual deadline.
describe('the signature block of a report PDF stays on the page of the table’s last rows and total', () => {
  it.each(LENGTHS)('%i rows', async (n) => {
    const pages = await pdfPageTexts(await writePdf(model(n), { resourcesDir: RESOURCES }))
    const last = pages.at(-1)!
    expect(last).toContain('Орындаған: Оспанов Ержан')
    expect(last).toContain('Аудан әкімі')
    expect(last).toContain(`Сала ${n}`)
    expect(last).toContain('Барлығы')
    expect(last).toContain('Дереккөз')
    // the row before the last too (KEPT_ROWS), and the header row repeated above them
    if (pages.length > 1) {
      expect(last).toContain(`Сала ${n - 1}`)
      expect(last).toContain('2025 ЖЫЛ')
    }
    // nothing is printed twice: each row once in the whole document
    expect(pages.join(' ').match(new RegExp(`Сала ${n}\\b`, 'g'))).toHaveLength(1)
    // the lengths tried go from one page to two, across the length that fills the first page
    if (n === LENGTHS[0]) expect(pages).toHaveLength(1)
    if (n === LENGTHS.at(-1)) expect(pages).toHaveLength(2)
  })
})
