import type { FormInstance } from 'antd'
import type { TFunction } from 'i18next'
import { ApiCallError } from './client'

/**
 * Shows an API error where the user will look: each field issue under its form field (form
 * field names are the API input names), anything else in a general message. Returns the
 * general message, or null when every issue was placed on a field.
 */
export function showApiError(error: unknown, t: TFunction, form?: FormInstance): string | null {
  if (!(error instanceof ApiCallError)) return t('errors.internal')
  const { issues, messageKey } = error.error
  const known = new Set(form ? Object.keys(form.getFieldsValue(true) as object) : [])
  const onFields = issues.filter((issue) => issue.path.length > 0 && known.has(String(issue.path[0])))
  form?.setFields(
    onFields.map((issue) => ({ name: issue.path, errors: [t(issue.messageKey, issue.params ?? {})] })),
  )
  const rest = issues.filter((issue) => !onFields.includes(issue))
  if (onFields.length > 0 && rest.length === 0) return null
  return [t(messageKey), ...rest.map((issue) => t(issue.messageKey, issue.params ?? {}))].join(' — ')
}
