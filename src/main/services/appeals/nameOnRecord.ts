import type { EntityManager } from 'typeorm'
import type { Applicant, AuditEvent, NameOnRecord } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import { foldForSearch } from '@shared/domain/search'
import type { AuditChange } from '../audit'
import { applicantDisplayName } from './mapping'

/** The action of the history entry that records a confirmed name that differs from the IIN's record. */
export const NAME_CONFIRMED = 'nameConfirmed' as const

/**
 * A name as it is compared: surname and first name, folded as search folds them, so
 * "Ахметов Серік" and "Ахметов Серик" are one person; a patronymic added or left out is not a
 * different name. An organisation's whole name, folded.
 */
function nameKey(surname: string | null, firstName: string | null, fullName: string | null): string {
  const words = (text: string | null) =>
    foldForSearch(text ?? '')
      .split(/\s+/)
      .filter(Boolean)
  const parts = surname !== null ? [...words(surname), ...words(firstName)] : words(fullName)
  return parts.join(' ')
}

/** The name key of an applicant as an appeal's columns hold it (an old row may lack the parts). */
export function storedNameKey(row: {
  applicantKind: string
  applicantName: string | null
  applicantSurname: string | null
  applicantFirstName: string | null
}): string {
  return row.applicantKind === 'individual'
    ? nameKey(row.applicantSurname ?? row.applicantName, row.applicantFirstName, null)
    : nameKey(null, null, row.applicantName)
}

function applicantKey(applicant: Applicant): { idNumber: string; key: string } | null {
  if (applicant.kind === 'individual' && applicant.iin)
    return { idNumber: applicant.iin, key: nameKey(applicant.surname, applicant.firstName, null) }
  if (applicant.kind === 'organisation' && applicant.bin)
    return { idNumber: applicant.bin, key: nameKey(null, null, applicant.name) }
  return null
}

interface RecordRow {
  id: unknown
  applicant_kind: string
  applicant_name: string | null
  applicant_surname: string | null
  applicant_first_name: string | null
  registered_on: unknown
}

/**
 * The name another appeal holds for this applicant's IIN/BIN when it is not the name typed:
 * the latest such name, with the number of appeals under it and the date of the last. Annulled
 * entries (made by mistake) do not count. `excludeId`: the appeal being edited, which is left
 * out; when its own IIN and name are the ones typed, nothing changed and nothing is found.
 * One statement on an indexed column: an IIN has a handful of appeals.
 */
export async function otherNameOnRecord(
  manager: EntityManager,
  applicant: Applicant,
  excludeId: number | null,
): Promise<NameOnRecord | null> {
  const typed = applicantKey(applicant)
  if (!typed) return null
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i)
  const rows = (await manager.query(
    `SELECT id, applicant_kind, applicant_name, applicant_surname, applicant_first_name, registered_on
     FROM appeals WHERE applicant_id_number = ${p(0)} AND status <> 'annulled'
     ORDER BY registered_on DESC, id DESC`,
    [typed.idNumber],
  )) as RecordRow[]
  const keyOf = (row: RecordRow) =>
    storedNameKey({
      applicantKind: row.applicant_kind,
      applicantName: row.applicant_name,
      applicantSurname: row.applicant_surname,
      applicantFirstName: row.applicant_first_name,
    })
  const own = rows.find((row) => Number(row.id) === excludeId)
  if (own && keyOf(own) === typed.key) return null
  const others = rows.filter((row) => Number(row.id) !== excludeId && keyOf(row) !== typed.key)
  const latest = others[0]
  if (!latest) return null
  const under = others.filter((row) => keyOf(row) === keyOf(latest))
  return {
    name: latest.applicant_name ?? '',
    appealsCount: under.length,
    lastOn: dateOf(latest.registered_on),
  }
}

/** A DATE column as YYYY-MM-DD: a string on SQLite, a Date on PostgreSQL (node-postgres parses it). */
function dateOf(value: unknown): string {
  if (value instanceof Date)
    return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`
  return String(value).slice(0, 10)
}

/**
 * The core's side of the warning: a name that differs from the IIN's record is saved only when
 * the clerk confirmed it (people do change names), so no door and no script makes a second
 * person of one IIN unnoticed. Refused on the name field, which is what the clerk corrects.
 */
export function requireNameConfirmed(found: NameOnRecord | null, applicant: Applicant, confirmed: boolean): void {
  if (!found || confirmed) return
  const field = applicant.kind === 'organisation' ? 'name' : 'surname'
  throw new DomainError('validation', 'errors.validation', [
    {
      path: ['applicant', field],
      messageKey: 'validation.nameDiffersOnRecord',
      params: { count: found.appealsCount, lastOn: found.lastOn },
    },
  ])
}

/** The history entry of a confirmed mismatch: the name on record → the name saved. */
export function nameConfirmedEntry(appealId: number, found: NameOnRecord, applicant: Applicant): AuditChange {
  return {
    entity: 'appeal',
    entityId: String(appealId),
    action: NAME_CONFIRMED,
    field: 'applicantName',
    oldValue: JSON.stringify(found.name),
    newValue: JSON.stringify(applicantDisplayName(applicant)),
  }
}

/** The other name is personal data to a caller who may not see it: the entry says only that it differed. */
export function withoutOtherName(event: AuditEvent): AuditEvent {
  return event.action === NAME_CONFIRMED ? { ...event, oldValue: null } : event
}
