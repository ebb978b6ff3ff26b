import { useEffect, useState } from 'react'
import { Alert, App, Button, Descriptions, Flex, Modal, Spin } from 'antd'
import { useTranslation } from 'react-i18next'
import type { BackupFileReport } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { formatInstant } from '../../lib/format'
import { PassphraseField } from './PassphraseField'

/**
 * Restore, in two steps: first what the file holds (checked by the core: whole, ours, not
 * from a newer version), then the restore itself. The current database is kept aside by the
 * core, so the panel offers undo afterwards. An encrypted copy is told by the core; the
 * dialog then asks for the passphrase and sends it with both steps.
 */
export function RestoreModal({
  file,
  onClose,
  onRestored,
}: {
  file: string
  onClose: () => void
  onRestored: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [report, setReport] = useState<BackupFileReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [restoring, setRestoring] = useState(false)
  const [encrypted, setEncrypted] = useState(false)
  const [passphrase, setPassphrase] = useState('')
  const [opening, setOpening] = useState(false)

  useEffect(() => {
    call('backup.inspect', { file }).then(
      (found) => {
        setEncrypted(found.problem === 'encrypted')
        setReport(found)
      },
      (failure: unknown) => setError(showApiError(failure, t)),
    )
  }, [file, t])

  /** Opens the encrypted copy with the passphrase typed: the core decrypts it aside and reports what it holds. */
  const open = async () => {
    setOpening(true)
    setError(null)
    try {
      setReport(await call('backup.inspect', { file, passphrase }))
    } catch (failure) {
      setError(showApiError(failure, t))
    } finally {
      setOpening(false)
    }
  }

  const restore = async () => {
    setRestoring(true)
    try {
      const result = await call('backup.restore', { file, passphrase: encrypted ? passphrase : null })
      void message.success(
        t('dataSafetyUi.restored', {
          appeals: result.restored.counts.appeals,
          meetings: result.restored.counts.meetings,
        }),
      )
      onRestored()
    } catch (failure) {
      setError(showApiError(failure, t))
      setRestoring(false)
    }
  }

  const locked = report?.problem === 'encrypted'
  const problem = report && !report.ok && !locked ? t(`errors.backup.${report.problem ?? 'unreadable'}`) : null
  return (
    <Modal
      open
      title={t('dataSafetyUi.inspectTitle')}
      okText={t('dataSafetyUi.confirmRestore')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !report?.ok, danger: true }}
      confirmLoading={restoring}
      onOk={() => void restore()}
      onCancel={onClose}
    >
      {!report && !error && <Spin />}
      {locked && (
        <Flex vertical gap={12} style={{ marginBottom: 12 }}>
          <Alert type="info" showIcon title={t('passphraseUi.encryptedFile')} data-testid="restore-encrypted" />
          <Flex gap={8}>
            <PassphraseField
              value={passphrase}
              onChange={setPassphrase}
              onEnter={() => void open()}
              testId="restore-passphrase"
            />
            <Button loading={opening} disabled={!passphrase} onClick={() => void open()} data-testid="restore-open">
              {t('passphraseUi.open')}
            </Button>
          </Flex>
        </Flex>
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="restore-error" />}
      {problem && <Alert type="error" showIcon title={problem} data-testid="restore-problem" />}
      {report?.ok && (
        <>
          <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('dataSafetyUi.appeals')}>{report.counts.appeals}</Descriptions.Item>
            <Descriptions.Item label={t('dataSafetyUi.meetings')}>{report.counts.meetings}</Descriptions.Item>
            <Descriptions.Item label={t('dataSafetyUi.staff')}>{report.counts.staff}</Descriptions.Item>
            <Descriptions.Item label={t('dataSafetyUi.period')}>
              {report.appealsFrom ? `${report.appealsFrom} — ${report.appealsTo}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('dataSafetyUi.lastChange')}>
              {report.lastChangeAt ? formatInstant(report.lastChangeAt) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('dataSafetyUi.schemaVersion')}>{report.schemaVersion}</Descriptions.Item>
          </Descriptions>
          <Alert type="warning" showIcon title={t('dataSafetyUi.restoreWarning')} />
        </>
      )}
    </Modal>
  )
}
