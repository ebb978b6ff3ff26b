import type { FormInstance } from 'antd'
import type { TFunction } from 'i18next'
import { formatDate, formatInstant } from '../lib/format'
import { ApiCallError } from './client'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
/** An instant as the API stores it (2026-04-20T05:12:09.123Z): who changed a record last, and when. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/**
 * A message's parameters as the user reads them: the API names dates as it stores them
 * ('2026-03-10': "not before the meeting (…)"), the office reads and types 10.03.2026.
 */
function readable(params: Record<string, string | number> = {}): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value !== 'string'
        ? value
        : ISO_DATE.test(value)
          ? formatDate(value)
          : ISO_INSTANT.test(value)
            ? formatInstant(value)
            : value,
    ]),
  )
}

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
    onFields.map((issue) => ({ name: issue.path, errors: [t(issue.messageKey, readable(issue.params))] })),
  )
  const rest = issues.filter((issue) => !onFields.includes(issue))
  if (onFields.length > 0 && rest.length === 0) return null
  return [t(messageKey), ...rest.map((issue) => t(issue.messageKey, readable(issue.params)))].join(' — ')
}

/**
 * The API refused an edit made on an older version of the record than it now has (another desk
 * saved first): nothing was written, and the form offers to load the record as it now stands.
 */
export function isStaleEdit(error: unknown): boolean {
  return (
    error instanceof ApiCallError && error.error.code === 'conflict' && error.error.messageKey === 'errors.staleEdit'
  )
}
