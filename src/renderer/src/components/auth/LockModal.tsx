import { Alert, Button, Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SignedInUser } from '@shared/api/contract'
import { call } from '../../api/client'
import { useApiForm } from './useApiForm'

/**
 * The lock (idle, or from the menu): a modal over the page (which stays mounted, with whatever was being typed)
 * asking for the password again. Signing out instead is always possible.
 */
export function LockModal({
  user,
  minutes,
  byHand,
  onUnlocked,
  onSignOut,
}: {
  user: SignedInUser
  minutes: number
  /** Locked from the menu, not by the idle limit. */
  byHand: boolean
  onUnlocked: () => void
  onSignOut: () => void
}) {
  const { t } = useTranslation()
  const { form, busy, error, submit } = useApiForm<{ password: string }>()
  return (
    <Modal
      open
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      title={t('auth.lock.title')}
      footer={null}
      // Above everything else on the page, so nothing can be typed into it meanwhile.
      zIndex={2000}
      styles={{ mask: { backdropFilter: 'blur(6px)' } }}
    >
      <div data-testid="lock-modal">
        <Alert
          type="warning"
          title={t(byHand ? 'auth.lock.textByHand' : 'auth.lock.text', { name: user.fullName, minutes })}
          style={{ marginBottom: 16 }}
        />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ password: '' }}
          onFinish={() =>
            void submit(async (values) => {
              await call('auth.unlock', values)
              onUnlocked()
            })
          }
        >
          <Form.Item name="password" label={t('auth.password')}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('auth.lock.unlock')}
          </Button>
          <Button type="link" onClick={onSignOut}>
            {t('auth.menu.signOut')}
          </Button>
        </Form>
      </div>
    </Modal>
  )
}
