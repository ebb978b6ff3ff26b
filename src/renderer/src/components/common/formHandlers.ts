import type { KeyboardEvent } from 'react'
import type { FormInstance } from 'antd'
import { changedPaths } from '../../lib/formPaths'

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

/** An onValuesChange handler that takes the API's message off a field once the user changes it. */
export function clearErrorsOnChange(form: FormInstance) {
  return (changed: object) => form.setFields(changedPaths(changed).map((name) => ({ name, errors: [] })))
}
