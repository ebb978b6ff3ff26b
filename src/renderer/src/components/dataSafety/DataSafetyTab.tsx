import { Card, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { LoadSampleDataButton } from '../reports/LoadSampleDataButton'
import { BackupPanel } from './BackupPanel'
import { HistoryCheck } from './HistoryCheck'
import { PassphrasePanel } from './PassphrasePanel'

/** Settings → Data safety: backups and restore, the office passphrase, the history check, and the sample district. */
export function DataSafetyTab() {
  const { t } = useTranslation()
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <BackupPanel />
      <PassphrasePanel />
      <HistoryCheck />
      <Card title={t('dataSafetyUi.sampleTitle')}>
        <LoadSampleDataButton />
      </Card>
    </Space>
  )
}
