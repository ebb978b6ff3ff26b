import type { ApiParsedInput, AppealSummary } from '@shared/api/contract'
import type { ReadDay, SummaryRaw } from './mapping'
import { summaryFromRaw } from './mapping'
import type { AppealQueries } from './queries'

/** The list's filters and sort without its paging: what one list shows, every row of it. */
export type ListFilters = Omit<ApiParsedInput<'appeals.list'>, 'offset' | 'limit'>

/** Every row of a list, counted first, then read a page at a time while a file is written. */
export interface ListedAppeals {
  total: number
  pages: AsyncGenerator<AppealSummary[]>
}

/**
 * Rows read per statement: a page lives in the writer's thread while it is written, and small
 * pages die young there (see the register's PAGE_SIZE).
 */
const PAGE_SIZE = 250

/**
 * Every row a list shows for these filters, in the list's order: the very statements of
 * AppealQueries.list (its count and its page, the page's offset moving on), so the printed list
 * holds what the screen would show after scrolling to its end. The pages are read only when
 * asked for, after the count has been checked against the export's limit.
 */
export async function listAll(
  queries: AppealQueries,
  filters: ListFilters,
  on: ReadDay,
  personal: boolean,
): Promise<ListedAppeals> {
  const first = { ...filters, offset: 0, limit: PAGE_SIZE }
  const { count } = queries.listQueries(first, on.today, null, personal)
  const total = Number((await count.getRawOne<{ n: number }>())?.n ?? 0)

  async function* pages(): AsyncGenerator<AppealSummary[]> {
    for (let offset = 0; offset < total; offset += PAGE_SIZE) {
      const { page } = queries.listQueries({ ...first, offset }, on.today, null, personal)
      const raws = await page.getRawMany<SummaryRaw>()
      if (raws.length === 0) return
      yield raws.map((raw) => summaryFromRaw(raw, on))
    }
  }
  return { total, pages: pages() }
}
