import { useState } from 'react'
import { Alert, Segmented, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportPreview, ImportRow, ImportRowStatus } from '@shared/api/contract'
import { useCatalogs } from '../../hooks/useCatalogs'
import { StatusTag } from '../meetings/StatusTag'
import { problemText } from './problemText'

const STATUS_COLORS: Record<ImportRowStatus, string> = {
  valid: 'green',
  problems: 'red',
  alreadyImported: 'default',
  repeatedInFile: 'default',
}
type Filter = 'all' | 'problems' | 'valid' | 'skipped'
const MATCHES: Record<Filter, (status: ImportRowStatus) => boolean> = {
  all: () => true,
  problems: (s) => s === 'problems',
  valid: (s) => s === 'valid',
  skipped: (s) => s === 'alreadyImported' || s === 'repeatedInFile',
}

const applicantOf = (row: ImportRow) =>
  row.values.applicantName ??
  [row.values.surname, row.values.firstName, row.values.patronymic].filter(Boolean).join(' ')

/** Step 4: every row with what keeps it out, in the user's language; the counts of what will happen. */
export function PreviewStep({ preview, loading }: { preview: ImportPreview; loading: boolean }) {
  const { t } = useTranslation()
  const { sectorName } = useCatalogs()
  const [filter, setFilter] = useState<Filter>(preview.counts.withProblems > 0 ? 'problems' : 'all')
  const { counts } = preview
  const rows = preview.rows.filter((row) => MATCHES[filter](row.status))

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap data-testid="import-counts">
        <Tag>{t('importUi.preview.counts.rows', { count: counts.rows })}</Tag>
        <Tag color="green">{t('importUi.preview.counts.valid', { count: counts.valid })}</Tag>
        <Tag color={counts.withProblems > 0 ? 'red' : 'default'}>
          {t('importUi.preview.counts.withProblems', { count: counts.withProblems })}
        </Tag>
        {counts.alreadyImported > 0 && (
          <Tag>{t('importUi.preview.counts.alreadyImported', { count: counts.alreadyImported })}</Tag>
        )}
        {counts.repeatedInFile > 0 && (
          <Tag>{t('importUi.preview.counts.repeatedInFile', { count: counts.repeatedInFile })}</Tag>
        )}
      </Space>
      {preview.openOverdue > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-open-overdue"
          title={t('importUi.preview.openOverdue', { count: preview.openOverdue })}
        />
      )}
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        options={(['all', 'problems', 'valid', 'skipped'] as const).map((value) => ({
          value,
          label: t(`importUi.preview.filter.${value}`),
        }))}
      />
      <Table<ImportRow>
        rowKey="rowNumber"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 1600 }} // the fixed widths (1360) and room for the summary, which has none of its own
        columns={[
          { title: t('importUi.preview.row'), dataIndex: 'rowNumber', width: 70 },
          {
            title: t('importUi.preview.status'),
            dataIndex: 'status',
            width: 150,
            render: (status: ImportRowStatus) => (
              <Tag color={STATUS_COLORS[status]}>{t(`importUi.status.${status}`)}</Tag>
            ),
          },
          // next to the status: why a row is refused is what the clerk reads first, without scrolling sideways
          {
            title: t('importUi.preview.problems'),
            key: 'problems',
            width: 320,
            render: (_, row) =>
              row.problems.length === 0 ? null : (
                <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                  {row.problems.map((problem, i) => (
                    <li key={i}>
                      <Typography.Text type="danger">{problemText(problem, t)}</Typography.Text>
                    </li>
                  ))}
                </ul>
              ),
          },
          // the status the appeal arrives in, beside why a row is refused: both read first
          {
            title: t('importUi.preview.appealStatus'),
            dataIndex: 'appealStatus',
            width: 150,
            render: (status: ImportRow['appealStatus']) => status && <StatusTag status={status} />,
          },
          {
            title: t('importUi.preview.receivedAt'),
            key: 'receivedAt',
            width: 140,
            render: (_, row) => row.receivedAt?.replace('T', ' ') ?? row.values.receivedDate ?? '',
          },
          {
            title: t('importUi.preview.applicant'),
            key: 'applicant',
            width: 200,
            render: (_, row) => applicantOf(row),
          },
          // what the applicant was read as, beside the name it was read from
          {
            title: t('importUi.preview.applicantKind'),
            dataIndex: 'applicantKind',
            width: 130,
            render: (kind: ImportRow['applicantKind']) => t(`applicantKind.${kind}`),
          },
          {
            title: t('importUi.preview.summary'),
            key: 'summary',
            ellipsis: true,
            render: (_, row) => row.values.summary ?? '',
          },
          {
            title: t('importUi.preview.sector'),
            key: 'sector',
            width: 200,
            render: (_, row) => (row.sectorId !== null ? sectorName(row.sectorId) : (row.values.sector ?? '')),
          },
        ]}
      />
    </Space>
  )
}
