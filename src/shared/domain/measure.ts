import type { IsoDate } from './dates'

/**
 * Where a promised measure stands: done by its deadline, done after it, not done and still
 * within it, or not done and past it. Dates compare as 'YYYY-MM-DD' text; the deadline day
 * itself still counts as in time.
 */
export const MEASURE_STATES = ['done', 'done_late', 'open', 'overdue'] as const
export type MeasureState = (typeof MEASURE_STATES)[number]

export function measureState(measure: { dueOn: IsoDate; doneOn: IsoDate | null }, today: IsoDate): MeasureState {
  if (measure.doneOn) return measure.doneOn > measure.dueOn ? 'done_late' : 'done'
  return today > measure.dueOn ? 'overdue' : 'open'
}

export const isDone = (state: MeasureState): boolean => state === 'done' || state === 'done_late'

/** How far a set of measures has got: how many, how many done (in time or late), how many overdue. */
export function countMeasures(measures: readonly { state: MeasureState }[]): {
  total: number
  done: number
  overdue: number
} {
  return {
    total: measures.length,
    done: measures.filter((m) => isDone(m.state)).length,
    overdue: measures.filter((m) => m.state === 'overdue').length,
  }
}
