import { Card, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { LoadSampleDataButton } from '../reports/LoadSampleDataButton'
import { BackupPanel } from './BackupPanel'
import { HistoryCheck } from './HistoryCheck'
import { PassphrasePanel } from './PassphrasePanel'
import { useOfficePassphrase } from './useOfficePassphrase'

/** Settings → Data safety: backups and restore, the office passphrase, the history check, and the sample district. */
export function DataSafetyTab() {
  const { t } = useTranslation()
  // one state for both panels: "back up now" asks for the passphrase as soon as it is set
  const passphrase = useOfficePassphrase()
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <BackupPanel office={passphrase.state} />
      <PassphrasePanel state={passphrase.state} reload={passphrase.reload} />
      <HistoryCheck />
      <Card title={t('dataSafetyUi.sampleTitle')}>
        <LoadSampleDataButton />
      </Card>
    </Space>
  )
}
