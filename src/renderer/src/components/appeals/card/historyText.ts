import type { TFunction } from 'i18next'
import type { AuditEvent } from '@shared/api/contract'
import { fieldText, NO_VALUE, type FieldNames } from '../../../lib/fieldText'
import { formatBytes, formatDate } from '../../../lib/format'

/** Catalog lookups a history line needs to name sectors, localities and staff. */
export type HistoryNames = Required<FieldNames>

/** Long texts are cut in the timeline; the card shows them whole. */
const MAX_TEXT = 160

/** One audited value (stored as JSON) as the reader should see it, in the current language. */
export function historyValue(field: string, raw: string | null, t: TFunction, names: HistoryNames): string {
  let value: unknown = raw
  try {
    value = raw === null ? null : JSON.parse(raw)
  } catch {
    // an old entry stored as plain text: show it as it is
  }
  if (value === null || value === undefined || value === '') return NO_VALUE
  if (typeof value === 'boolean') return t(value ? 'appealsUi.history.yes' : 'appealsUi.history.no')
  const text = fieldText(field, value as string | number, t, names)
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text
}

/** The name of an audited field in the current language (the raw name if it has none yet). */
export function historyField(field: string, t: TFunction): string {
  return t(`appealsUi.field.${field}`, { defaultValue: field })
}

/** Entries written by one action (same moment, same kind, same person) are shown as one step. */
export function groupHistory(history: AuditEvent[]): AuditEvent[][] {
  const groups: AuditEvent[][] = []
  for (const event of history) {
    const last = groups.at(-1)?.[0]
    if (last && last.at === event.at && last.action === event.action && last.operator === event.operator)
      groups.at(-1)!.push(event)
    else groups.push([event])
  }
  return groups
}

/**
 * What the registration entry recorded: {regNumber, registeredOn, dueOn, …}. An appeal closed as
 * it was registered (anonymous) ran no term: its entry names the legal reason instead.
 */
export function createdSummary(event: AuditEvent, t: TFunction): string {
  try {
    const first = JSON.parse(event.newValue ?? '{}') as { regNumber?: string; dueOn?: string; closingReason?: string }
    return [
      first.regNumber && `№ ${first.regNumber}`,
      first.closingReason
        ? t(`registrationClosing.${first.closingReason}`, { defaultValue: first.closingReason })
        : first.dueOn && `${t('appealsUi.field.dueOn')}: ${formatDate(first.dueOn)}`,
    ]
      .filter(Boolean)
      .join(' · ')
  } catch {
    return ''
  }
}

/** What a reveal entry recorded: the fields shown in full (never their values). */
export function revealedSummary(event: AuditEvent, t: TFunction): string {
  try {
    const fields = JSON.parse(event.newValue ?? '[]') as string[]
    return t('personalData.history.revealed', { fields: fields.map((field) => historyField(field, t)).join(', ') })
  } catch {
    return ''
  }
}

/** Which file an attachment entry names (attached, opened or deleted): its name and size, never its content. */
export function attachmentSummary(event: AuditEvent, t: TFunction): string {
  try {
    const file = JSON.parse(event.newValue ?? '{}') as { fileName?: string; sizeBytes?: number }
    return t('attachments.history.file', { name: file.fileName ?? '', size: formatBytes(file.sizeBytes ?? 0) })
  } catch {
    return ''
  }
}

/** What an export entry on the appeal recorded: the answer letter's language and file (never its text). */
export function exportedSummary(event: AuditEvent, t: TFunction): string {
  try {
    const made = JSON.parse(event.newValue ?? '{}') as { lang?: string; fileName?: string }
    if (event.field !== 'answerLetter') return historyField(event.field ?? '', t)
    return t('answers.history.letter', { lang: made.lang ?? '', fileName: made.fileName ?? '' })
  } catch {
    return ''
  }
}
