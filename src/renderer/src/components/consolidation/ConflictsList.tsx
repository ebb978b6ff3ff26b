import { useEffect, useState } from 'react'
import { Alert, App, Card, Empty, Flex, Space, Spin, Switch, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ConflictChoice, ConsolidationConflict } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { ConflictCard } from './ConflictCard'

/** The conflicts waiting for a decision (and, on request, the decided ones). */
export function ConflictsList({ version, onResolved }: { version: number; onResolved: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [includeResolved, setIncludeResolved] = useState(false)
  const [conflicts, setConflicts] = useState<ConsolidationConflict[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<number | null>(null)

  useEffect(() => {
    let live = true
    call('consolidation.conflicts', { includeResolved })
      .then((rows) => live && (setConflicts(rows), setError(null)))
      .catch((failure: unknown) => live && setError(showApiError(failure, t)))
    return () => {
      live = false
    }
  }, [includeResolved, version, t])

  const resolve = async (id: number, keep: ConflictChoice) => {
    setBusy(id)
    try {
      await call('consolidation.resolve', { id, keep })
      void message.success(t('consolidationUi.conflicts.resolved'))
      onResolved()
    } catch (failure) {
      setError(showApiError(failure, t))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Card
      size="small"
      title={t('consolidationUi.conflicts.title')}
      extra={
        <Flex gap={8} align="center">
          <Switch
            size="small"
            checked={includeResolved}
            onChange={setIncludeResolved}
            data-testid="conflicts-show-resolved"
          />
          <span>{t('consolidationUi.conflicts.showResolved')}</span>
        </Flex>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('consolidationUi.conflicts.hint')}</Typography.Text>
        {error && <Alert type="error" showIcon closable title={error} onClose={() => setError(null)} />}
        {conflicts === null && !error && <Spin />}
        {conflicts?.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consolidationUi.conflicts.empty')} />
        )}
        {conflicts?.map((conflict) => (
          <ConflictCard
            key={conflict.id}
            conflict={conflict}
            busy={busy !== null}
            onResolve={(keep) => void resolve(conflict.id, keep)}
          />
        ))}
      </Space>
    </Card>
  )
}
