import { useState } from 'react'
import { App, Button, type ButtonProps } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiInput } from '@shared/api/contract'
import type { PrintableMethod } from '@shared/api/methods'
import { showApiError } from '../../api/formErrors'
import { printDocument } from '../../api/printing'

/** "Print" for a document the core makes as a PDF: the system print dialog on the desktop, a new tab in a browser. */
export function PrintButton<M extends PrintableMethod>({
  method,
  input,
  ...buttonProps
}: { method: M; input: ApiInput<M> } & Omit<ButtonProps, 'onClick' | 'loading'>) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const print = async () => {
    setBusy(true)
    try {
      await printDocument(method, input)
    } catch (error) {
      void message.error(showApiError(error, t) ?? t('print.failed'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button {...buttonProps} loading={busy} onClick={() => void print()}>
      {t('print.action')}
    </Button>
  )
}
