import { join } from 'node:path'
import * as pdfDocumentModule from 'pdfmake/js/PDFDocument'
import { translate } from '@shared/i18n'
import { cellText, type Cell, type ReportModel } from '@shared/reports/model'
import { formatDate } from './pdf'
import { cachedMeasure, wrapText, type TextLine } from './wrapText'

// pdfmake's modules are Babel's CommonJS, and the bundlers here disagree on what importing one
// gives (see pdfmakeLines.ts): take the class either way.
type PdfDocumentClass = typeof pdfDocumentModule.default
const exported = pdfDocumentModule.default as PdfDocumentClass | { default: PdfDocumentClass }
const PDFDocument: PdfDocumentClass = 'prototype' in exported ? exported : exported.default

// A4 landscape, the margins and colours of the other reports' PDFs (pdfReport.ts).
const PAGE = { width: 841.89, height: 595.28 }
const MARGIN = { left: 40, right: 40, top: 50, bottom: 45 }
const GRID = '#777777'
const MUTED = '#555555'
const HEADER_FILL = '#e8eef2'
const SIZE = 7
const PAD = { x: 3, y: 2 }
/** A cell longer than this many lines ends in "…" (a summary of 4,000 letters), so a row fits a page. */
const MAX_LINES = 40
/** Rows kept on the signature's page when it would not fit under the table. */
const KEPT_ROWS = 2

export interface RegisterPdfOptions {
  resourcesDir: string
  /** Called as rows are drawn (rows drawn, rows in all), for a progress bar. */
  onProgress?: (done: number, total: number) => void
}

interface LaidRow {
  cells: TextLine[][]
  height: number
  bold: boolean
}

/**
 * The register as a PDF, drawn straight with pdfkit (which pdfmake carries): pdfmake lays a
 * table out word by word through its general layout engine, 6.2 s for 5,000 rows; this lays
 * the register's one table out itself: each cell wrapped at spaces with measured (and cached)
 * word widths, rows put on pages, the header row repeated on each page, the grid drawn as one
 * line per row and per column on each page. Same page, header, footer, title and signature as
 * the other reports' PDFs, in the shipped Roboto (Kazakh letters included, embedded as a subset).
 */
