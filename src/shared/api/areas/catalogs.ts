import { z } from 'zod'
import { CALENDAR_DAY_KINDS, type CalendarDay, type CalendarDayOrigin, type OfficeHours } from '../../domain/calendar'
import { OFFICE_YEARS } from '../../domain/dates'
import type { HolidayDate } from '../../domain/holidays'
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
  /** The office's postal address in Kazakh and Russian, for the letterhead of its letters. */
  addressKk: string
  addressRu: string
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
    addressKk: z.string().trim().max(300).default(''),
    addressRu: z.string().trim().max(300).default(''),
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
    kind: z.enum(CALENDAR_DAY_KINDS, { error: 'validation.invalidOption' }),
    note: z.string().trim().max(300, { error: 'validation.tooLong' }).default(''),
    source: z.string().trim().max(500, { error: 'validation.tooLong' }).default(''),
    confirmed: z.boolean().default(true),
  })
  .strict()

const calendarYear = z.number().int().min(OFFICE_YEARS.first).max(OFFICE_YEARS.last)
export const listCalendarInput = z.object({ year: calendarYear }).strict()
export const exportCalendarInput = listCalendarInput

/**
 * An imported file adds its days and replaces the days of the same dates; every other day
 * stays (a transfer order's two days must not wipe the year's holidays).
 */
export const importCalendarInput = z
  .object({ days: z.array(calendarDaySchema).min(1, { error: 'validation.calendarEmpty' }).max(2000) })
  .strict()

/** One day added or changed on screen, with the reason kept in the history. */
export const saveCalendarDayInput = calendarDaySchema.extend({ reason: requiredText(300) }).strict()
export const removeCalendarDayInput = z.object({ date: isoDate, reason: requiredText(300) }).strict()

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/
const hhmm = z.string().regex(HHMM, { error: 'validation.invalidTime' })
export const officeHoursInput = z
  .object({ opensAt: hhmm, closesAt: hhmm, saturdayWork: z.boolean() })
  .strict()
  .refine((h) => !HHMM.test(h.opensAt) || !HHMM.test(h.closesAt) || h.opensAt < h.closesAt, {
    path: ['closesAt'],
    error: 'validation.closesBeforeOpening',
  })

export type { CalendarDay, CalendarDayOrigin, OfficeHours }

/** A day as the office keeps it: the day and where it came from. */
export interface KeptCalendarDay extends CalendarDay {
  origin: CalendarDayOrigin
}

/** A year whose days leave out fixed-date statutory holidays (after an edit or an import). */
export interface CalendarYearWarning {
  year: number
  missing: HolidayDate[]
}

export interface CalendarImportResult {
  years: number[]
  /** Days in the file. */
  days: number
  /** Dates the calendar did not hold before. */
  added: number
  /** Dates it held and the file changed (same dates with the same content count as neither). */
  replaced: number
  warnings: CalendarYearWarning[]
}

/** A change made on screen: what the year now lacks, if anything. */
export interface CalendarEditResult {
  day: KeptCalendarDay | null
  warning: CalendarYearWarning | null
}

/** A year's days as a file the import takes back. */
export interface CalendarFile {
  year: number
  about: string
  days: CalendarDay[]
}

export interface CalendarYearSummary {
  year: number
  days: number
  /** Days the office entered or changed itself. */
  officeDays: number
  /** Days marked as not checked against an official act. */
  unconfirmed: number
  missing: HolidayDate[]
}

/** Which years the calendar holds and what is wrong with them, for Settings and the dashboard. */
export interface CalendarOverview {
  years: CalendarYearSummary[]
  /** This year and next year, when the calendar holds no day of them. */
  missingYears: number[]
}
