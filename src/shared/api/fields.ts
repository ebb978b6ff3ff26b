import { z } from 'zod'
import { isValidIsoDate } from '../domain/dates'

/**
 * Field schemas reused by the contract areas, each with its message key, so that the same
 * field says the same thing everywhere.
 */
/** 'validation.required' for a missing value only; a wrong type keeps its own message. */
const requiredWhenMissing = (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? 'validation.required' : undefined

export const requiredText = (max: number) =>
  z
    .string({ error: requiredWhenMissing })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' })

/** Optional text: '' and whitespace become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .transform((s) => (s === '' ? null : s))
    .nullish()
    .transform((s) => s ?? null)

export const entityId = z.number({ error: requiredWhenMissing }).int().positive()
export const optionalId = entityId.nullish().transform((v) => v ?? null)

export const isoDate = z
  .string({ error: requiredWhenMissing })
  .refine(isValidIsoDate, { error: 'validation.invalidDate' })

export const optionalIsoDate = z
  .string()
  .refine((v) => v === '' || isValidIsoDate(v), { error: 'validation.invalidDate' })
  .nullish()
  .transform((v) => (v ? v : null))

/** Local date and time as typed in the office: 'YYYY-MM-DDTHH:MM'. */
export const localDateTime = z
  .string({ error: requiredWhenMissing })
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.invalidDateTime' })
  .refine((v) => isValidIsoDate(v.slice(0, 10)), { error: 'validation.invalidDateTime' })

export const paging = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
}
