import { useEffect, useState } from 'react'
import { Card, Descriptions, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '@shared/api/contract'
import { call } from '../api/client'
import { SectorCatalog } from '../components/SectorCatalog'

export function SettingsPage() {
  const { t } = useTranslation()
  const [info, setInfo] = useState<AppInfo | null>(null)

  useEffect(() => {
    call('app.info', {}).then(setInfo, () => setInfo(null))
  }, [])

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('settings.sectors')}>
        <SectorCatalog />
      </Card>
      {info && (
        <Card title={t('settings.about')}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('settings.version')}>{info.version}</Descriptions.Item>
            <Descriptions.Item label={t('settings.door')}>
              {info.door === 'desktop' ? t('settings.doorDesktop') : t('settings.doorWeb')}
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.databaseFile')}>{info.databaseFile}</Descriptions.Item>
            <Descriptions.Item label={t('settings.schemaVersion')}>{info.schemaVersion}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </Space>
  )
}
