import { Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'

/**
 * A new password typed twice; the second must match (checked here: it never goes to the API,
 * so the caller leaves the `…Again` field out of what it sends).
 */
export function PasswordFields({ name = 'password', label }: { name?: string | string[]; label?: string }) {
  const { t } = useTranslation()
  const again = Array.isArray(name) ? [...name.slice(0, -1), `${name.at(-1)}Again`] : `${name}Again`
  return (
    <>
      <Form.Item name={name} label={label ?? t('auth.password')} required>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={again}
        label={t('auth.passwordAgain')}
        dependencies={[name]}
        required
        rules={[
          ({ getFieldValue }) => ({
            // Empty and unset are the same here: an empty form goes to the API, which says what is missing.
            validator: (_rule, value: string | undefined) =>
              (value ?? '') === ((getFieldValue(name) as string | undefined) ?? '')
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  )
}
