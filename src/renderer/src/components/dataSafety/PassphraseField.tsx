import { Input } from 'antd'
import { useTranslation } from 'react-i18next'

/**
 * The office passphrase typed to encrypt a copy or to open an encrypted one. Never trimmed
 * (spaces are part of it) and never remembered by the browser.
 */
export function PassphraseField({
  value,
  onChange,
  testId,
  onEnter,
}: {
  value: string
  onChange: (value: string) => void
  testId: string
  onEnter?: () => void
}) {
  const { t } = useTranslation()
  return (
    <Input.Password
      style={{ maxWidth: 320 }}
      placeholder={t('passphraseUi.field')}
      aria-label={t('passphraseUi.field')}
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onPressEnter={onEnter}
      data-testid={testId}
    />
  )
}
