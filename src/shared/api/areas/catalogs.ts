import { z } from 'zod'
import type { CalendarDay } from '../../domain/calendar'
import { entityId, isoDate, optionalId, optionalText, requiredText } from '../fields'

// Staff (operators and executors), localities, office identity, working-day calendar.

export interface StaffMember {
  id: number
  fullName: string
  /** In Kazakh; `positionRu` in Russian (null until typed), for Russian receipts and reports. */
  position: string
  positionRu: string | null
  department: string | null
  /** Appears in the executor lists. */
  isExecutor: boolean
  active: boolean
}

const staffFields = {
  fullName: requiredText(200),
  position: requiredText(200),
  positionRu: optionalText(200),
  department: optionalText(200),
  isExecutor: z.boolean().default(true),
}
export const createStaffInput = z.object(staffFields).strict()
export const updateStaffInput = z.object({ id: entityId, ...staffFields, active: z.boolean() }).strict()

export interface Locality {
  id: number
  kind: 'okrug' | 'settlement'
  /** The okrug of a settlement; null for an okrug. */
  parentId: number | null
  nameKk: string
  nameRu: string
  nameEn: string | null
  active: boolean
}

const localityFields = {
  kind: z.enum(['okrug', 'settlement'], { error: 'validation.invalidOption' }),
  parentId: optionalId,
  nameKk: requiredText(200),
  nameRu: requiredText(200),
  nameEn: optionalText(200),
}
const settlementNeedsOkrug = (v: { kind: string; parentId: number | null }, ctx: z.RefinementCtx) => {
  if (v.kind === 'settlement' && v.parentId === null) {
    ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'validation.settlementNeedsOkrug' })
  }
  if (v.kind === 'okrug' && v.parentId !== null) {
    ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'validation.okrugHasNoParent' })
  }
}
export const createLocalityInput = z.object(localityFields).strict().superRefine(settlementNeedsOkrug)
export const updateLocalityInput = z
  .object({ id: entityId, ...localityFields, active: z.boolean() })
  .strict()
  .superRefine(settlementNeedsOkrug)

/** Who the office is: printed on receipts and report headers. */
export interface OfficeIdentity {
  nameKk: string
  nameRu: string
  district: string
  region: string
  headName: string
  /** The head's position in Kazakh (kk reports) and in Russian (ru reports), for the signature block. */
  headPosition: string
  headPositionRu: string
  /**
   * The source line under the sector-by-year table, in Kazakh and Russian; empty: the office's
   * own line built from its name (main/reports/sourceNote.ts).
   */
  sourceNoteKk: string
  sourceNoteRu: string
}
export const officeInput = z
  .object({
    nameKk: requiredText(300),
    nameRu: requiredText(300),
    district: z.string().trim().max(200).default(''),
    region: z.string().trim().max(200).default(''),
    headName: z.string().trim().max(200).default(''),
    headPosition: z.string().trim().max(200).default(''),
    headPositionRu: z.string().trim().max(200).default(''),
    sourceNoteKk: z.string().trim().max(300).default(''),
    sourceNoteRu: z.string().trim().max(300).default(''),
  })
  .strict()

export const calendarDaySchema = z
  .object({
    date: isoDate,
    kind: z.enum(['holiday', 'day_off', 'working_weekend'], { error: 'validation.invalidOption' }),
    note: z.string().trim().max(300).default(''),
  })
  .strict()

export const listCalendarInput = z.object({ year: z.number().int().min(2000).max(2100) }).strict()

/** An imported calendar replaces the listed years' days entirely (a decree replaces the year's schedule). */
export const importCalendarInput = z
  .object({ days: z.array(calendarDaySchema).min(1, { error: 'validation.calendarEmpty' }).max(2000) })
  .strict()

export type { CalendarDay }
export interface CalendarImportResult {
  years: number[]
  days: number
}

export const setOperatorInput = z.object({ staffId: entityId }).strict()
export interface Session {
  operator: StaffMember | null
}
