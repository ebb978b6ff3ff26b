import { useRef, useState } from 'react'
import type { FormInstance } from 'antd'
import { useTranslation } from 'react-i18next'
import { isStaleEdit, placeApiError, unplacedText, type UnplacedError } from '../../api/formErrors'
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
  /** The last refusal was of a stale edit: the record changed since it was loaded. */
  const [stale, setStale] = useState(false)
  const busy = useRef(false)

  const submit = () =>
    void oneAtATime(busy, async () => {
      setSaving(true)
      setUnplaced(null)
      setStale(false)
      try {
        await whileSaving(() => send(form.getFieldsValue(true) as V))
      } catch (error) {
        setUnplaced(placeApiError(error, form))
        setStale(isStaleEdit(error))
        const firstProblem = form.getFieldsError().find((field) => field.errors.length > 0)
        if (firstProblem) form.scrollToField(firstProblem.name, { block: 'center', focus: true })
      } finally {
        setSaving(false)
      }
    })

  return { saving, generalError: unplaced ? unplacedText(unplaced, t) : null, stale, submit }
}
