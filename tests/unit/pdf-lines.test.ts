import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Cell, ReportModel } from '@shared/reports/model'
import { writePdf } from '../../src/main/reports/pdfReport'
import { joinLineWords, joinWords } from '../../src/main/reports/pdfmakeLines'
import { keepPdf, pdfText, renderPages, type PageImage } from '../helpers/pdf'

/**
 * The reports' PDFs draw each line's alike words with one text operation instead of one per
 * word (reports/pdfmakeLines.ts). The pages must look exactly as pdfmake draws them itself.
 */

const RESOURCES = join(__dirname, '../../resources')
afterAll(() => joinLineWords(true))

const text = (value: string): Cell => ({ kind: 'text', value })
/** A register-like table: 13 columns of Kazakh and Russian text that wraps, dates, numbers, a bold total. */
function model(): ReportModel {
  const words = [
    'Әлеуметтік',
    'ғимарат',
    'қабылдау',
    'жаңа',
    'өтініш',
    'ұжымдық',
    'үй',
    'һәм',
    'іс',
    'Жалоба на вывоз мусора',
    'Қарабас ауылдық округі',
  ]
  const rows = Array.from({ length: 40 }, (_, i): Cell[] => [
    { kind: 'count', value: i + 1 },
    text(`2025-${String(i + 1).padStart(6, '0')}`),
    { kind: 'date', value: '2025-02-04' },
    ...Array.from({ length: 9 }, (_, c) => text(words.slice(0, 1 + ((i + c) % words.length)).join(' '))),
    i % 3 ? { kind: 'empty' } : { kind: 'date', value: '2025-02-20' },
  ])
  return {
    kind: 'register',
    lang: 'kk',
    title: 'Өтініштерді тіркеу журналы',
    office: 'Абай ауданының әкімдігі',
    period: '01.01.2025 – 31.03.2025',
    parameters: ['Өтініштер саны: 40'],
    tables: [
      {
        columns: Array.from({ length: 13 }, (_, c) => ({
          header: `Бағана ${c + 1}`,
          width: 10 + c,
          align: c < 3 ? ('center' as const) : undefined,
        })),
        rows,
        total: [
          { kind: 'empty' },
          text('Барлығы'),
          ...Array.from({ length: 11 }, (_, c): Cell => ({ kind: 'count', value: c * 7 })),
        ],
      },
    ],
    sentences: ['Есепті кезеңде өтініштердің жалпы саны қысқарды.'],
    charts: [],
    notes: ['Ескерту: ұжымдық өтініштер бір рет есептеледі.'],
  }
}

/** Colour values of a page that are not white: a page compared must have something drawn on it. */
const inked = (page: PageImage) => page.pixels.filter((value, i) => i % 4 !== 3 && value < 250).length

/**
 * Colour values that differ between two drawings of a page by more than anti-aliasing
 * rounding. pdfjs places the glyphs of one text operation by adding up their advances, and a
 * word drawn on its own at pdfmake's x lands a few millionths of a point away: edge pixels
 * then differ by up to 5 of 255. A word really moved, even by a twentieth of a pixel, or a
 * glyph changed, differs by far more.
 */
function differing(a: PageImage, b: PageImage): number {
  if (a.width !== b.width || a.height !== b.height) return Infinity
  let count = 0
  for (let i = 0; i < a.pixels.length; i++) if (Math.abs(a.pixels[i]! - b.pixels[i]!) > 12) count++
  return count
}

describe("drawing a line's words at once", () => {
  it('joins alike words that follow each other, and nothing else', () => {
    const font = {}
    const word = (text: string, x: number, extra = {}) => ({
      text,
      x,
      width: text.length,
      font,
      fontSize: 7,
      color: 'black',
      opacity: 1,
      ...extra,
    })
    const joined = joinWords([
      word('Жер ', 0),
      word('учаскесі ', 4),
      word('заңсыз ', 13, { decoration: 'underline' }),
      word('бөлінген', 20),
      word('ғой', 40),
    ])
    expect(joined.map((w) => [w.text, w.x, w.width])).toEqual([
      ['Жер учаскесі ', 0, 13],
      ['заңсыз ', 13, 7],
      ['бөлінген', 20, 8],
      ['ғой', 40, 3],
    ])
  })

  it('draws the same pages, pixel for pixel up to anti-aliasing', async () => {
    const options = { resourcesDir: RESOURCES }
    const report = model()
    // The first PDF configures pdfmake (and turns joining on); then one of each.
    await writePdf(report, options)
    joinLineWords(false)
    const wordByWord = await writePdf(report, options)
    joinLineWords(true)
    const joined = await writePdf(report, options)
    expect(joined.length).toBeLessThan(wordByWord.length)
    // Every Kazakh letter comes back as text from the joined operations, not only as shapes.
    const words = (await pdfText(joined)).split(/\s+/)
    for (const word of ['Әлеуметтік', 'ғимарат', 'қабылдау', 'жаңа', 'өтініш', 'ұжымдық', 'үй', 'һәм', 'іс']) {
      expect(words, word).toContain(word)
    }
    const [expected, actual] = [await renderPages(wordByWord, 100), await renderPages(joined, 100)]
    await keepPdf(joined, 'pdf-lines-joined')
    expect(actual.length).toBeGreaterThan(1)
    expect(actual.length).toBe(expected.length)
    actual.forEach((page, i) => {
      expect(inked(page), `page ${i + 1} has text on it`).toBeGreaterThan(10_000)
      expect(differing(page, expected[i]!), `page ${i + 1}`).toBe(0)
    })

    // The comparison sees one digit changed in one cell of forty rows.
    const changed = model()
    changed.tables[0]!.rows[0]![1] = text('2025-000007')
    const [other] = await renderPages(await writePdf(changed, options), 100, 1)
    expect(differing(other!, actual[0]!)).toBeGreaterThan(50)
  }, 120_000) // five PDFs and fifteen pages drawn: half a minute alone, more on a busy machine
})
