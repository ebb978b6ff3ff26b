import { useState } from 'react'
import { Alert, Button, Card, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { downloadBase64 } from '../../api/files'
import { PassphraseField } from '../dataSafety/PassphraseField'
import { useOfficePassphrase } from '../dataSafety/useOfficePassphrase'

type Outcome =
  | { kind: 'done'; fileName: string; appeals: number; meetings: number; localities: number; measures: number }
  | { kind: 'failed'; message: string }

/**
 * "Export package": this office's own records as one file, handed over as a download; with an
 * office passphrase set, encrypted with it (typed here).
 */
export function ExportCard() {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [passphrase, setPassphrase] = useState('')
  const encrypts = useOfficePassphrase().state?.set === true

  const run = async () => {
    setBusy(true)
    setOutcome(null)
    try {
      const result = await call('consolidation.exportPackage', { passphrase: encrypts ? passphrase : null })
      downloadBase64(result.base64, result.fileName)
      setOutcome({ kind: 'done', fileName: result.fileName, ...result.counts })
    } catch (error) {
      setOutcome({ kind: 'failed', message: showApiError(error, t) ?? '' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card size="small" title={t('consolidationUi.export.title')} style={{ height: '100%' }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('consolidationUi.export.hint')}</Typography.Text>
        {encrypts && (
          <PassphraseField value={passphrase} onChange={setPassphrase} testId="consolidation-export-passphrase" />
        )}
        <Button type="primary" loading={busy} onClick={() => void run()} data-testid="consolidation-export">
          {t('consolidationUi.export.button')}
        </Button>
        {outcome?.kind === 'done' && (
          <Alert
            type="success"
            showIcon
            data-testid="consolidation-export-result"
            title={t('consolidationUi.export.done', outcome)}
          />
        )}
        {outcome?.kind === 'failed' && (
          <Alert type="error" showIcon data-testid="consolidation-export-result" title={outcome.message} />
        )}
      </Space>
    </Card>
  )
}
