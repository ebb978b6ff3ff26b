import { Form, Input, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { UserAccount } from '@shared/api/contract'
import { ROLES, type Role } from '@shared/auth/roles'
import { call } from '../../api/client'
import { useCatalogs } from '../../hooks/useCatalogs'
import { PasswordFields } from '../auth/PasswordFields'
import { FormModal } from '../common/FormModal'

interface Values {
  username: string
  fullName: string
  role: Role
  staffId: number | null
  password: string
  passwordAgain?: string
}

/** Adds an account (`account` null: with its first password) or changes one's name, role and staff link. */
export function UserFormModal({
  account,
  onClose,
  onSaved,
}: {
  account: UserAccount | null
  onClose: () => void
  onSaved: () => Promise<void>
}) {
  const { t } = useTranslation()
  const { staff } = useCatalogs()
  const [form] = Form.useForm<Values>()

  const submit = async ({ username, fullName, role, staffId, password }: Values) => {
    if (account) await call('users.update', { id: account.id, fullName, role, staffId: staffId ?? null })
    else {
      await form.validateFields(['passwordAgain'])
      await call('users.create', { username, fullName, role, staffId: staffId ?? null, password })
    }
    await onSaved()
  }

  return (
    <FormModal<Values>
      title={account ? `${t('users.edit')}: ${account.username}` : t('users.add')}
      form={form}
      initialValues={
        account
          ? {
              username: account.username,
              fullName: account.fullName,
              role: account.role,
              staffId: account.staffId,
              password: '',
            }
          : { username: '', fullName: '', role: 'clerk', staffId: null, password: '' }
      }
      onSubmit={submit}
      onClose={onClose}
    >
      {!account && (
        <Form.Item name="username" label={t('auth.username')}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="fullName" label={t('auth.fullName')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')}>
        <Select options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
      </Form.Item>
      <Form.Item name="staffId" label={t('users.staff')}>
        <Select
          allowClear
          placeholder={t('users.staffNone')}
          options={staff.filter((s) => s.active).map((s) => ({ value: s.id, label: s.fullName }))}
          onChange={(id: number | undefined) => {
            const person = staff.find((s) => s.id === id)
            if (person && !form.getFieldValue('fullName')) form.setFieldValue('fullName', person.fullName)
          }}
        />
      </Form.Item>
      {!account && <PasswordFields />}
    </FormModal>
  )
}
