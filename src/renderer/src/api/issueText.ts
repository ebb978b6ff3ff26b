import type { TFunction } from 'i18next'
import type { FieldIssue } from '@shared/api/errors'
import { formatDate, formatInstant } from '../lib/format'

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

/** One API issue in the current language. */
export function issueText(issue: Pick<FieldIssue, 'messageKey' | 'params'>, t: TFunction): string {
  return t(issue.messageKey, readable(issue.params))
}
