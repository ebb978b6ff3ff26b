import { useEffect, useState } from 'react'
import { Descriptions } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '@shared/api/contract'
import { call } from '../../api/client'

/** Version, mode and where the data file lives (so an administrator can find and back it up). */
export function AboutCard() {
  const { t } = useTranslation()
  const [info, setInfo] = useState<AppInfo | null>(null)

  useEffect(() => {
    call('app.info', {}).then(setInfo, () => setInfo(null))
  }, [])

  if (!info) return null
  return (
    <Descriptions
      column={1}
      size="small"
      items={[
        { key: 'version', label: t('settings.version'), children: info.version },
        {
          key: 'door',
          label: t('settings.door'),
          children: info.door === 'desktop' ? t('settings.doorDesktop') : t('settings.doorWeb'),
        },
        ...(info.databaseFile === null
          ? []
          : [{ key: 'file', label: t('settings.databaseFile'), children: info.databaseFile }]),
        { key: 'schema', label: t('settings.schemaVersion'), children: info.schemaVersion },
      ]}
    />
  )
}
