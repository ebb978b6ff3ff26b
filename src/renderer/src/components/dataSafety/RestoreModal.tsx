import { useEffect, useState } from 'react'
import { Alert, App, Descriptions, Modal, Spin } from 'antd'
import { useTranslation } from 'react-i18next'
import type { BackupFileReport } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { formatInstant } from '../../lib/format'

/**
 * Restore, in two steps: first what the file holds (checked by the core: whole, ours, not
 * from a newer version), then the restore itself. The current database is kept aside by the
 * core, so the panel offers undo afterwards.
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

  useEffect(() => {
    call('backup.inspect', { file }).then(setReport, (failure: unknown) => setError(showApiError(failure, t)))
  }, [file, t])

  const restore = async () => {
    setRestoring(true)
    try {
      const result = await call('backup.restore', { file })
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

  const problem = report && !report.ok ? t(`errors.backup.${report.problem ?? 'unreadable'}`) : null
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
      {error && <Alert type="error" showIcon title={error} />}
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
