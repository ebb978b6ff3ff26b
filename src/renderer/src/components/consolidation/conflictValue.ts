import type { TFunction } from 'i18next'
import type { ConflictValue } from '@shared/api/contract'
import { formatDate, formatLocalDateTime } from '../appeals/dates'

/** Catalog lookups for reference fields (this office's ids). */
export interface ConflictNames {
  sectorName(id: number): string
  localityName(id: number): string
}

/** Fields holding a value of a fixed list, and the i18n group (domain section) naming its values. */
const LIST_FIELDS: Record<string, string> = {
  channel: 'channel',
  appealType: 'appealType',
  applicantKind: 'applicantKind',
  status: 'status',
  outcome: 'outcome',
  format: 'meetingFormat',
  kind: 'localityKind',
}
const DATE_FIELDS = new Set(['registeredOn', 'dueOn', 'reviewDueOn', 'answeredOn', 'redirectedOn', 'extensionDecidedOn', 'extensionNotifiedOn', 'heldOn', 'doneOn'])

export const NO_VALUE = '—'

/** One side of a conflicting field as a person reads it, in the current language. */
export function conflictValue(field: string, value: ConflictValue, t: TFunction, names: ConflictNames): string {
  if (value === null || value === '') return NO_VALUE
  if (typeof value === 'boolean') return t(value ? 'consolidationUi.yes' : 'consolidationUi.no')
  const text = String(value)
  const group = LIST_FIELDS[field]
  if (group) return t(`${group}.${text}`, { defaultValue: text })
  if (field === 'sectorId') return names.sectorName(Number(value)) || `#${text}`
  if (field === 'localityId' || field === 'parentId') return names.localityName(Number(value)) || `#${text}`
  if (field === 'meetingId' || field === 'repeatedOfId' || field === 'appealId') return `#${text}`
  if (field === 'receivedAt') return formatLocalDateTime(text)
  if (DATE_FIELDS.has(field)) return formatDate(text)
  return text
}

/** The name of a field in the current language (the raw name if it has none). */
export const conflictField = (field: string, t: TFunction): string => t(`consolidationUi.fields.${field}`, { defaultValue: field })
