import { Alert, Button, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { AuthScreen } from './AuthScreen'

/** The recovery code, shown once (only its hash is kept); the user goes on when they have written it down. */
export function RecoveryCodeNotice({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation()
  return (
    <AuthScreen title={t('auth.recovery.title')}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('auth.recovery.text')} />
        <Typography.Text
          copyable
          data-testid="recovery-code"
          style={{ fontFamily: 'monospace', fontSize: 22, letterSpacing: 1 }}
        >
          {code}
        </Typography.Text>
        <Button type="primary" onClick={onDone}>
          {t('auth.recovery.done')}
        </Button>
      </Space>
    </AuthScreen>
  )
}
