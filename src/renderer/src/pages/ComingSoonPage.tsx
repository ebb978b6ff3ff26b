import { Result, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/** Says plainly what a section will hold, until it is built. */
export function ComingSoonPage({ section }: { section: 'dashboard' | 'appeals' | 'meetings' | 'reports' }) {
  const { t } = useTranslation()
  return (
    <Result
      status="info"
      title={t('coming.title')}
      subTitle={t(`coming.${section}`)}
      extra={<Typography.Link href="#/settings">{t('coming.ready')}</Typography.Link>}
    />
  )
}
