import { Alert, App, Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { PasswordFields } from './PasswordFields'
import { useApiForm } from './useApiForm'
import { useFormChanges, useGuardedClose, useUnsavedWork } from '../common/useUnsavedWork'

interface Values {
  currentPassword: string
  newPassword: string
  newPasswordAgain?: string
}

/**
 * One's own password: the current one, the new one twice. The account's other sessions end.
 * `first`: the account signed in with a first password an administrator gave it; the dialog
 * says so and cannot be closed without choosing one: its other button signs out (`onSignOut`).
 */
export function ChangePasswordModal({
  onClose,
  first = false,
  onSignOut,
}: {
  onClose: () => void
  first?: boolean
  onSignOut?: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { form, busy, error, submit } = useApiForm<Values>()
  const { changedNow } = useFormChanges(form, { currentPassword: '', newPassword: '' })
  useUnsavedWork(changedNow)
  const close = useGuardedClose(changedNow, onClose)
  const save = () =>
    form.validateFields().then(
      () =>
        submit(async ({ currentPassword, newPassword }) => {
          await call('auth.changePassword', { currentPassword, newPassword })
          void message.success(t('auth.change.done'))
          onClose()
        }),
      () => undefined,
    )
  return (
    <Modal
      open
      title={first ? t('setupWizard.firstPassword.title') : t('auth.change.title')}
      okText={t('common.save')}
      cancelText={first ? t('auth.menu.signOut') : t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={first ? onSignOut : close}
      closable={!first}
      keyboard={!first}
      mask={{ closable: !first }}
      wrapClassName={first ? 'first-password' : undefined}
    >
      {first && <Alert type="info" showIcon title={t('setupWizard.firstPassword.hint')} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ currentPassword: '', newPassword: '' }}>
        <Form.Item name="currentPassword" label={t('auth.change.current')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <PasswordFields name="newPassword" label={t('auth.change.next')} />
        {error && <Alert type="error" title={error} />}
      </Form>
    </Modal>
  )
}
