import { Alert, Space, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { KindCounts, PackageImportSummary } from '@shared/api/contract'
import { formatInstant } from '../../lib/format'
import { useLanguage } from '../../hooks/useLanguage'
import { localName } from '../../lib/language'

const KINDS = ['localities', 'meetings', 'appeals', 'measures'] as const

/** What an import did: per kind of record, added / updated / unchanged / in conflict. */
export function ImportSummaryView({ summary }: { summary: PackageImportSummary }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const office = localName(summary.office, lang)
  const rows = KINDS.map((kind) => ({ kind, ...summary[kind] }))
  const column = (key: keyof KindCounts) => ({
    key,
    dataIndex: key,
    title: t(`consolidationUi.import.${key}`),
    align: 'right' as const,
  })

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="consolidation-import-result">
      <Alert
        type={summary.alreadyImported ? 'info' : 'success'}
        showIcon
        title={t(summary.alreadyImported ? 'consolidationUi.import.nothingNew' : 'consolidationUi.import.done', {
          office,
        })}
        description={
          <>
            <div>{t('consolidationUi.import.exportedAt', { at: formatInstant(summary.exportedAt) })}</div>
            <div>{t('consolidationUi.import.code', { code: summary.sourceCode })}</div>
          </>
        }
      />
      <Table
        rowKey="kind"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }} // in a half-width card: scroll inside it rather than push the page wider
        dataSource={rows}
        columns={[
          {
            key: 'kind',
            title: t('consolidationUi.import.kind'),
            render: (_, row) => t(`consolidationUi.kinds.${row.kind}`),
          },
          column('added'),
          column('updated'),
          column('unchanged'),
          column('conflicts'),
        ]}
      />
      {summary.sectorsAdded.length > 0 && (
        <Typography.Text type="warning">
          {t('consolidationUi.import.sectorsAdded', { codes: summary.sectorsAdded.join(', ') })}
        </Typography.Text>
      )}
      {summary.openConflicts > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('consolidationUi.import.openConflicts', { count: summary.openConflicts })}
        />
      )}
    </Space>
  )
}
