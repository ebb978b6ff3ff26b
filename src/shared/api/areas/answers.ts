import { z } from 'zod'
import { ANSWER_DELIVERIES, LETTER_LANGUAGES, type AnswerDelivery, type LetterLanguage } from '../../domain/answer'
import type { IsoDate } from '../../domain/dates'
import { entityId, optionalId, optionalIsoDate, optionalText, recordVersion, requiredText } from '../fields'

// The answer's details as an office's outgoing register keeps them, and the answer letter.

/**
 * The letter's own number in the office's outgoing register and its date, who signed it, and how
 * it went to the applicant. Each may be given later than the answer (the outgoing number is
 * often assigned after the decision), so none is required; a number goes with its date. The
 * signatory is a staff member (their position then comes from the staff list in the letter's
 * language) or, when the signer is not on this office's staff (the district akim, a deputy
 * signing in the akim's absence), a name typed as it is to appear.
 */
export const answerDetailsFields = {
  outgoingNumber: optionalText(64),
  outgoingOn: optionalIsoDate,
  signatoryId: optionalId,
  signatoryName: optionalText(200),
  delivery: z
    .enum(ANSWER_DELIVERIES, { error: 'validation.invalidOption' })
    .nullish()
    .transform((v) => v ?? null),
}

export interface AnswerDetailsValues {
  outgoingNumber: string | null
  outgoingOn: string | null
  signatoryId: number | null
  signatoryName: string | null
}

/** Checks between the fields; the dates against registration and today are the service's (office clock). */
export function checkAnswerDetails(value: AnswerDetailsValues, ctx: z.RefinementCtx): void {
  if (value.outgoingNumber !== null && value.outgoingOn === null)
    ctx.addIssue({ code: 'custom', path: ['outgoingOn'], message: 'validation.required' })
  if (value.outgoingOn !== null && value.outgoingNumber === null)
    ctx.addIssue({ code: 'custom', path: ['outgoingNumber'], message: 'validation.required' })
  if (value.signatoryId !== null && value.signatoryName !== null)
    ctx.addIssue({ code: 'custom', path: ['signatoryName'], message: 'validation.signatoryEither' })
}

/** The details of an answered appeal, edited on its card (the number arrives later, a typo is put right). */
export const updateAnswerInput = z
  .object({ id: entityId, version: recordVersion, ...answerDetailsFields })
  .strict()
  .superRefine(checkAnswerDetails)

/** The answer letter's draft in a language: prefilled from the appeal, edited by the clerk before the PDF. */
export const answerLetterDraftInput = z
  .object({ id: entityId, lang: z.enum(LETTER_LANGUAGES, { error: 'validation.invalidOption' }) })
  .strict()

/** The texts the clerk may change before the letter is drawn: the addressee, the body, the signature. */
const letterTexts = {
  addressee: requiredText(300),
  address: optionalText(300),
  decision: requiredText(8000),
  reasons: requiredText(8000),
  appealRoute: requiredText(2000),
  signatory: requiredText(200),
  signatoryPosition: optionalText(300),
}

export const answerLetterInput = z
  .object({
    id: entityId,
    lang: z.enum(LETTER_LANGUAGES, { error: 'validation.invalidOption' }),
    ...letterTexts,
  })
  .strict()

// ---------------------------------------------------------------- outputs

/** On the card of an answered appeal; null fields: not recorded (answers from before they were kept show "—"). */
export interface AnswerDetails {
  outgoingNumber: string | null
  outgoingOn: IsoDate | null
  /** A staff member's id, or null when the signer was typed (signatoryName) or not recorded. */
  signatoryId: number | null
  /** The staff member's name, or the name typed. */
  signatoryName: string | null
  delivery: AnswerDelivery | null
}

/**
 * What the letter will say, as the office's template and the appeal give it. The letterhead
 * and the outgoing number and date come from the record and are not edited here; the rest is.
 */
export interface AnswerLetterDraft {
  id: number
  lang: LetterLanguage
  regNumber: string
  officeName: string
  officeAddress: string
  outgoingNumber: string | null
  outgoingOn: IsoDate | null
  addressee: string
  address: string | null
  decision: string
  reasons: string
  appealRoute: string
  signatory: string
  signatoryPosition: string | null
}

export interface AnswerLetter {
  fileName: string
  /** The PDF, base64-encoded (both doors carry JSON). */
  base64: string
}
