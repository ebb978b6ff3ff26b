import type { ApiInput, MeetingMeasure } from '@shared/api/contract'
import { ApiCallError } from '../../../api/client'
import { formatDate } from '../../appeals/dates'

/**
 * An update carries every field of a measure (the API has no partial update), so a dialog
 * that changes only some of them starts from the measure as it is.
 */
export function asItIs(measure: MeetingMeasure): ApiInput<'measures.update'> {
  const { id, text, responsible, dueOn, appealId, doneOn, doneNote } = measure
  return { id, text, responsible, dueOn, appealId, doneOn, doneNote }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * The API names dates in its messages as it stores them ('2026-03-10': "not before the meeting
 * (…)"); the clerk reads and types them as 10.03.2026, so the message should say that too.
 */
export function withDisplayDates(error: unknown): unknown {
  if (!(error instanceof ApiCallError)) return error
  const issues = error.error.issues.map((issue) =>
    issue.params
      ? {
          ...issue,
          params: Object.fromEntries(
            Object.entries(issue.params).map(([key, value]) => [key, typeof value === 'string' && ISO_DATE.test(value) ? formatDate(value) : value]),
          ),
        }
      : issue,
  )
  return new ApiCallError({ ...error.error, issues })
}

/** Waits for a measure call; a refusal comes back with its dates as the clerk writes them. */
export async function measureCall<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending
  } catch (error) {
    throw withDisplayDates(error)
  }
}