export async function writeRegisterPdf(
  model: ReportModel,
  rows: Cell[][],
  options: RegisterPdfOptions,
): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(model.lang, `reports.${key}`, params)
  const table = model.tables[0]!
  const fonts = join(options.resourcesDir, 'fonts', 'Roboto')
  const font = {
    regular: join(fonts, 'Roboto-Regular.ttf'),
    bold: join(fonts, 'Roboto-Medium.ttf'),
    italic: join(fonts, 'Roboto-Italic.ttf'),
  }
  const doc = new PDFDocument(
    {},
    {},
    {},
    {},
    {
      size: 'A4',
      layout: 'landscape',
      margin: 0,
      autoFirstPage: false,
      font: font.regular,
      info: { Title: model.title, Creator: 'Akimat Desk' },
    },
  )
  const chunks: Buffer[] = []
  doc.on('data', (chunk) => chunks.push(chunk))
  const ended = new Promise<void>((resolve) => doc.on('end', resolve))

  const measureIn = (src: string, size: number) => {
    doc.font(src)
    const metrics = doc._font
    return cachedMeasure((text) => metrics.widthOfString(text, size))
  }
  const regular = measureIn(font.regular, SIZE)
  const bold = measureIn(font.bold, SIZE)
  const lineHeight = (src: string, size: number) => doc.font(src)._font.lineHeight(size, true)
  const line = lineHeight(font.regular, SIZE)

  // Columns: their share of the page's width, as in the pdfmake tables.
  const contentWidth = PAGE.width - MARGIN.left - MARGIN.right
  const totalWidth = table.columns.reduce((sum, c) => sum + c.width, 0)
  const widths = table.columns.map((c) => (c.width / totalWidth) * contentWidth)
  const xs = widths.reduce<number[]>((at, w) => [...at, at.at(-1)! + w], [MARGIN.left])
  const align = (index: number, kind: Cell['kind']) =>
    table.columns[index]?.align ?? (kind === 'text' ? 'left' : 'center')

  const lay = (texts: string[], isBold: boolean): LaidRow => {
    const measure = isBold ? bold : regular
    const cells = texts.map((text, i) => wrapText(text, widths[i]! - 2 * PAD.x, measure, MAX_LINES))
    const lines = Math.max(1, ...cells.map((c) => c.length))
    return { cells, height: lines * line + 2 * PAD.y, bold: isBold }
  }
  const header = lay(
    table.columns.map((c) => c.header),
    true,
  )
  const kinds: Cell['kind'][][] = []
  const laid = rows.map((row) => {
    kinds.push(row.map((cell) => cell.kind))
    return lay(
      row.map((cell) => cellText(cell, model.lang)),
      false,
    )
  })
  if (table.total) {
    kinds.push(table.total.map((cell) => cell.kind))
    laid.push(
      lay(
        table.total.map((cell) => cellText(cell, model.lang)),
        true,
      ),
    )
  }

  // The first page's title block, and what follows the table (notes, signature).
  const titleLines = wrapText(model.title, contentWidth, measureIn(font.bold, 13))
  const parameters = model.parameters.join(' · ')
  const parameterLines = parameters ? wrapText(parameters, contentWidth, measureIn(font.italic, 9)) : []
  const titleHeight =
    titleLines.length * lineHeight(font.bold, 13) + 6 + parameterLines.length * lineHeight(font.italic, 9) + 10
  const noteLines = model.notes.map((note) => wrapText(note, contentWidth, measureIn(font.italic, 9)))
  const tailHeight =
    noteLines.reduce((sum, lines) => sum + 4 + lines.length * lineHeight(font.italic, 9), 0) +
    24 +
    2 * lineHeight(font.regular, 9.5) +
    12

  const pages = paginate(laid, header.height, titleHeight, tailHeight)

  let drawn = 0
  pages.forEach((page, index) => {
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 })
    doc.fillColor(MUTED).font(font.regular).fontSize(8)
    doc.text(model.office, MARGIN.left, 20, { lineBreak: false })
    doc.text(model.period, PAGE.width - MARGIN.right - measureIn(font.regular, 8)(model.period), 20, {
      lineBreak: false,
    })
    const footer = t('page', { page: index + 1, pages: pages.length })
    doc.text(footer, (PAGE.width - measureIn(font.regular, 8)(footer)) / 2, PAGE.height - 30, { lineBreak: false })
    doc.fillColor('#000000')

    let y = MARGIN.top
    if (index === 0) {
      doc.font(font.bold).fontSize(13)
      for (const l of titleLines) {
        doc.text(l.text, MARGIN.left + (contentWidth - l.width) / 2, y, { lineBreak: false })
        y += lineHeight(font.bold, 13)
      }
      y += 6
      doc.font(font.italic).fontSize(9)
      for (const l of parameterLines) {
        doc.text(l.text, MARGIN.left + (contentWidth - l.width) / 2, y, { lineBreak: false })
        y += lineHeight(font.italic, 9)
      }
      y += 10
    }

    // The header row, then the page's rows; the grid over them at the end. A page left to the
    // signature alone (see paginate) has no table; an empty register shows its header row.
    if (page.from === page.to && index > 0) {
      drawTail(y)
      return
    }
    const top = y
    const rules = [y]
    doc.rect(MARGIN.left, y, contentWidth, header.height).fill(HEADER_FILL)
    doc.fillColor('#000000')
    y = drawRow(header, y, () => 'center')
    rules.push(y)
    for (let r = page.from; r < page.to; r++) {
      y = drawRow(laid[r]!, y, (i) => align(i, kinds[r]![i]!))
      rules.push(y)
    }
    doc.lineWidth(0.5).strokeColor(GRID)
    for (const ruleY of rules) doc.moveTo(MARGIN.left, ruleY).lineTo(MARGIN.left + contentWidth, ruleY)
    for (const x of xs) doc.moveTo(x, top).lineTo(x, y)
    doc.stroke()

    drawn += page.to - page.from
    options.onProgress?.(Math.min(drawn, rows.length), rows.length)
    if (index === pages.length - 1) drawTail(y)
  })
  if (pages.length === 0) throw new Error('a register PDF has at least one page')
  doc.end()
  await ended
  return Buffer.concat(chunks)

  function drawRow(row: LaidRow, y: number, alignOf: (index: number) => string): number {
    doc.font(row.bold ? font.bold : font.regular).fontSize(SIZE)
    row.cells.forEach((lines, i) => {
      const left = xs[i]! + PAD.x
      const room = widths[i]! - 2 * PAD.x
      const how = alignOf(i)
      lines.forEach((l, n) => {
        if (l.text === '') return
        const x = how === 'center' ? left + (room - l.width) / 2 : how === 'right' ? left + room - l.width : left
        doc.text(l.text, x, y + PAD.y + n * line, { lineBreak: false })
      })
    })
    return y + row.height
  }

  function drawTail(from: number): void {
    let y = from
    doc.font(font.italic).fontSize(9)
    for (const lines of noteLines) {
      y += 4
      for (const l of lines) {
        doc.text(l.text, MARGIN.left, y, { lineBreak: false })
        y += lineHeight(font.italic, 9)
      }
    }
    const signature = model.signature
    const blank = '____________________'
    const size = 9.5
    const measureBold = measureIn(font.bold, size)
    const measureRegular = measureIn(font.regular, size)
    y += 24
    const name = signature?.name || blank
    const nameX = PAGE.width - MARGIN.right - measureBold(name)
    doc.font(font.bold).fontSize(size)
    doc.text(signature?.position || blank, MARGIN.left, y, { lineBreak: false })
    doc.text(name, nameX, y, { lineBreak: false })
    doc.font(font.regular).fontSize(size)
    doc.text('____________', nameX - 12 - measureRegular('____________'), y, { lineBreak: false })
    y += lineHeight(font.regular, size) + 12
    doc.text(`${t('executedBy')}: ${signature?.preparedBy || blank}`, MARGIN.left, y, { lineBreak: false })
    const date = `${t('date')}: ${signature ? formatDate(signature.date) : '__.__.____'}`
    doc.text(date, PAGE.width - MARGIN.right - measureRegular(date), y, { lineBreak: false })
  }
}

