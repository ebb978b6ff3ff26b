import { useCallback, useEffect, useState } from 'react'
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { UserAccount } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { useCatalogs } from '../../hooks/useCatalogs'
import { IdleLockSetting } from './IdleLockSetting'
import { ResetPasswordModal } from './ResetPasswordModal'
import { UserFormModal } from './UserFormModal'

/** Settings → Users (administrators): accounts, their roles, passwords and deactivation; the idle lock. */
export function UsersTab() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { staffName } = useCatalogs()
  const [accounts, setAccounts] = useState<UserAccount[]>([])
  const [editing, setEditing] = useState<UserAccount | 'new' | null>(null)
  const [resetting, setResetting] = useState<UserAccount | null>(null)

  const reload = useCallback(() => call('users.list', {}).then(setAccounts), [])
  useEffect(() => void reload().catch(() => undefined), [reload])
  const saved = async (text = t('users.saved')) => {
    setEditing(null)
    setResetting(null)
    void message.success(text)
    await reload()
  }
  const deactivate = (account: UserAccount) =>
    call('users.deactivate', { id: account.id }).then(
      () => saved(),
      (error: unknown) => void message.error(showApiError(error, t)),
    )

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="users-tab">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('users.hint')}</Typography.Text>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('users.add')}
        </Button>
      </Space>
      <Table<UserAccount>
        rowKey="id"
        size="small"
        dataSource={accounts}
        pagination={false}
        columns={[
          { title: t('auth.username'), dataIndex: 'username' },
          { title: t('auth.fullName'), dataIndex: 'fullName' },
          { title: t('users.role'), dataIndex: 'role', render: (role: string) => t(`roles.${role}`) },
          { title: t('users.staff'), dataIndex: 'staffId', render: (id: number | null) => staffName(id) },
          {
            title: t('users.status'),
            render: (_v, a) => (
              <Space size={4} wrap>
                {a.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>}
                {a.lockedUntil && (
                  <Tag color="orange">
                    {t('users.lockedUntil', { time: new Date(a.lockedUntil).toLocaleTimeString() })}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('settingsUi.common.actions'),
            render: (_v, a) =>
              a.active && (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => setEditing(a)}>
                    {t('users.edit')}
                  </Button>
                  <Button size="small" onClick={() => setResetting(a)}>
                    {t('users.resetPassword')}
                  </Button>
                  <Popconfirm
                    title={t('users.deactivateConfirm', { name: a.fullName })}
                    okText={t('users.deactivate')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => deactivate(a)}
                  >
                    <Button size="small" danger>
                      {t('users.deactivate')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <IdleLockSetting />
      {editing && (
        <UserFormModal
          account={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => saved()}
        />
      )}
      {resetting && (
        <ResetPasswordModal
          account={resetting}
          onClose={() => setResetting(null)}
          onSaved={() => saved(t('users.passwordSet'))}
        />
      )}
    </Space>
  )
}
