import { useEffect, useState } from 'react'
import { Descriptions } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '@shared/api/contract'
import { call } from '../../api/client'
import { useCan } from '../auth/AuthContext'
import { ServerInfoCard } from './ServerInfoCard'

/**
 * Version, mode and where the data file lives (so an administrator can find and back it up);
 * on the office server, for an administrator, its address and certificate.
 */
export function AboutCard() {
  const { t } = useTranslation()
  const [info, setInfo] = useState<AppInfo | null>(null)
  const { mayCall } = useCan()

  useEffect(() => {
    call('app.info', {}).then(setInfo, () => setInfo(null))
  }, [])

  if (!info) return null
  return (
    <>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'version', label: t('settings.version'), children: info.version },
          {
            key: 'door',
            label: t('settings.door'),
            children: t(DOOR_LABELS[info.door]),
          },
          ...(info.databaseFile === null
            ? []
            : [{ key: 'file', label: t('settings.databaseFile'), children: info.databaseFile }]),
          { key: 'schema', label: t('settings.schemaVersion'), children: info.schemaVersion },
        ]}
      />
      {info.door === 'server' && mayCall('office.serverInfo') && <ServerInfoCard />}
    </>
  )
}

const DOOR_LABELS: Record<AppInfo['door'], string> = {
  desktop: 'settings.doorDesktop',
  web: 'settings.doorWeb',
  server: 'settings.doorServer',
}
