import { useEffect, useState } from 'react'
import { Alert, Card, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ConsolidationSource } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { formatInstant } from '../../lib/format'
import { useLanguage } from '../../hooks/useLanguage'
import { localName } from '../../lib/language'

/** The offices whose packages were imported here: what each brought, what waits for a decision. */
export function SourcesTable({ version }: { version: number }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const [sources, setSources] = useState<ConsolidationSource[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    call('consolidation.sources', {})
      .then((rows) => live && (setSources(rows), setError(null)))
      .catch((failure: unknown) => live && setError(showApiError(failure, t)))
    return () => {
      live = false
    }
  }, [version, t])

  const count = (key: 'appeals' | 'meetings' | 'localities' | 'measures') => ({
    key,
    dataIndex: key,
    title: t(`consolidationUi.sources.${key}`),
    align: 'right' as const,
  })
  return (
    <Card size="small" title={t('consolidationUi.sources.title')}>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<ConsolidationSource>
        rowKey="officeUuid"
        size="small"
        loading={sources === null && !error}
        dataSource={sources ?? []}
        pagination={false}
        locale={{ emptyText: t('consolidationUi.sources.empty') }}
        data-testid="consolidation-sources"
        columns={[
          { key: 'code', title: t('consolidationUi.sources.code'), render: (_, s) => `${s.code}/`, width: 70 },
          {
            key: 'office',
            title: t('consolidationUi.sources.office'),
            render: (_, s) => localName(s, lang),
          },
          {
            key: 'lastExportedAt',
            title: t('consolidationUi.sources.lastExportedAt'),
            render: (_, s) => formatInstant(s.lastExportedAt),
          },
          {
            key: 'importedAt',
            title: t('consolidationUi.sources.importedAt'),
            render: (_, s) => formatInstant(s.importedAt),
          },
          count('appeals'),
          count('meetings'),
          count('localities'),
          count('measures'),
          {
            key: 'openConflicts',
            title: t('consolidationUi.sources.openConflicts'),
            align: 'right',
            render: (_, s) => (s.openConflicts > 0 ? <Tag color="warning">{s.openConflicts}</Tag> : 0),
          },
        ]}
      />
    </Card>
  )
}
