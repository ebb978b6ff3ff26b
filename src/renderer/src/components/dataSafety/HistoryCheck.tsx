import { useState } from 'react'
import { Alert, Button, Card, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuditVerification } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { formatInstant } from '../../lib/format'

/**
 * "Verify history": walks the chain of the audit trail (keyed history and the older plain
 * chain before it) and compares its end with the head kept outside the database. Reports the
 * first broken link, a head that does not match, what earlier starts found and wrote into the
 * history, entries signed with a key this computer does not hold, and where keyed history begins.
 */
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

  const notes = result ? notesOf(result, t) : []
  return (
    <Card title={t('dataSafetyUi.history')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('dataSafetyUi.historyHint')}</Typography.Text>
        <Button onClick={() => void verify()} loading={busy}>
          {t('dataSafetyUi.verify')}
        </Button>
        {error && <Alert type="error" showIcon title={error} />}
        {result && !result.firstBroken && result.head.state === 'ok' && notes.length === 0 && (
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
        {result && result.head.state !== 'ok' && (
          <Alert
            type="error"
            showIcon
            data-testid="history-head"
            title={t(`dataSafetyUi.head.${result.head.state}`, result.head)}
          />
        )}
        {result && !result.firstBroken && result.head.state === 'ok' && notes.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="history-notes"
            title={t('dataSafetyUi.verifiedWithNotes', { entries: result.entries })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            }
          />
        )}
        {result && (
          <Typography.Text type="secondary" data-testid="history-keyed">
            {result.keyedFrom && result.legacyEntries > 0
              ? t('dataSafetyUi.keyedFrom', {
                  id: result.keyedFrom.id,
                  at: formatInstant(result.keyedFrom.at),
                  legacy: result.legacyEntries,
                })
              : t('dataSafetyUi.keyedFromStart')}{' '}
            {result.head.state === 'ok' && result.head.lastId !== null && t('dataSafetyUi.head.ok', result.head)}
            <br />
            {t('dataSafetyUi.keyFolder', { folder: result.keyFolder })}
          </Typography.Text>
        )}
      </Space>
    </Card>
  )
}

/** What earlier starts wrote into the history, and the entries no key here can check, as sentences. */
function notesOf(result: AuditVerification, t: (key: string, params?: Record<string, unknown>) => string): string[] {
  return [
    ...result.findings.map((f) => t(`dataSafetyUi.finding.${f.kind}`, { ...f, at: formatInstant(f.at) })),
    ...result.unverifiable.map((range) => t('dataSafetyUi.unverifiable', range)),
  ]
}
