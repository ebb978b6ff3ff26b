import { Button, Card, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../hooks/useRoute'
import { SETUP_ROUTE } from './useSetupWizard'

/** Settings → Office identity: opens the first-start wizard again, on its first skipped step. */
export function OpenSetupWizard() {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('setupWizard.reopen.title')} style={{ maxWidth: 880, marginTop: 24 }}>
      <Typography.Paragraph type="secondary">{t('setupWizard.reopen.text')}</Typography.Paragraph>
      <Button onClick={() => navigate(SETUP_ROUTE)} data-testid="open-setup-wizard">
        {t('setupWizard.reopen.button')}
      </Button>
    </Card>
  )
}
