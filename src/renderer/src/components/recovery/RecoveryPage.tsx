import { useState, type ReactNode } from 'react'
import { Alert, App, Button, Card, Flex, Popconfirm, Space, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RecoveryBackup, RecoveryResult, RecoveryStatus } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { formatDate, formatInstant } from '../../lib/format'
import { suggestedBackup } from '../../lib/suggestedBackup'

/**
 * Shown instead of the sign-in screen when the database will not open. There is no one to
 * sign in (the users are in that file), so the page offers only what cannot lose data: a copy
 * from the backups folder (the before-restore copy among them) or, as a last resort, an empty
 * database; the damaged file is kept aside either way.
 */
export function RecoveryPage({
  status,
  languageSwitch,
  onRecovered,
}: {
  status: RecoveryStatus
  languageSwitch: ReactNode
  onRecovered: (status: RecoveryStatus) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState<string | null>(null)
  const suggested = suggestedBackup(status.backups)

  const act = async (key: string, action: () => Promise<RecoveryResult>) => {
    setBusy(key)
    try {
      const result = await action()
      if (result.damagedAside) void message.success(t('recovery.done', { file: result.damagedAside }))
      onRecovered(await call('recovery.status', {}))
    } catch (error) {
      void message.error(showApiError(error, t))
      // A start that failed again may have a new cause, and the list a copy fewer to offer.
      onRecovered(await call('recovery.status', {}).catch(() => status))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 980, margin: '32px auto', padding: '0 16px' }} data-testid="recovery">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('recovery.title')}
        </Typography.Title>
        {languageSwitch}
      </Flex>
      <Alert
        type="error"
        showIcon
        message={status.cause ? t(`recovery.cause.${status.cause}`) : t('recovery.title')}
        description={
          <Space direction="vertical" size={4}>
            <Typography.Text copyable={{ text: status.file ?? '' }} data-testid="recovery-file">
              {t('recovery.file', { file: status.file ?? '' })}
            </Typography.Text>
            <Typography.Text>{t('recovery.kept')}</Typography.Text>
          </Space>
        }
      />
      <Card title={t('recovery.backupsTitle')}>
        <Typography.Paragraph type="secondary">{t('recovery.backupsHint')}</Typography.Paragraph>
        <Table<RecoveryBackup>
          rowKey="name"
          size="small"
          pagination={false}
          dataSource={status.backups}
          locale={{ emptyText: t('recovery.noBackups') }}
          columns={[
            { title: t('dataSafetyUi.colAt'), dataIndex: 'at', render: (at: string) => formatInstant(at) },
            {
              title: t('dataSafetyUi.colKind'),
              dataIndex: 'kind',
              render: (kind: RecoveryBackup['kind']) => t(`dataSafetyUi.kind.${kind}`),
            },
            {
              title: t('recovery.colContents'),
              key: 'contents',
              render: (_: unknown, backup) =>
                backup.report.ok ? (
                  <Space direction="vertical" size={0}>
                    <span>{t('recovery.contents', backup.report.counts)}</span>
                    {backup.report.appealsFrom && (
                      <Typography.Text type="secondary">
                        {t('dataSafetyUi.period')}: {formatDate(backup.report.appealsFrom)} –{' '}
                        {formatDate(backup.report.appealsTo)}
                      </Typography.Text>
                    )}
                  </Space>
                ) : (
                  <Typography.Text type="danger">
                    {t('recovery.unusable')}: {t(`errors.backup.${backup.report.problem ?? 'unreadable'}`)}
                  </Typography.Text>
                ),
            },
            {
              key: 'action',
              align: 'right',
              render: (_: unknown, backup) => (
                <Popconfirm
                  title={t('recovery.confirmRestore')}
                  okText={t('recovery.restore')}
                  onConfirm={() => act(backup.name, () => call('recovery.restore', { name: backup.name }))}
                >
                  <Button
                    type={backup === suggested ? 'primary' : 'default'}
                    disabled={!backup.report.ok || busy !== null}
                    loading={busy === backup.name}
                    data-testid={`recovery-restore-${backup.name}`}
                  >
                    {t('recovery.restore')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('recovery.emptyTitle')}>
        <Flex justify="space-between" align="center" gap={16}>
          <Typography.Text type="secondary">{t('recovery.emptyHint')}</Typography.Text>
          <Popconfirm
            title={t('recovery.confirmEmpty')}
            okText={t('recovery.startEmpty')}
            okButtonProps={{ danger: true }}
            onConfirm={() => act('empty', () => call('recovery.startEmpty', {}))}
          >
            <Button danger disabled={busy !== null} loading={busy === 'empty'} data-testid="recovery-start-empty">
              {t('recovery.startEmpty')}
            </Button>
          </Popconfirm>
        </Flex>
      </Card>
    </Flex>
  )
}
