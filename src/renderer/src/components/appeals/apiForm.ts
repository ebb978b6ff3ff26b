import { useRef, useState, type KeyboardEvent } from 'react'
import type { FormInstance } from 'antd'
import { useTranslation } from 'react-i18next'
import { showApiError } from '../../api/formErrors'

/**
 * The plumbing every appeal form shares (registration, editing, the action dialogs): the rules
 * are the API's, so a form sends what it holds and shows what the API says under the fields.
 */

/**
 * Sends the form's values with `send`. A refused call puts each issue under its field (in the
 * current language), keeps the rest as `generalError`, and takes the focus to the first field
 * in error. A second Enter before the first save has finished does not save twice.
 */
export function useApiSubmit<V>(form: FormInstance<V>, send: (values: V) => Promise<void>) {
  const { t } = useTranslation()
  const [saving, setSaving] = useState(false)
  const [generalError, setGeneralError] = useState<string | null>(null)
  const inFlight = useRef(false)

  const submit = async () => {
    if (inFlight.current) return
    inFlight.current = true
    setSaving(true)
    setGeneralError(null)
    try {
      await send(form.getFieldsValue(true) as V)
    } catch (error) {
      setGeneralError(showApiError(error, t, form))
      const firstProblem = form.getFieldsError().find((field) => field.errors.length > 0)
      if (firstProblem) form.scrollToField(firstProblem.name, { block: 'center', focus: true })
    } finally {
      inFlight.current = false
      setSaving(false)
    }
  }

  return { saving, generalError, submit: () => void submit() }
}

/**
 * Ctrl+Enter (⌘+Enter) saves from anywhere in a form, a multi-line text box included, where a
 * plain Enter starts a new line. Plain Enter in a one-line field submits natively.
 */
export function saveOnCtrlEnter(save: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      save()
    }
  }
}

/** Every changed field's path, nested ones included: {applicant: {iin}} → ['applicant', 'iin']. */
function changedPaths(changed: object, prefix: string[] = []): string[][] {
  return Object.entries(changed).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? changedPaths(value as object, [...prefix, key])
      : [[...prefix, key]],
  )
}

/** An onValuesChange handler that takes the API's message off a field once the clerk changes it. */
export function clearErrorsOnChange(form: FormInstance) {
  return (changed: object) => form.setFields(changedPaths(changed).map((name) => ({ name, errors: [] })))
}
