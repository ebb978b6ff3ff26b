import { useCallback, useEffect, useState } from 'react'
import { Alert, App, Button, Card, Descriptions, Flex, Input, Space, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { BackupInfo, BackupStatus, PassphraseState } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { RestoreModal } from './RestoreModal'
import { PassphraseField } from './PassphraseField'
import { formatBytes, formatInstant } from '../../lib/format'

/**
 * Backups in Settings: where they go and when the last one was made (a warning after a week
 * without one), "back up now" to any folder (a USB drive: the desktop app offers a folder
 * picker, the browser takes a typed path), the list of backups with "restore", and undo.
 */
export function BackupPanel({ office }: { office: PassphraseState | null }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [status, setStatus] = useState<BackupStatus | null>(null)
  const [folder, setFolder] = useState('')
  const [busy, setBusy] = useState(false)
  const [restoring, setRestoring] = useState<string | null>(null)
  const [fromFile, setFromFile] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const pickers = window.akimatDesk?.dialogs
  // A copy into another folder (a USB drive) is encrypted when the office has a passphrase.
  const encrypts = office?.set === true && folder.trim() !== ''

  const load = useCallback(async () => setStatus(await call('backup.status', {})), [])
  useEffect(() => {
    void load()
  }, [load])

  const backUp = async () => {
    setBusy(true)
    try {
      const made = await call('backup.create', { folder: folder || null, passphrase: encrypts ? passphrase : null })
      void message.success(t('dataSafetyUi.backedUp', { file: made.file }))
      setPassphrase('')
      await load()
    } catch (error) {
      void message.error(showApiError(error, t))
    } finally {
      setBusy(false)
    }
  }

  const undo = async () => {
    try {
      await call('backup.undoRestore', {})
      void message.success(t('dataSafetyUi.undone'))
      // Every page's data changed with the file: start the UI afresh.
      setTimeout(() => window.location.reload(), 800)
    } catch (error) {
      void message.error(showApiError(error, t))
    }
  }

  if (!status) return null
  return (
    <Card title={t('dataSafetyUi.backups')} data-testid="backup-panel">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {status.stale && <Alert type="warning" showIcon title={t('dataSafetyUi.stale')} data-testid="backup-stale" />}
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('dataSafetyUi.folder')}>
            <Typography.Text code copyable>
              {status.folder}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('dataSafetyUi.last')}>
            {status.last
              ? `${formatInstant(status.last.at)} · ${t(`dataSafetyUi.kind.${status.last.kind}`)}`
              : t('dataSafetyUi.none')}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">{t('dataSafetyUi.autoHint')}</Typography.Text>
        {office?.set && <Typography.Text type="secondary">{t('passphraseUi.backupNeedsIt')}</Typography.Text>}

        <Flex gap={8} wrap>
          <Input
            style={{ maxWidth: 480 }}
            placeholder={t('dataSafetyUi.targetFolder')}
            aria-label={t('dataSafetyUi.targetFolder')}
            value={folder}
            // The desktop reaches only what its dialog picked (backup/chosenPaths.ts): no typing there.
            readOnly={pickers !== undefined}
            onChange={(e) => setFolder(e.target.value)}
          />
          {pickers && (
            <Button onClick={() => void pickers.pickFolder().then((picked) => picked && setFolder(picked))}>
              {t('dataSafetyUi.choose')}
            </Button>
          )}
          {encrypts && <PassphraseField value={passphrase} onChange={setPassphrase} testId="backup-passphrase" />}
          <Button type="primary" loading={busy} onClick={() => void backUp()}>
            {t('dataSafetyUi.backUpNow')}
          </Button>
          {status.undoAvailable && <Button onClick={() => void undo()}>{t('dataSafetyUi.undo')}</Button>}
        </Flex>

        <Table<BackupInfo>
          rowKey="file"
          size="small"
          dataSource={status.backups}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          columns={[
            { title: t('dataSafetyUi.colAt'), dataIndex: 'at', render: (at: string) => formatInstant(at) },
            {
              title: t('dataSafetyUi.colKind'),
              dataIndex: 'kind',
              render: (kind: BackupInfo['kind']) => t(`dataSafetyUi.kind.${kind}`),
            },
            { title: t('dataSafetyUi.colSize'), dataIndex: 'sizeBytes', render: (size: number) => formatBytes(size) },
            {
              key: 'restore',
              render: (_v, backup) => (
                <Button size="small" onClick={() => setRestoring(backup.file)}>
                  {t('dataSafetyUi.restore')}
                </Button>
              ),
            },
          ]}
        />

        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{t('dataSafetyUi.restoreFromFile')}</Typography.Text>
          <Input
            style={{ maxWidth: 480 }}
            aria-label={t('dataSafetyUi.filePath')}
            placeholder={t('dataSafetyUi.filePath')}
            value={fromFile}
            readOnly={pickers !== undefined}
            onChange={(e) => setFromFile(e.target.value)}
          />
          {pickers && (
            <Button onClick={() => void pickers.pickFile().then((picked) => picked && setFromFile(picked))}>
              {t('dataSafetyUi.choose')}
            </Button>
          )}
          <Button disabled={!fromFile.trim()} onClick={() => setRestoring(fromFile.trim())}>
            {t('dataSafetyUi.check')}
          </Button>
        </Flex>
      </Space>
      {restoring && (
        <RestoreModal
          file={restoring}
          onClose={() => setRestoring(null)}
          onRestored={() => {
            setRestoring(null)
            setTimeout(() => window.location.reload(), 800)
          }}
        />
      )}
    </Card>
  )
}
