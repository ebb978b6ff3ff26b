import { z } from 'zod'
import { isOfficeDate, isValidIsoDate, OFFICE_YEARS } from '../domain/dates'

/**
 * Field schemas reused by the contract areas, each with its message key, so that the same
 * field says the same thing everywhere.
 */
/** 'validation.required' for a missing value only; a wrong type keeps its own message. */
const requiredWhenMissing = (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? 'validation.required' : undefined

/**
 * Text a reader can see: blank after removing spaces and invisible format characters (zero
 * width space, soft hyphen, direction marks, word joiner) counts as empty.
 */
export function hasVisibleText(value: string): boolean {
  return /[^\p{Cf}\p{Z}\s]/u.test(value)
}

export const requiredText = (max: number) =>
  z
    .string({ error: requiredWhenMissing })
    .trim()
    .min(1, { error: 'validation.required', abort: true })
    .max(max, { error: 'validation.tooLong' })
    .refine(hasVisibleText, { error: 'validation.required' })

/** Optional text: '' and whitespace (or invisible characters only) become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .transform((s) => (hasVisibleText(s) ? s : null))
    .nullish()
    .transform((s) => s ?? null)

export const entityId = z.number({ error: requiredWhenMissing }).int().positive()
export const optionalId = entityId.nullish().transform((v) => v ?? null)

/**
 * The version of a record (appeal, meeting, measure) an edit was made on, as its read returned
 * it: the edit is written only while the record still has that version (optimistic locking;
 * otherwise `conflict`, nothing written). The UI always sends it; a caller that leaves it out
 * (the command line, a script) edits the record as it stands.
 */
export const recordVersion = z
  .number({ error: 'validation.required' })
  .int()
  .positive()
  .nullish()
  .transform((v) => v ?? null)

/** A date an office's record can carry: a real day within OFFICE_YEARS. */
const officeYears = { error: 'validation.dateOutOfRange', params: { ...OFFICE_YEARS } }

export const isoDate = z
  .string({ error: requiredWhenMissing })
  .refine(isValidIsoDate, { error: 'validation.invalidDate', abort: true })
  .refine(isOfficeDate, officeYears)

export const optionalIsoDate = z
  .string()
  .refine((v) => v === '' || isValidIsoDate(v), { error: 'validation.invalidDate', abort: true })
  .refine((v) => v === '' || isOfficeDate(v), officeYears)
  .nullish()
  .transform((v) => (v ? v : null))

/** Local date and time as typed in the office: 'YYYY-MM-DDTHH:MM'. */
export const localDateTime = z
  .string({ error: requiredWhenMissing })
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.invalidDateTime', abort: true })
  .refine((v) => isValidIsoDate(v.slice(0, 10)), { error: 'validation.invalidDateTime', abort: true })
  .refine((v) => isOfficeDate(v.slice(0, 10)), officeYears)

/** At most this many ids or codes in one list filter: a longer list is not a person's choice. */
export const MAX_FILTER_ITEMS = 1000
export const filterList = <T extends z.ZodType>(item: T) =>
  z.array(item).max(MAX_FILTER_ITEMS, { error: 'validation.tooMany' })

/** Signatories of one appeal, people at one meeting: more than a district holds is a typo. */
export const MAX_PEOPLE = 100_000

export const paging = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
}
