import { useEffect, useState } from 'react'
import { Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ServerInfo } from '@shared/api/contract'
import { call } from '../../api/client'
import { formatDate } from '../../lib/format'

/**
 * The office server's address and certificate, for an administrator: the fingerprint is what
 * each desk must see when it first connects (trust on first use), so it is shown whole and
 * can be copied. Nothing on the desktop or in web mode (the method answers null there).
 */
export function ServerInfoCard() {
  const { t } = useTranslation()
  const [info, setInfo] = useState<ServerInfo | null>(null)

  useEffect(() => {
    call('office.serverInfo', {}).then(setInfo, () => setInfo(null))
  }, [])

  if (!info) return null
  const { certificate } = info
  return (
    <Descriptions
      title={t('server.title')}
      column={1}
      size="small"
      style={{ marginTop: 24 }}
      items={[
        { key: 'address', label: t('server.address'), children: info.address },
        {
          key: 'fingerprint',
          label: t('server.fingerprint'),
          children: (
            <div>
              <Typography.Text code copyable data-testid="server-fingerprint" style={{ wordBreak: 'break-all' }}>
                {certificate.fingerprint256}
              </Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                {t('server.fingerprintHint')}
              </Typography.Paragraph>
            </div>
          ),
        },
        { key: 'validTo', label: t('server.validTo'), children: formatDate(certificate.validTo.slice(0, 10)) },
        {
          key: 'source',
          label: t('server.source'),
          children: certificate.source === 'generated' ? t('server.sourceGenerated') : t('server.sourceOffice'),
        },
        {
          key: 'database',
          label: t('server.database'),
          children: info.embeddedPostgres ? t('server.embedded') : t('server.external'),
        },
      ]}
    />
  )
}
