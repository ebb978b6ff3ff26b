import { Fragment, useState } from 'react'
import { ConfigProvider, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { Language } from '@shared/i18n'
import { cellText, type Cell, type ReportTable } from '@shared/reports/model'

/**
 * Model widths are characters (the xlsx column widths). On screen they are shares of the
 * preview's width, so a long Kazakh sector name wraps instead of pushing the table off the
 * card; below about 4 px a character the table scrolls sideways rather than squash numbers.
 */
const MIN_PX_PER_WIDTH = 4
/**
 * Summary tables (a few dozen rows) are shown whole, as the file will show them; a long table
 * (the register) in pages, so the preview stays a preview and not a scroll of thousands of rows.
 */
const WHOLE_TABLE_ROWS = 40
const PAGE_ROWS = 20
/**
 * Past this many columns (the register, the quarterly cross table) the type and padding shrink,
 * as the PDF does with such tables, so they fit the preview's width instead of scrolling.
 */
const WIDE_COLUMNS = 8
const DENSE_TABLE = { components: { Table: { cellFontSizeSM: 12, cellPaddingInlineSM: 4, cellPaddingBlockSM: 4 } } }

/** Codes, numbers and dates ("р/с", "№ п/п", "2023-000001", "16.01.2023"): never split inside. */
const CODE = /[\d/]/

/**
 * Text that may wrap, but not inside a code: a browser would otherwise break "р/с" or a
 * registration number "2023-000001" at the slash or dash when a column is narrow. Ordinary
 * words keep their break points ("Жилищно-коммунальное"), so wide tables stay narrow.
 */
function WholeCodes({ text }: { text: string }) {
  // The spaces stay outside the spans: they are where a line may break.
  return text.split(' ').map((word, index) => (
    <Fragment key={index}>
      {index > 0 && ' '}
      {CODE.test(word) ? <span style={{ whiteSpace: 'nowrap' }}>{word}</span> : word}
    </Fragment>
  ))
}

interface Row {
  key: number
  cells: Cell[]
}

/**
 * One table of a report model, laid out as the files lay it out: the model's headers and
 * alignment, every cell written by `cellText` (so a share reads 14,78 in kk and ru, like the
 * xlsx and the pdf), and the total row in bold under the body. Nothing is computed here.
 */
export function ReportTableView({ table, lang }: { table: ReportTable; lang: Language }) {
  const totalWidth = table.columns.reduce((sum, column) => sum + column.width, 0)
  const columns: ColumnsType<Row> = table.columns.map((column, index) => ({
    key: index,
    title: <WholeCodes text={column.header} />,
    align: column.align ?? 'left',
    width: `${((100 * column.width) / totalWidth).toFixed(2)}%`,
    render: (_, row) => <WholeCodes text={cellText(row.cells[index] ?? { kind: 'empty' }, lang)} />,
  }))
  const rows: Row[] = table.rows.map((cells, index) => ({ key: index, cells }))
  const { total } = table
  // Held here, not left to antd: a table that first came short (no paging) would start its
  // paging at antd's 10 rows when a longer period arrives.
  const [pageSize, setPageSize] = useState(PAGE_ROWS)

  return (
    <div data-testid="report-table">
      {table.title && (
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {table.title}
        </Typography.Title>
      )}
      <ConfigProvider theme={table.columns.length > WIDE_COLUMNS ? DENSE_TABLE : undefined}>
        <Table<Row>
          size="small"
          bordered
          columns={columns}
          dataSource={rows}
          scroll={{ x: totalWidth * MIN_PX_PER_WIDTH }}
          pagination={
            rows.length > WHOLE_TABLE_ROWS
              ? {
                  pageSize,
                  pageSizeOptions: [20, 50, 100],
                  showSizeChanger: true,
                  onChange: (_, size) => setPageSize(size),
                }
              : false
          }
          summary={
            total
              ? () => (
                  <Table.Summary>
                    <Table.Summary.Row data-testid="report-total-row">
                      {total.map((cell, index) => (
                        <Table.Summary.Cell key={index} index={index} align={table.columns[index]?.align ?? 'left'}>
                          <strong>
                            <WholeCodes text={cellText(cell, lang)} />
                          </strong>
                        </Table.Summary.Cell>
                      ))}
                    </Table.Summary.Row>
                  </Table.Summary>
                )
              : undefined
          }
        />
      </ConfigProvider>
    </div>
  )
}