/** A page's rows: from, up to (not including). */
interface PageRows {
  from: number
  to: number
}

/**
 * Puts rows on pages under the repeated header row: the first page starts below the title. The
 * notes and the signature (`tailHeight`) go under the last row; when they do not fit, the last
 * rows go over with them, so the signature never stands alone on a page.
 */
export function paginate(
  rows: { height: number }[],
  headerHeight: number,
  titleHeight: number,
  tailHeight: number,
): PageRows[] {
  const bottom = PAGE.height - MARGIN.bottom
  const pages: PageRows[] = []
  let from = 0
  let y = MARGIN.top + titleHeight + headerHeight
  for (let r = 0; r < rows.length; r++) {
    const height = rows[r]!.height
    if (y + height > bottom && r > from) {
      pages.push({ from, to: r })
      from = r
      y = MARGIN.top + headerHeight
    }
    y += height
  }
  pages.push({ from, to: rows.length })
  if (y + tailHeight > bottom) {
    const last = pages.at(-1)!
    const keptFrom = last.to - KEPT_ROWS
    // A page of more rows than are kept sends its last ones over with the signature; a page of
    // no more than that (two rows of 40 lines each) leaves the signature a page of its own.
    if (keptFrom > last.from) {
      pages.push({ from: keptFrom, to: last.to })
      last.to = keptFrom
    } else pages.push({ from: last.to, to: last.to })
  }
  return pages
}
