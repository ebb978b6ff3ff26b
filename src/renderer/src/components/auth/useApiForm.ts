import { useState } from 'react'
import { Form } from 'antd'
import { useTranslation } from 'react-i18next'
import { showApiError } from '../../api/formErrors'

/**
 * A form whose rules are the API's: `submit` sends the values, puts the refusal's field issues
 * under the fields and returns the rest as one message.
 */
export function useApiForm<Values extends object>() {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async (send: (values: Values) => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await send(form.getFieldsValue(true) as Values)
    } catch (caught) {
      setError(showApiError(caught, t, form))
    } finally {
      setBusy(false)
    }
  }
  return { form, busy, error, submit }
}
