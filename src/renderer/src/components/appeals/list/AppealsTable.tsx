import { useRef, type ReactNode, type UIEvent } from 'react'
import { Table, Typography } from 'antd'
import type { ColumnType, SorterResult } from 'antd/es/table/interface'
import { useTranslation } from 'react-i18next'
import type { AppealSummary } from '@shared/api/contract'
import type { AppealListColumn } from '@shared/domain/appealColumns'
import { useCatalogs } from '../../../hooks/useCatalogs'
import { navigate } from '../../../hooks/useRoute'
import { formatDate, formatLocalDateTime } from '../../../lib/format'
import { DeadlineTag, NoticeRedirectTags, StatusTag } from '../StatusTags'
import { DEFAULT_SORT, type AppealListSort } from './listQuery'
import { useTableViewport } from './useTableViewport'

type ColumnKey = AppealListColumn

/**
 * A virtual table needs every width in pixels. Each column gets at least its minimum; the
 * space left over goes to the columns with free text, the summary first: on an office screen
 * (1366 px) applicant, sector and executor stay narrow, cut with an ellipsis and whole on
 * hover, and the summary gets the room. A column the user hides gives its width to the rest.
 */
const MIN_WIDTH: Record<ColumnKey, number> = {
  regNumber: 104,
  receivedAt: 92,
  applicant: 120,
  summary: 190,
  sector: 80,
  status: 120,
  // the date, its deadline tag, and the short notice and redirect markers
  dueOn: 180,
  executor: 80,
}
const SHARE_OF_SPARE: Partial<Record<ColumnKey, number>> = {
  summary: 0.7,
  applicant: 0.14,
  sector: 0.08,
  executor: 0.08,
}
const SORTABLE: Partial<Record<ColumnKey, AppealListSort['sort']>> = {
  regNumber: 'regNumber',
  receivedAt: 'receivedAt',
  status: 'status',
  dueOn: 'dueOn',
}
/** Height of the small table's header row, taken off the scroll area. */
const HEADER_HEIGHT = 40
/** Ask for the next page this far (in pixels) before the last loaded row comes into view. */
const PREFETCH_DISTANCE = 20 * 40

function columnWidths(available: number, keys: readonly ColumnKey[]): Partial<Record<ColumnKey, number>> {
  const spare = Math.max(0, available - keys.reduce((sum, key) => sum + MIN_WIDTH[key], 0) - 16)
  // the shares of the columns shown, scaled to take all the spare width
  const shares = keys.reduce((sum, key) => sum + (SHARE_OF_SPARE[key] ?? 0), 0)
  const share = (key: ColumnKey) => (shares > 0 ? (SHARE_OF_SPARE[key] ?? 0) / shares : 1 / keys.length)
  return Object.fromEntries(keys.map((key) => [key, MIN_WIDTH[key] + Math.floor(spare * share(key))]))
}

interface Props {
  rows: AppealSummary[]
  /** The columns the user chose to see, in the list's order. */
  shown: readonly ColumnKey[]
  /** True while the first page of a query loads (later pages load under the visible rows). */
  loadingFirstPage: boolean
  sort: AppealListSort
  onSortChange: (sort: AppealListSort) => void
  /** Called as the clerk nears the last loaded row. */
  onEndReached: () => void
}

/** The register rows in a virtual table: only the rows in view are in the page, however many are loaded. */
export function AppealsTable({ rows, shown, loadingFirstPage, sort, onSortChange, onEndReached }: Props) {
  const { t } = useTranslation()
  const { sectorName } = useCatalogs()
  const box = useRef<HTMLDivElement>(null)
  const { width, height } = useTableViewport(box)
  const widths = columnWidths(width, shown)

  const column = (
    key: ColumnKey,
    render: (row: AppealSummary) => ReactNode,
    title?: string,
  ): ColumnType<AppealSummary> => {
    const sortField = SORTABLE[key]
    return {
      key,
      title: title ?? t(`appealsUi.column.${key}`),
      width: widths[key],
      ellipsis: true,
      render: (_value, row) => render(row),
      ...(sortField && {
        sorter: true,
        sortOrder: sort.sort === sortField ? (sort.order === 'asc' ? 'ascend' : 'descend') : null,
      }),
    }
  }

  const columns: ColumnType<AppealSummary>[] = [
    column('regNumber', (row) => <a href={`#/appeals/${row.id}`}>{row.regNumber}</a>),
    column('receivedAt', (row) => (
      <span title={formatLocalDateTime(row.receivedAt)}>{formatDate(row.receivedAt)}</span>
    )),
    column('applicant', (row) =>
      row.applicantName ? (
        <span title={row.applicantName}>{row.applicantName}</span>
      ) : (
        <Typography.Text type="secondary">{t(`applicantKind.${row.applicantKind}`)}</Typography.Text>
      ),
    ),
    column('summary', (row) => <span title={row.summary}>{row.summary}</span>),
    column('sector', (row) => <span title={sectorName(row.sectorId)}>{sectorName(row.sectorId)}</span>),
    column('status', (row) => <StatusTag status={row.status} />),
    column('dueOn', (row) =>
      row.registrationClosing ? (
        <Typography.Text type="secondary" title={t(`registrationClosing.${row.registrationClosing}`)}>
          —
        </Typography.Text>
      ) : (
        <>
          <span style={{ marginInlineEnd: 8 }}>{formatDate(row.dueOn)}</span>
          <DeadlineTag appeal={row} />
          <NoticeRedirectTags appeal={row} />
        </>
      ),
    ),
    column('executor', (row) => <span title={row.executorName ?? undefined}>{row.executorName ?? ''}</span>),
  ].filter((c) => shown.includes(c.key as ColumnKey))

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const { scrollTop, scrollHeight, clientHeight } = event.currentTarget
    if (scrollHeight - scrollTop - clientHeight < PREFETCH_DISTANCE) onEndReached()
  }

  const onChange = (sorter: SorterResult<AppealSummary> | SorterResult<AppealSummary>[]) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter
    const field = single?.columnKey ? SORTABLE[single.columnKey as ColumnKey] : undefined
    if (!field || !single?.order) onSortChange(DEFAULT_SORT)
    else onSortChange({ sort: field, order: single.order === 'ascend' ? 'asc' : 'desc' })
  }

  return (
    <div ref={box} data-testid="appeals-table" data-columns={shown.join(' ')}>
      <Table<AppealSummary>
        virtual
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loadingFirstPage}
        pagination={false}
        scroll={{ x: Object.values(widths).reduce((a, b) => a + b, 0), y: height - HEADER_HEIGHT }}
        onScroll={onScroll}
        onChange={(_pagination, _filters, sorter) => onChange(sorter)}
        onRow={(row) => ({ onClick: () => navigate('appeals', row.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('appealsUi.list.empty') }}
      />
    </div>
  )
}
