import { useState } from 'react'
import { App, Button, type ButtonProps } from 'antd'
import { useTranslation } from 'react-i18next'
import { showApiError } from '../../api/formErrors'
import { downloadReceipt } from './receipt'
import { useLanguage } from '../../hooks/useLanguage'

/** Downloads the appeal's receipt slip in the language the clerk is working in. */
export function ReceiptButton({
  appealId,
  ...buttonProps
}: { appealId: number } & Omit<ButtonProps, 'onClick' | 'loading'>) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)

  const download = async () => {
    setBusy(true)
    try {
      await downloadReceipt(appealId, lang)
    } catch (error) {
      void message.error(showApiError(error, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button {...buttonProps} loading={busy} onClick={() => void download()}>
      {t('appealsUi.receipt')}
    </Button>
  )
}
