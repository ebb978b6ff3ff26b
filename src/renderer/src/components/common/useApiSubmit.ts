import { useRef, useState } from 'react'
import type { FormInstance } from 'antd'
import { useTranslation } from 'react-i18next'
import { placeApiError, unplacedText, type UnplacedError } from '../../api/formErrors'
import { oneAtATime } from '../../lib/oneAtATime'
import { whileSaving } from '../../lib/unsavedWork'

/**
 * Sends a form's values with `send`; the rules are the API's, so a form sends what it holds and
 * shows what the API says. A refused call puts each issue under its field, keeps the rest as
 * `generalError` (both as message keys, so they follow a language switch), and takes the focus
 * to the first field in error. A second submit before the first has finished does nothing.
 */
export function useApiSubmit<V>(form: FormInstance<V>, send: (values: V) => Promise<void>) {
  const { t } = useTranslation()
  const [saving, setSaving] = useState(false)
  const [unplaced, setUnplaced] = useState<UnplacedError | null>(null)
  const busy = useRef(false)

  const submit = () =>
    void oneAtATime(busy, async () => {
      setSaving(true)
      setUnplaced(null)
      try {
        await whileSaving(() => send(form.getFieldsValue(true) as V))
      } catch (error) {
        setUnplaced(placeApiError(error, form))
        const firstProblem = form.getFieldsError().find((field) => field.errors.length > 0)
        if (firstProblem) form.scrollToField(firstProblem.name, { block: 'center', focus: true })
      } finally {
        setSaving(false)
      }
    })

  return { saving, generalError: unplaced ? unplacedText(unplaced, t) : null, submit }
}
