import { useState } from 'react'
import { Alert, Button, Card, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuditVerification } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { formatInstant } from '../../lib/format'

/** "Verify history": walks the hash chain of the audit trail and reports the first broken link. */
export function HistoryCheck() {
  const { t } = useTranslation()
  const [result, setResult] = useState<AuditVerification | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const verify = async () => {
    setBusy(true)
    setError(null)
    try {
      setResult(await call('audit.verify', {}))
    } catch (failure) {
      setError(showApiError(failure, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card title={t('dataSafetyUi.history')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('dataSafetyUi.historyHint')}</Typography.Text>
        <Button onClick={() => void verify()} loading={busy}>
          {t('dataSafetyUi.verify')}
        </Button>
        {error && <Alert type="error" showIcon title={error} />}
        {result && !result.firstBroken && (
          <Alert
            type="success"
            showIcon
            title={t('dataSafetyUi.verifiedOk', { entries: result.entries })}
            data-testid="history-ok"
          />
        )}
        {result?.firstBroken && (
          <Alert
            type="error"
            showIcon
            data-testid="history-broken"
            title={t('dataSafetyUi.verifiedBroken', {
              ...result.firstBroken,
              at: formatInstant(result.firstBroken.at),
            })}
          />
        )}
      </Space>
    </Card>
  )
}
