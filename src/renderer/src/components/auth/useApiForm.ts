import { useState } from 'react'
import { Form } from 'antd'
import { useTranslation } from 'react-i18next'
import { placeApiError, unplacedText, type UnplacedError } from '../../api/formErrors'

/**
 * A form whose rules are the API's: `submit` sends the values, puts the refusal's field issues
 * under the fields and returns the rest as one message (in the language shown now).
 */
export function useApiForm<Values extends object>() {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)
  const [unplaced, setUnplaced] = useState<UnplacedError | null>(null)
  const submit = async (send: (values: Values) => Promise<void>) => {
    setBusy(true)
    setUnplaced(null)
    try {
      await send(form.getFieldsValue(true) as Values)
    } catch (caught) {
      setUnplaced(placeApiError(caught, form))
    } finally {
      setBusy(false)
    }
  }
  return { form, busy, error: unplaced ? unplacedText(unplaced, t) : null, submit }
}
