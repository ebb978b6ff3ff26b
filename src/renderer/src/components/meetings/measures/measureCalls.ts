import type { ApiInput, MeetingMeasure } from '@shared/api/contract'

/**
 * An update carries every field of a measure (the API has no partial update), so a dialog
 * that changes only some of them starts from the measure as it is, at the version it was read.
 */
export function asItIs(measure: MeetingMeasure): ApiInput<'measures.update'> {
  const { id, version, text, responsible, dueOn, appealId, doneOn, doneNote } = measure
  return { id, version, text, responsible, dueOn, appealId, doneOn, doneNote }
}
