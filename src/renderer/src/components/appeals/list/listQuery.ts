import type { ApiInput } from '@shared/api/contract'
import type { AppealChannel, AppealStatus, AppealType } from '@shared/domain/appeal'
import type { IsoDate } from '@shared/domain/dates'

/** What the clerk chose in the filter bar. Empty lists and false toggles filter nothing. */
export interface AppealListFilters {
  query: string
  /** Registration date range, inclusive. */
  from: IsoDate | null
  to: IsoDate | null
  sectorIds: number[]
  statuses: AppealStatus[]
  channels: AppealChannel[]
  appealTypes: AppealType[]
  localityIds: number[]
  executorIds: number[]
  overdue: boolean
  dueThisWeek: boolean
  /** Entries annulled as made by mistake: hidden unless asked for (absent in older saved filters). */
  annulled?: 'include' | 'only'
  /** Open appeals due today or tomorrow: what the dashboard's "My tasks" opens (absent in older saved filters). */
  due?: NonNullable<ApiInput<'appeals.list'>['due']>
  /** Extension notices and redirects by their stored due dates (absent in older saved filters). */
  notice?: NonNullable<ApiInput<'appeals.list'>['notice']>
  redirect?: NonNullable<ApiInput<'appeals.list'>['redirect']>
}

export interface AppealListSort {
  sort: NonNullable<ApiInput<'appeals.list'>['sort']>
  order: 'asc' | 'desc'
}

/** appeals.list without its paging: what identifies one result set. */
export type AppealListQuery = Omit<ApiInput<'appeals.list'>, 'offset' | 'limit'>

export const NO_FILTERS: AppealListFilters = {
  query: '',
  from: null,
  to: null,
  sectorIds: [],
  statuses: [],
  channels: [],
  appealTypes: [],
  localityIds: [],
  executorIds: [],
  overdue: false,
  dueThisWeek: false,
}

/** Where the register keeps its filters and sort for this tab (see useSessionState). */
export const FILTERS_KEY = 'akimat-desk.appeals.filters'
export const SORT_KEY = 'akimat-desk.appeals.sort'

/**
 * The register's address with these filters in place of the clerk's own: what a dashboard
 * figure opens. The list page reads its filters when it mounts, so they are stored first.
 */
export function openFilteredList(filters: Partial<AppealListFilters>): void {
  sessionStorage.setItem(FILTERS_KEY, JSON.stringify({ ...NO_FILTERS, ...filters }))
  window.location.hash = '#/appeals'
}

/** Newest first: the clerk's register reads from today backwards. */
export const DEFAULT_SORT: AppealListSort = { sort: 'receivedAt', order: 'desc' }

export function hasFilters(filters: AppealListFilters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(NO_FILTERS)
}

/** The list request for these filters, leaving out what filters nothing. */
export function toListQuery(filters: AppealListFilters, sort: AppealListSort): AppealListQuery {
  const list = <T>(values: T[]) => (values.length > 0 ? values : undefined)
  return {
    query: filters.query.trim() || undefined,
    from: filters.from,
    to: filters.to,
    sectorIds: list(filters.sectorIds),
    statuses: list(filters.statuses),
    channels: list(filters.channels),
    appealTypes: list(filters.appealTypes),
    localityIds: list(filters.localityIds),
    executorIds: list(filters.executorIds),
    overdue: filters.overdue || undefined,
    dueThisWeek: filters.dueThisWeek || undefined,
    due: filters.due,
    annulled: filters.annulled,
    notice: filters.notice,
    redirect: filters.redirect,
    ...sort,
  }
}
