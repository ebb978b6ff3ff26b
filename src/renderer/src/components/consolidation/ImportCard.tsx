import { useState } from 'react'
import { Alert, Button, Card, Space, Typography, Upload } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PackageImportSummary } from '@shared/api/contract'
import { ApiCallError, call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { fileToBase64 } from '../../api/files'
import { ImportSummaryView } from './ImportSummaryView'
import { PassphraseField } from '../dataSafety/PassphraseField'

type Outcome = { kind: 'done'; summary: PackageImportSummary } | { kind: 'failed'; message: string }

/**
 * "Import package": reads a package file chosen by the user and sends it; the core refuses a
 * damaged or foreign file whole, and says why. An encrypted package is refused until its
 * passphrase is typed: the card then asks for it and sends the same file again.
 */
export function ImportCard({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [locked, setLocked] = useState<File | null>(null)
  const [passphrase, setPassphrase] = useState('')

  const send = async (file: File, withPassphrase: string | null = null) => {
    setBusy(true)
    setOutcome(null)
    try {
      let base64: string
      try {
        base64 = await fileToBase64(file)
      } catch {
        setOutcome({ kind: 'failed', message: t('consolidationUi.errors.readFailed') })
        return
      }
      const summary = await call('consolidation.importPackage', {
        fileName: file.name,
        base64,
        passphrase: withPassphrase,
      })
      setOutcome({ kind: 'done', summary })
      setLocked(null)
      setPassphrase('')
      onImported()
    } catch (error) {
      const asksPassphrase =
        error instanceof ApiCallError && error.error.issues.some((issue) => issue.path[0] === 'passphrase')
      setLocked(asksPassphrase ? file : null)
      setOutcome({ kind: 'failed', message: showApiError(error, t) ?? '' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card size="small" title={t('consolidationUi.import.title')} style={{ height: '100%' }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('consolidationUi.import.hint')}</Typography.Text>
        <Upload
          accept=".gz,.json,.enc,application/gzip,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file)
            return false // read here; nothing is uploaded anywhere
          }}
        >
          <Button type="primary" loading={busy} data-testid="consolidation-import">
            {t('consolidationUi.import.button')}
          </Button>
        </Upload>
        {locked && (
          <Space wrap>
            <PassphraseField
              value={passphrase}
              onChange={setPassphrase}
              onEnter={() => void send(locked, passphrase)}
              testId="consolidation-import-passphrase"
            />
            <Button disabled={!passphrase} loading={busy} onClick={() => void send(locked, passphrase)}>
              {t('passphraseUi.open')}
            </Button>
          </Space>
        )}
        {outcome?.kind === 'done' && <ImportSummaryView summary={outcome.summary} />}
        {outcome?.kind === 'failed' && (
          <Alert
            type="error"
            showIcon
            data-testid="consolidation-import-result"
            title={t('consolidationUi.import.failed')}
            description={outcome.message}
          />
        )}
      </Space>
    </Card>
  )
}
