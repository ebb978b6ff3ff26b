import { Form } from 'antd'
import { useTranslation } from 'react-i18next'
import type { UserAccount } from '@shared/api/contract'
import { call } from '../../api/client'
import { PasswordFields } from '../auth/PasswordFields'
import { FormModal } from '../common/FormModal'

/** An administrator sets a new password for someone; their open sessions end. */
export function ResetPasswordModal({
  account,
  onClose,
  onSaved,
}: {
  account: UserAccount
  onClose: () => void
  onSaved: () => Promise<void>
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ password: string; passwordAgain?: string }>()
  return (
    <FormModal
      title={`${t('users.resetPassword')}: ${account.username}`}
      form={form}
      initialValues={{ password: '' }}
      onSubmit={async ({ password }) => {
        await form.validateFields(['passwordAgain'])
        await call('users.resetPassword', { id: account.id, password })
        await onSaved()
      }}
      onClose={onClose}
    >
      <PasswordFields />
    </FormModal>
  )
}
