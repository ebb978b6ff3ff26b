import type { Applicant, AuditEvent } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import { can } from '@shared/auth/permissions'
import { maskAddress, maskIin, maskPhone } from '@shared/domain/personalData'
import type { CallContext } from './context'

/**
 * Whether this caller may see IIN/BIN, phone and address in full (law 94-V): the one place
 * that decides it. A call with no user is made by the core itself (the command line, the
 * sample loader, internal jobs), which answers to whoever may run it on this machine; a door
 * never gets here without one, because the dispatcher refuses every method but the few
 * public ones (sign-in, setup) before a user has signed in.
 */
export function seesPersonalData(ctx: CallContext): boolean {
  return ctx.user ? can(ctx.user.role, 'personalData.view') : true
}

/** Refuses a caller who may not see personal data in full (the reveal, a package export). */
export function requirePersonalData(ctx: CallContext): void {
  if (!seesPersonalData(ctx)) throw new DomainError('forbidden', 'personalData.errors.forbidden')
}

/** The applicant as every list and card shows it: name in full, IIN/BIN, phone and address masked. */
export function maskedApplicant(applicant: Applicant): Applicant {
  if (applicant.kind !== 'individual' && applicant.kind !== 'organisation') return applicant // nameless: nothing held
  const phone = applicant.phone && maskPhone(applicant.phone)
  const address = applicant.address && maskAddress(applicant.address)
  if (applicant.kind === 'individual')
    return { ...applicant, iin: applicant.iin && maskIin(applicant.iin), phone, address }
  return { ...applicant, bin: applicant.bin && maskIin(applicant.bin), phone, address }
}

/** Whether the applicant has anything a mask hides. */
export function holdsPersonalData(applicant: Applicant): boolean {
  if (applicant.kind !== 'individual' && applicant.kind !== 'organisation') return false
  const idNumber = applicant.kind === 'individual' ? applicant.iin : applicant.bin
  return Boolean(idNumber || applicant.phone || applicant.address)
}

/** The appeal's columns holding personal data, as the audit trail names them. */
const MASKS: Record<string, (value: string) => string> = {
  applicantIdNumber: maskIin,
  applicantPhone: maskPhone,
  applicantAddress: maskAddress,
}

/** The audited fields a reveal shows, as its audit entry lists them. */
export const PERSONAL_DATA_FIELDS = Object.keys(MASKS)

/**
 * A history entry as the card shows it: an earlier IIN, phone or address masked like the
 * current one (entries written before the history stored them masked hold them in full).
 */
export function maskedHistoryEvent(event: AuditEvent): AuditEvent {
  const mask = event.field ? MASKS[event.field] : undefined
  if (!mask) return event
  return { ...event, oldValue: maskedJson(event.oldValue, mask), newValue: maskedJson(event.newValue, mask) }
}

/** A JSON-encoded audited value, masked; a plain-text value of an old entry likewise. */
function maskedJson(raw: string | null, mask: (value: string) => string): string | null {
  if (raw === null) return null
  let value: unknown = raw
  try {
    value = JSON.parse(raw)
  } catch {
    // stored as plain text: mask it as it is
  }
  if (value === null || value === '') return raw
  return JSON.stringify(mask(String(value)))
}

/**
 * Searching by IIN/BIN is for callers who may see it (law 94-V): anyone else could learn
 * whether a number is in the register, and whose it is, without ever seeing it.
 * - `digitsOnly`: the applicant look-up, which matches the IIN/BIN column by prefix. Any run of
 *   digits is refused there, not only twelve: with prefixes a caller could find a number digit
 *   by digit (nine answers to "9…", "90…", …).
 * - otherwise (the list's search): without the right it reads only the public search text
 *   (numbers, the applicant's name, the summary; the IIN/BIN, phone and address are in
 *   personal_search_text, which only a permitted caller's search reads: AppealQueries), so a
 *   part of a number only finds what the caller reads anyway; a full twelve digits (spaces
 *   ignored) is refused all the same, so that the rule a user meets is one: no search by a full
 *   IIN/BIN without the right.
 */
export function checkIdNumberSearch(ctx: CallContext, query: string | undefined, digitsOnly: boolean): void {
  if (!query || seesPersonalData(ctx)) return
  const compact = query.replace(/\s+/g, '')
  const byNumber = digitsOnly ? /^\d+$/.test(compact) : /\d{12}/.test(compact)
  if (byNumber)
    throw new DomainError('forbidden', 'personalData.errors.forbidden', [
      { path: ['query'], messageKey: 'personalData.search.idNumber' },
    ])
}
