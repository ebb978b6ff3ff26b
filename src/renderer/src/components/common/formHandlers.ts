import type { KeyboardEvent } from 'react'
import type { FormInstance } from 'antd'
import { changedPaths } from '../../lib/formPaths'

/** Fields where a plain Enter belongs to the field: it confirms a typed date or picks an option. */
const ENTER_OWNED_BY = '.ant-picker, .ant-select'

/**
 * Ctrl+Enter (⌘+Enter) saves from anywhere in a form, a multi-line text box included, where a
 * plain Enter starts a new line. Plain Enter in a one-line field submits natively, except in a
 * date picker or a select: there it confirms the typed date or the option (the field handles it
 * first), and submitting as well would send the form half-filled.
 */
export function saveOnCtrlEnter(save: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter') return
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault()
      save()
    } else if (event.target instanceof Element && event.target.closest(ENTER_OWNED_BY)) {
      event.preventDefault()
    }
  }
}

/** An onValuesChange handler that takes the API's message off a field once the user changes it. */
export function clearErrorsOnChange(form: FormInstance) {
  return (changed: object) => form.setFields(changedPaths(changed).map((name) => ({ name, errors: [] })))
}

/**
 * Esc in a dialog closes it (through `close`, which asks first when something changed), unless
 * an open list or calendar inside has the key: Esc closes that first.
 */
export function closeOnEscape(close: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    if (event.target instanceof Element && event.target.closest('[aria-expanded="true"]')) return
    event.stopPropagation()
    close()
  }
}
