import type { TFunction } from 'i18next'
import { formatDate, formatLocalDateTime } from './format'

/** Catalog lookups for reference fields (this office's ids); staff only where staff are named. */
export interface FieldNames {
  sectorName(id: number): string
  localityName(id: number): string
  staffName?(id: number): string
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
  answerDelivery: 'answerDelivery',
}
const DATE_FIELDS = new Set([
  'registeredOn',
  'dueOn',
  'reviewDueOn',
  'answeredOn',
  'answerOutgoingOn',
  'redirectedOn',
  'extensionDecidedOn',
  'extensionNotifiedOn',
  'noticeDueOn',
  'redirectDueOn',
  'heldOn',
  'doneOn',
])
/** References to records that have no name of their own: shown by id. */
const BARE_REFERENCES = new Set(['meetingId', 'repeatedOfId', 'appealId'])

export const NO_VALUE = '—'

/**
 * A recorded value of a field as a person reads it, in the current language: a list value by
 * its name, a catalog reference by the name there, a date as the office writes it, anything
 * else as it is. Shared by the appeal history and the consolidation conflicts, which show
 * values of the same fields; each says "yes"/"no" and "nothing" its own way first.
 */
export function fieldText(field: string, value: string | number, t: TFunction, names: FieldNames): string {
  const text = String(value)
  const group = LIST_FIELDS[field]
  if (group) return t(`${group}.${text}`, { defaultValue: text })
  if (field === 'sectorId') return names.sectorName(Number(value)) || `#${text}`
  if (field === 'localityId' || field === 'parentId') return names.localityName(Number(value)) || `#${text}`
  if (field === 'executorId' || field === 'answerSignatoryId') return names.staffName?.(Number(value)) || `#${text}`
  if (BARE_REFERENCES.has(field)) return `#${text}`
  if (field === 'receivedAt') return formatLocalDateTime(text)
  if (DATE_FIELDS.has(field)) return formatDate(text)
  return text
}
