import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Cell, ReportModel } from '@shared/reports/model'
import { writePdf } from '../../src/main/reports/pdfReport'
import { joinLineWords, joinWords } from '../../src/main/reports/pdfmakeLines'

/**
 * The reports' PDFs draw each line's alike words with one text operation instead of one per
 * word (reports/pdfmakeLines.ts). The pages must look exactly as pdfmake draws them itself.
 */

const RESOURCES = join(__dirname, '../../resources')
const dir = mkdtempSync(join(tmpdir(), 'akimat-pdf-lines-'))
afterAll(() => {
  joinLineWords(true)
  rmSync(dir, { recursive: true, force: true })
})

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

/** Each page of the PDF as PNG bytes (pdftoppm, 100 dpi). */
function pages(pdf: Buffer, name: string): Buffer[] {
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, pdf)
  execFileSync('pdftoppm', ['-png', '-r', '100', file, join(dir, name)])
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => readFileSync(join(dir, f)))
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

  it('draws the same pages, pixel for pixel', async () => {
    const options = { resourcesDir: RESOURCES }
    const report = model()
    // The first PDF configures pdfmake (and turns joining on); then one of each.
    await writePdf(report, options)
    joinLineWords(false)
    const wordByWord = await writePdf(report, options)
    joinLineWords(true)
    const joined = await writePdf(report, options)
    expect(joined.length).toBeLessThan(wordByWord.length)
    const [expected, actual] = [pages(wordByWord, 'words'), pages(joined, 'joined')]
    expect(actual.length).toBeGreaterThan(1)
    expect(actual.length).toBe(expected.length)
    actual.forEach((page, i) => expect(page.equals(expected[i]!), `page ${i + 1}`).toBe(true))
  }, 60_000)
})
