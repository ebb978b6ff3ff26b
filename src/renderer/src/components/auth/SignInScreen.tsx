import { useState } from 'react'
import { Alert, Button, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SetupDone, SignedIn } from '@shared/api/contract'
import { call } from '../../api/client'
import { AuthScreen } from './AuthScreen'
import { PasswordFields } from './PasswordFields'
import { useApiForm } from './useApiForm'

/** Sign-in, with the administrator's way back in: "forgot the password → recovery code". */
export function SignInScreen({
  onSignedIn,
  onRecovered,
}: {
  onSignedIn: (done: SignedIn) => void
  onRecovered: (done: SetupDone) => void
}) {
  const [recovering, setRecovering] = useState(false)
  return recovering ? (
    <RecoverForm onBack={() => setRecovering(false)} onRecovered={onRecovered} />
  ) : (
    <SignInForm onSignedIn={onSignedIn} onForgot={() => setRecovering(true)} />
  )
}

function SignInForm({ onSignedIn, onForgot }: { onSignedIn: (done: SignedIn) => void; onForgot: () => void }) {
  const { t } = useTranslation()
  const { form, busy, error, submit } = useApiForm<{ username: string; password: string }>()
  return (
    <AuthScreen title={t('auth.login.title')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ username: '', password: '' }}
        onFinish={() => void submit((values) => call('auth.login', values).then(onSignedIn))}
        data-testid="sign-in-form"
      >
        <Form.Item name="username" label={t('auth.username')}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('auth.login.submit')}
        </Button>
        <Button type="link" onClick={onForgot} style={{ paddingInline: 0, marginTop: 8 }}>
          {t('auth.login.forgot')}
        </Button>
      </Form>
    </AuthScreen>
  )
}

interface RecoverValues {
  username: string
  recoveryCode: string
  newPassword: string
  newPasswordAgain?: string
}

function RecoverForm({ onBack, onRecovered }: { onBack: () => void; onRecovered: (done: SetupDone) => void }) {
  const { t } = useTranslation()
  const { form, busy, error, submit } = useApiForm<RecoverValues>()
  return (
    <AuthScreen title={t('auth.recover.title')}>
      <Alert type="info" title={t('auth.recover.intro')} style={{ marginBottom: 16 }} />
      <Form<RecoverValues>
        form={form}
        layout="vertical"
        initialValues={{ username: '', recoveryCode: '', newPassword: '' }}
        onFinish={() =>
          void submit(({ username, recoveryCode, newPassword }) =>
            call('auth.recover', { username, recoveryCode, newPassword }).then(onRecovered),
          )
        }
      >
        <Form.Item name="username" label={t('auth.username')}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="recoveryCode" label={t('auth.recover.code')}>
          <Input style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <PasswordFields name="newPassword" label={t('auth.recover.newPassword')} />
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('auth.recover.submit')}
        </Button>
        <Button type="link" onClick={onBack} style={{ paddingInline: 0, marginTop: 8 }}>
          {t('auth.recover.back')}
        </Button>
      </Form>
    </AuthScreen>
  )
}
