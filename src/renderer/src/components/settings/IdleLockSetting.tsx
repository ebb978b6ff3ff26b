import { useState } from 'react'
import { App, Button, Form, InputNumber, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { IDLE_LOCK_MAX, IDLE_LOCK_MIN } from '@shared/api/areas/auth'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { useAuth } from '../auth/AuthContext'

/** The idle lock's time, office-wide; it applies to every session from its next call. */
export function IdleLockSetting() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { idleLockMinutes } = useAuth()
  const [minutes, setMinutes] = useState<number | null>(idleLockMinutes)
  const save = () =>
    call('auth.updatePolicy', { idleLockMinutes: minutes ?? 0 }).then(
      () => void message.success(t('users.saved')),
      (error: unknown) => void message.error(showApiError(error, t)),
    )
  return (
    <Form layout="vertical">
      <Form.Item label={t('users.idleLock')} extra={t('users.idleLockHint')}>
        <Space>
          <InputNumber
            min={IDLE_LOCK_MIN}
            max={IDLE_LOCK_MAX}
            value={minutes}
            onChange={setMinutes}
            suffix={t('users.minutes')}
            data-testid="idle-lock-minutes"
          />
          <Button onClick={() => void save()}>{t('common.save')}</Button>
        </Space>
      </Form.Item>
    </Form>
  )
}
