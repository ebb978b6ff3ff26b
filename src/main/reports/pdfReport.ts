import { translate } from '@shared/i18n'
import { cellText, type ReportModel, type ReportTable } from '@shared/reports/model'
import { formatDate, renderPdf, type PdfDocument } from './pdf'

/** Tables with more columns go landscape, in a smaller type: the register and the quarterly cross table. */
const WIDE = 8
// Colours in six digits: pdfkit expands a three-digit one with a regular expression each time it
// sets it, and a long register sets the grid's colour some 300,000 times.
const GRID = '#777777'
const MUTED = '#555555'

export interface PdfReportOptions {
  resourcesDir: string
  /** Who prepared it, for the signature line; a blank line to fill in by hand when unknown. */
  preparedBy: string | null
  today: string
}

/**
 * Writes a report model as a PDF to sign and send: A4, the office and the period in every page
 * header, page numbers, the tables with their header row repeated on each page, the chart,
 * the generated sentences, notes, and the signature line (Орындаған / Исполнитель, date).
 */
export async function writePdf(model: ReportModel, options: PdfReportOptions): Promise<Buffer> {
  const t = (key: string, p?: Record<string, string | number>) => translate(model.lang, `reports.${key}`, p)
  const wide = model.tables.some((table) => table.columns.length > WIDE)

  const content: unknown[] = [
    { text: model.title, style: 'title' },
    ...(model.parameters.length > 0 ? [{ text: model.parameters.join(' · '), style: 'parameters' }] : []),
  ]
  for (const table of model.tables) {
    if (table.title) content.push({ text: table.title, style: 'tableTitle' })
    content.push(tableNode(table, model))
  }
  for (const note of model.notes) content.push({ text: note, style: 'note' })
  for (const sentence of model.sentences) content.push({ text: sentence, margin: [0, 8, 0, 0] })
  // echarts and fontkit are loaded only for a report that has a chart (the register has none).
  const { barChartSvg } = model.charts.length > 0 ? await import('./charts') : { barChartSvg: null }
  for (const chart of model.charts) {
    // Unbreakable: a chart's title never stays behind at the foot of a page.
    content.push({
      unbreakable: true,
      stack: [
        { text: chart.title, style: 'tableTitle' },
        {
          svg: barChartSvg!(chart, options.resourcesDir, { width: wide ? 760 : 515, height: 0 }),
          margin: [0, 4, 0, 0],
        },
      ],
    })
  }
  content.push({
    margin: [0, 28, 0, 0],
    columns: [
      { text: `${t('executedBy')}: ${options.preparedBy ?? '____________________'}   ____________`, width: '*' },
      { text: `${t('date')}: ${formatDate(options.today)}`, width: 'auto' },
    ],
  })

  const doc: PdfDocument = {
    pageOrientation: wide ? 'landscape' : 'portrait',
    pageMargins: [40, 50, 40, 45],
    info: { title: model.title, creator: 'Akimat Desk' },
    header: () => ({
      margin: [40, 20, 40, 0],
      columns: [
        { text: model.office, fontSize: 8, color: MUTED },
        { text: model.period, fontSize: 8, color: MUTED, alignment: 'right' },
      ],
    }),
    footer: (page: number, pages: number) => ({
      text: t('page', { page, pages }),
      alignment: 'center',
      fontSize: 8,
      color: MUTED,
      margin: [0, 15, 0, 0],
    }),
    content,
    styles: {
      title: { fontSize: 13, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      parameters: { fontSize: 9, italics: true, alignment: 'center', margin: [0, 0, 0, 10] },
      tableTitle: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      header: { bold: true, alignment: 'center', fillColor: '#e8eef2' },
      note: { fontSize: 9, italics: true, margin: [0, 4, 0, 0] },
    },
    defaultStyle: { font: 'Roboto', fontSize: 9.5 },
  }
  return renderPdf(doc, options.resourcesDir)
}

function tableNode(table: ReportTable, model: ReportModel): unknown {
  const totalWidth = table.columns.reduce((sum, c) => sum + c.width, 0)
  // 13 columns on a landscape A4 fit at 7 pt with narrow padding, long words whole.
  const dense = table.columns.length > WIDE
  const padding = () => (dense ? 3 : 4)
  const body = [
    table.columns.map((c) => ({ text: c.header, style: 'header', ...(dense ? { fontSize: 7 } : {}) })),
    ...table.rows.map((row) =>
      row.map((cell, i) => ({ text: cellText(cell, model.lang), alignment: align(table, i, cell.kind) })),
    ),
    ...(table.total
      ? [
          table.total.map((cell, i) => ({
            text: cellText(cell, model.lang),
            bold: true,
            alignment: align(table, i, cell.kind),
          })),
        ]
      : []),
  ]
  return {
    table: {
      headerRows: 1,
      widths: table.columns.map((c) => `${((c.width / totalWidth) * 100).toFixed(2)}%`),
      body,
      dontBreakRows: true,
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => GRID,
      vLineColor: () => GRID,
      paddingLeft: padding,
      paddingRight: padding,
    },
    ...(dense ? { fontSize: 7 } : {}),
  }
}

function align(table: ReportTable, index: number, kind: string): string {
  return table.columns[index]?.align ?? (kind === 'text' ? 'left' : 'center')
}
