import type { TaskDay } from '@shared/api/contract'
import { addDays, type IsoDate } from '@shared/domain/dates'

/**
 * The day a task group names: today, or the next calendar day. Not the next working day: a
 * deadline never falls on a day off (the statutory rules move it to the next working day), so
 * on a Friday "tomorrow" is an empty Saturday and Monday's deadlines show as "today" on Monday.
 */
export function taskDay(today: IsoDate, day: TaskDay): IsoDate {
  return day === 'today' ? today : addDays(today, 1)
}
