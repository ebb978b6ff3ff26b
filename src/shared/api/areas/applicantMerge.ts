import { z } from 'zod'
import type { IsoDate } from '../../domain/dates'
import { entityId, recordVersion } from '../fields'

/**
 * One person under two spellings: the appeal card's "possible duplicates" and the merge that
 * gives every appeal of the chosen spellings one name and one IIN/BIN
 * (services/appeals/applicantMerge.ts).
 */

/** At most this many appeals in one merge: one citizen's appeals over the years, not a register. */
export const MERGE_MAX_APPEALS = 500

/** The appeal whose applicant the possible duplicates are looked for. */
export const applicantDuplicatesInput = z.object({ id: entityId }).strict()

/**
 * The merge: the appeals to give one applicant (each at the version the clerk saw), the appeal
 * whose spelling is kept (surname, first name, patronymic; an organisation's name) and the one
 * whose IIN/BIN is kept. Both are among the appeals. Phone and address stay each appeal's own:
 * they are where that appeal's answer went.
 */
export const mergeApplicantsInput = z
  .object({
    appeals: z
      .array(z.object({ id: entityId, version: recordVersion }).strict())
      .min(2, { error: 'applicantMerge.errors.tooFew' })
      .max(MERGE_MAX_APPEALS, { error: 'validation.tooMany' }),
    nameFrom: entityId,
    idNumberFrom: entityId,
  })
  .strict()

/** Why a spelling is offered: the appeal's own, the same IIN/BIN under another name, the same name with another or no IIN/BIN. */
export type DuplicateMatch = 'self' | 'idNumber' | 'name'

/** An appeal under one spelling, with what a merge names it by. */
export interface DuplicateAppeal {
  id: number
  regNumber: string
  registeredOn: IsoDate
  version: number
}

/** One spelling of the applicant (name parts and IIN/BIN exactly as stored) and its appeals, latest first. */
export interface ApplicantVariant {
  kind: 'individual' | 'organisation'
  /** "Surname Name Patronymic", or the organisation's name. */
  name: string
  /** Masked, as every card shows it. */
  idNumber: string | null
  match: DuplicateMatch
  appeals: DuplicateAppeal[]
}

/**
 * The applicant's spellings on record: the appeal's own first, then the others, latest first.
 * Only the first means nothing to merge.
 */
export interface ApplicantDuplicates {
  variants: ApplicantVariant[]
}

export interface MergeResult {
  /** The appeals whose applicant changed (each a version higher); the others already read so. */
  changed: number[]
}
