import type { ApiParsedInput, AppealPage, AppealSummary, MyTasks } from '@shared/api/contract'
import { OPEN_STATUSES } from '@shared/domain/appeal'
import type { ReadDay } from './mapping'
import type { AppealQueries } from './queries'
import { taskDay } from './taskDays'

type ListFilters = ApiParsedInput<'appeals.list'>
type TaskFilters = Pick<ListFilters, 'overdue' | 'due' | 'statuses'>

/** The rows a task group carries for the dashboard's panel; its count is the whole group's. */
const GROUP_ROWS = 20

/** One executor's appeals, soonest deadline first: the list's own filters, so a group and the list it opens agree. */
function ofExecutor(executorId: number, filters: TaskFilters, limit: number, offset = 0): ListFilters {
  return { from: null, to: null, executorIds: [executorId], sort: 'dueOn', order: 'asc', offset, limit, ...filters }
}

const NO_PAGE: AppealPage = { rows: [], total: 0 }

/** The executor's open appeals past their deadline, due today and due tomorrow (see MyTasks). */
export async function myTasks(queries: AppealQueries, on: ReadDay, executorId: number | null): Promise<MyTasks> {
  const days = { today: on.today, tomorrow: taskDay(on.today, 'tomorrow') }
  if (executorId === null) return { executorId, ...days, overdue: NO_PAGE, dueToday: NO_PAGE, dueTomorrow: NO_PAGE }
  const group = (filters: TaskFilters) => queries.list(ofExecutor(executorId, filters, GROUP_ROWS), on)
  return {
    executorId,
    ...days,
    overdue: await group({ overdue: true }),
    dueToday: await group({ due: 'today' }),
    dueTomorrow: await group({ due: 'tomorrow' }),
  }
}

/** Every open appeal of one executor, soonest deadline first, read a page at a time (the task sheet). */
export async function openAppealsOf(queries: AppealQueries, on: ReadDay, executorId: number): Promise<AppealSummary[]> {
  const rows: AppealSummary[] = []
  for (;;) {
    const page = await queries.list(ofExecutor(executorId, { statuses: [...OPEN_STATUSES] }, 500, rows.length), on)
    rows.push(...page.rows)
    if (page.rows.length === 0 || rows.length >= page.total) return rows
  }
}
