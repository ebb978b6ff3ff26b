import { Alert, Button, Divider, Form, Input, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuthStatus, SetupDone } from '@shared/api/contract'
import { call } from '../../api/client'
import { AuthScreen } from './AuthScreen'
import { PasswordFields } from './PasswordFields'
import { useApiForm } from './useApiForm'

interface SetupValues {
  office: { nameKk: string; nameRu: string }
  admin: { username: string; fullName: string; staffId: number | null; password: string; passwordAgain?: string }
}

/**
 * The first run (a new data folder, or an office upgraded from before sign-in): the office's
 * name and the first administrator, who may be someone already on the staff list.
 */
export function SetupScreen({ status, onDone }: { status: AuthStatus; onDone: (done: SetupDone) => void }) {
  const { t } = useTranslation()
  const { form, busy, error, submit } = useApiForm<SetupValues>()
  const staffOptions = status.setupStaff.map((s) => ({ value: s.id, label: s.fullName }))

  const send = (values: SetupValues) =>
    call('auth.setup', {
      office: { ...values.office, district: '', region: '', headName: '', headPosition: '' },
      admin: {
        username: values.admin.username,
        fullName: values.admin.fullName,
        staffId: values.admin.staffId ?? null,
        password: values.admin.password,
      },
    }).then(onDone)

  return (
    <AuthScreen title={t('auth.setup.title')}>
      <Alert type="info" title={t('auth.setup.intro')} style={{ marginBottom: 16 }} />
      <Form<SetupValues>
        form={form}
        layout="vertical"
        initialValues={{
          office: { nameKk: '', nameRu: '' },
          admin: { username: '', fullName: '', staffId: null, password: '' },
        }}
        onFinish={() => void submit(send)}
        data-testid="setup-form"
      >
        <Divider titlePlacement="start">{t('auth.setup.office')}</Divider>
        <Form.Item name={['office', 'nameKk']} label={t('settingsUi.office.nameKk')} required>
          <Input />
        </Form.Item>
        <Form.Item name={['office', 'nameRu']} label={t('settingsUi.office.nameRu')} required>
          <Input />
        </Form.Item>
        <Divider titlePlacement="start">{t('auth.setup.admin')}</Divider>
        {staffOptions.length > 0 && (
          <Form.Item name={['admin', 'staffId']} label={t('auth.setup.staff')} extra={t('auth.setup.staffHint')}>
            <Select
              allowClear
              placeholder={t('auth.setup.staffNone')}
              options={staffOptions}
              onChange={(id: number | undefined) => {
                const person = status.setupStaff.find((s) => s.id === id)
                if (person && !form.getFieldValue(['admin', 'fullName']))
                  form.setFieldValue(['admin', 'fullName'], person.fullName)
              }}
            />
          </Form.Item>
        )}
        <Form.Item name={['admin', 'fullName']} label={t('auth.fullName')} required>
          <Input />
        </Form.Item>
        <Form.Item name={['admin', 'username']} label={t('auth.username')} required>
          <Input autoComplete="username" />
        </Form.Item>
        <PasswordFields name={['admin', 'password']} />
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('auth.setup.submit')}
        </Button>
      </Form>
    </AuthScreen>
  )
}
