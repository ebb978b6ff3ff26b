import { useState } from 'react'
import { Button, Dropdown } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from './AuthContext'
import { ChangePasswordModal } from './ChangePasswordModal'

/** The header's account menu: who is signed in (and their role), change password, lock the desk, sign out. */
export function UserMenu() {
  const { t } = useTranslation()
  const { user, lockNow, signOut } = useAuth()
  const [changing, setChanging] = useState(false)
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', label: t('auth.menu.changePassword'), onClick: () => setChanging(true) },
            { key: 'lock', label: t('auth.menu.lock'), onClick: () => void lockNow() },
            { key: 'signOut', label: t('auth.menu.signOut'), onClick: () => void signOut() },
          ],
        }}
      >
        <Button data-testid="user-menu">
          {user.fullName} · {t(`roles.${user.role}`)}
        </Button>
      </Dropdown>
      {changing && <ChangePasswordModal onClose={() => setChanging(false)} />}
    </>
  )
}
