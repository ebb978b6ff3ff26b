import { z } from 'zod'
import type { IsoDate } from '../../domain/dates'
import type { MeasureState } from '../../domain/measure'
import { entityId, isoDate, optionalId, optionalIsoDate, optionalText, recordVersion, requiredText } from '../fields'

/**
 * The measures promised at a report meeting (DESIGN: "the measures promised with a responsible
 * body and a deadline, and whether they were done"): what was promised, who answers for it,
 * by when, the question it answers (one of the meeting's appeals, or none), and when it was
 * done and how.
 */
const measureFields = {
  text: requiredText(2000),
  responsible: requiredText(300),
  dueOn: isoDate,
  appealId: optionalId,
}

/** The measures answering one question (shown on its appeal card). */
export const listMeasuresInput = z.object({ appealId: entityId }).strict()

export const createMeasureInput = z.object({ meetingId: entityId, ...measureFields }).strict()

/** Also how a measure is marked done (doneOn set, with what was done) or reopened (doneOn null). */
export const updateMeasureInput = z
  .object({
    id: entityId,
    version: recordVersion,
    ...measureFields,
    doneOn: optionalIsoDate,
    doneNote: optionalText(2000),
  })
  .strict()

export interface MeetingMeasure {
  id: number
  /** What an edit or a delete names: see fields.ts recordVersion. */
  version: number
  meetingId: number
  text: string
  responsible: string
  dueOn: IsoDate
  appealId: number | null
  /** The question's registration number, for showing and linking. */
  appealRegNumber: string | null
  doneOn: IsoDate | null
  doneNote: string | null
  /** Judged against today in the office (see domain/measure.ts). */
  state: MeasureState
}

/** How far a set of measures has got: what the meetings list and the press summary show. */
/** A measure removed: the version it was seen at, so a measure changed meanwhile is not removed unseen. */
export const deleteMeasureInput = z.object({ id: entityId, version: recordVersion }).strict()

export interface MeasureCounts {
  total: number
  done: number
  overdue: number
}
