import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import type { PDFDocumentProxy, RenderParameters } from 'pdfjs-dist/types/src/display/api'

/**
 * Reading PDFs back in tests with pdfjs-dist (Mozilla's PDF reader, run under Node) and
 * drawing their pages with @napi-rs/canvas: nothing outside npm. Text comes out laid out in
 * lines, as `pdftotext -layout` does, so a test can say "these words on one line, in this order".
 */

/** Where rendered report pages go, to be looked at (kept after the run; test-results/ is ignored by git). */
export const RESULTS_DIR = join(__dirname, '../../test-results/reports')

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // pdfjs takes ownership of the array it is given: a copy leaves the caller's bytes alone.
  return pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: pdfjs.VerbosityLevel.ERRORS }).promise
}

async function withPdf<T>(bytes: Uint8Array, use: (pdf: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const pdf = await openPdf(bytes)
  try {
    return await use(pdf)
  } finally {
    await pdf.destroy()
  }
}

interface Placed {
  text: string
  x: number
  y: number
  width: number
  size: number
}

/**
 * One page's text items as lines, top to bottom: items whose baselines lie within half a
 * font size of each other form a line, ordered left to right; a gap wider than a thin space
 * becomes spaces (about one per half font size of gap, so columns stay apart as in
 * `pdftotext -layout`), and touching items join without one.
 */
function layOut(items: Placed[]): string[] {
  const lines: { y: number; size: number; items: Placed[] }[] = []
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.at(-1)
    if (line && Math.abs(line.y - item.y) <= Math.min(line.size, item.size) / 2) line.items.push(item)
    else lines.push({ y: item.y, size: item.size, items: [item] })
  }
  return lines.map(({ items: inLine }) => {
    let text = ''
    let end = -Infinity
    for (const item of inLine.sort((a, b) => a.x - b.x)) {
      const gap = item.x - end
      if (text && gap > item.size * 0.15 && !/\s$/.test(text)) {
        text += ' '.repeat(Math.max(1, Math.round(gap / (item.size / 2))))
      }
      text += item.text
      end = Math.max(end, item.x + item.width)
    }
    return text.trimEnd()
  })
}

/**
 * The text of a PDF laid out in lines (see layOut), pages separated by a form feed as
 * pdftotext separates them.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return withPdf(bytes, async (pdf) => {
    const pages: string[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      const placed: Placed[] = []
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue
        const [a, b, c, d, x, y] = item.transform as number[]
        placed.push({ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(c!, d!) || Math.hypot(a!, b!) })
      }
      pages.push(layOut(placed).join('\n'))
      page.cleanup()
    }
    return pages.join('\n\f')
  })
}

/** The number of pages of a PDF. */
export async function pdfPages(bytes: Uint8Array): Promise<number> {
  return withPdf(bytes, async (pdf) => pdf.numPages)
}

export interface PageImage {
  width: number
  height: number
  /** RGBA, row by row. */
  pixels: Uint8ClampedArray
  png: Buffer
}

/** Pages of a PDF drawn at `dpi` on a white background (all pages, or the first `count`). */
export async function renderPages(bytes: Uint8Array, dpi: number, count = Infinity): Promise<PageImage[]> {
  return withPdf(bytes, async (pdf) => {
    const images: PageImage[] = []
    for (let n = 1; n <= Math.min(pdf.numPages, count); n++) {
      const page = await pdf.getPage(n)
      const viewport = page.getViewport({ scale: dpi / 72 })
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height))
      const context = canvas.getContext('2d')
      await page.render({ canvas: canvas as unknown as RenderParameters['canvas'], viewport, background: 'white' })
        .promise
      images.push({
        width: canvas.width,
        height: canvas.height,
        pixels: context.getImageData(0, 0, canvas.width, canvas.height).data,
        png: canvas.toBuffer('image/png'),
      })
      page.cleanup()
    }
    return images
  })
}

/** Draws the PDF's first page into the PNG file `png`, for a person to look at. */
export async function writeFirstPage(bytes: Uint8Array, png: string, dpi = 70): Promise<void> {
  const [first] = await renderPages(bytes, dpi, 1)
  mkdirSync(dirname(png), { recursive: true })
  writeFileSync(png, first!.png)
}

/** Keeps the PDF and its first page as `<name>.pdf` and `<name>.png` in `dir`; the PNG's path. */
export async function keepPdf(bytes: Uint8Array, name: string, dir = RESULTS_DIR): Promise<string> {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${name}.pdf`), bytes)
  const png = join(dir, `${name}.png`)
  await writeFirstPage(bytes, png)
  return png
}
