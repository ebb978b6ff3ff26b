import type { TFunction } from 'i18next'
import { ApiCallError } from '../../api/client'

export interface ReportErrorText {
  /** Messages for parameter fields, by parameter name ('to', 'quarter', 'year'…). */
  fields: Record<string, string>
  /** What belongs to no field (or the whole failure), or null when every issue has a field. */
  general: string | null
}

/**
 * Splits an error from reports.build / reports.export into messages under the parameter
 * fields and a general one, in the user's language. The parameter form is controlled by the
 * page rather than by an antd form store (its shape changes with the report kind), so this
 * plays the part `showApiError` plays for antd forms: issues under `params.X` go to field X.
 */
export function reportErrorText(error: unknown, t: TFunction): ReportErrorText {
  if (!(error instanceof ApiCallError)) return { fields: {}, general: t('errors.internal') }
  const fields: Record<string, string> = {}
  const rest: string[] = []
  for (const issue of error.error.issues) {
    const text = t(issue.messageKey, issue.params ?? {})
    const [root, field] = issue.path
    if (root === 'params' && typeof field === 'string' && field !== 'kind' && !(field in fields)) fields[field] = text
    else rest.push(text)
  }
  const placed = Object.keys(fields).length > 0 && rest.length === 0
  return { fields, general: placed ? null : [t(error.error.messageKey), ...rest].join(' — ') }
}
