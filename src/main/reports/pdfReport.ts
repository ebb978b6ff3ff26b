import { translate } from '@shared/i18n'
import { cellText, type ReportModel, type ReportSignature, type ReportTable } from '@shared/reports/model'
import { formatDate, renderPdf, type PdfDocument } from './pdf'

/** Tables with more columns go landscape, in a smaller type: the register and the quarterly cross table. */
const WIDE = 8
// Colours in six digits: pdfkit expands a three-digit one with a regular expression each time it
// sets it, and a long register sets the grid's colour some 300,000 times.
const GRID = '#777777'
const MUTED = '#555555'

/** Body rows of the last table kept on the signature's page, besides its total row. */
const KEPT_ROWS = 2
/** Node ids the page-break rule below looks for. */
const KEEP_FROM = 'keep-with-signature'
const SIGNATURE = 'signature'

export interface PdfReportOptions {
  resourcesDir: string
}

/**
 * Writes a report model as a PDF to sign and send: A4, the office and the period in every page
 * header, page numbers, the tables with their header row repeated on each page, notes, the
 * signature block (the head's position and name, Орындаған / Исполнитель, date), then the
 * generated sentences and the chart. The signature never stands alone on a page: it keeps the
 * last table's last rows with it (see keepWithSignature).
 */
export async function writePdf(model: ReportModel, options: PdfReportOptions): Promise<Buffer> {
  const t = (key: string, p?: Record<string, string | number>) => translate(model.lang, `reports.${key}`, p)
  const wide = model.tables.some((table) => table.columns.length > WIDE)

  const content: unknown[] = [
    { text: model.title, style: 'title' },
    ...(model.parameters.length > 0 ? [{ text: model.parameters.join(' · '), style: 'parameters' }] : []),
  ]
  // The cells of the last table's row from which its rows stay with the signature.
  const keptRow: PdfCell[] = []
  model.tables.forEach((table, index) => {
    if (table.title) content.push({ text: table.title, style: 'tableTitle' })
    content.push(tableNode(table, model, index === model.tables.length - 1 ? keptRow : null))
  })
  for (const note of model.notes) content.push({ text: note, style: 'note' })
  content.push(signatureBlock(model.signature, t))
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
    pageBreakBefore: keepWithSignature(keptRow),
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

/**
 * The signature block: the head's position, a line to sign on and the name (blank lines to fill
 * in by hand when Settings has none), then who prepared the report and the day.
 */
function signatureBlock(signature: ReportSignature | undefined, t: (key: string) => string): unknown {
  const blank = '____________________'
  return {
    margin: [0, 24, 0, 0],
    stack: [
      {
        columns: [
          { text: signature?.position || blank, width: '*', bold: true },
          { text: '____________', width: 'auto', margin: [12, 0, 12, 0] },
          { text: signature?.name || blank, width: 'auto', bold: true },
        ],
      },
      {
        margin: [0, 12, 0, 0],
        columns: [
          { text: `${t('executedBy')}: ${signature?.preparedBy || blank}`, width: '*' },
          // Its last line, which keepWithSignature looks for (an unbreakable block's nodes report
          // the page they were measured on, not the one they land on).
          {
            text: `${t('date')}: ${signature ? formatDate(signature.date) : '__.__.____'}`,
            width: 'auto',
            id: SIGNATURE,
          },
        ],
      },
    ],
  }
}

interface NodeInfo {
  id?: string
  pageNumbers: number[]
}
type PdfCell = Record<string, unknown>

/**
 * pdfmake's page-break rule, asked for every node in order: the first cell of the last table's
 * last rows (KEEP_FROM) starts a new page when the signature would not be on its page, so the
 * table's last rows, its total, the notes and the signature go over together and the header
 * row is repeated above them. Without it a table that filled a page left the signature alone
 * on the last page. pdfmake breaks only the node the rule names, so the rule also marks the
 * row's other cells (the document's own objects, which pdfmake lays out again) to break with it.
 */
function keepWithSignature(keptRow: PdfCell[]) {
  return (node: NodeInfo, nodes: { getFollowingNodesOnPage(): NodeInfo[] }): boolean => {
    if (node.id !== KEEP_FROM || nodes.getFollowingNodesOnPage().some((next) => next.id === SIGNATURE)) return false
    for (const cell of keptRow) cell.pageBreak = 'before'
    return true
  }
}

/** A table for pdfmake; `keptRow`, for the last table, receives the cells of its first kept row. */
function tableNode(table: ReportTable, model: ReportModel, keptRow: PdfCell[] | null): unknown {
  const totalWidth = table.columns.reduce((sum, c) => sum + c.width, 0)
  // 13 columns on a landscape A4 fit at 7 pt with narrow padding, long words whole.
  const dense = table.columns.length > WIDE
  const padding = () => (dense ? 3 : 4)
  const body = [
    table.columns.map((c) => ({ text: c.header, style: 'header', ...(dense ? { fontSize: 7 } : {}) })),
    ...table.rows.map((row, r) => {
      const cells: PdfCell[] = row.map((cell, i) => ({
        text: cellText(cell, model.lang),
        alignment: align(table, i, cell.kind),
      }))
      if (keptRow && r === Math.max(0, table.rows.length - KEPT_ROWS)) {
        cells[0]!.id = KEEP_FROM
        keptRow.push(...cells)
      }
      return cells
    }),
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
