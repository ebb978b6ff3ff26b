import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppealSummary } from '@shared/api/contract'
import { call } from '../../../api/client'
import type { AppealListQuery } from './listQuery'

/** Rows fetched per request: a few screens of the register. */
export const PAGE_SIZE = 100
/** The most rows a refresh reads again (the API's page limit); further rows come back as the clerk scrolls. */
const MAX_REFRESH = 500

interface Loaded {
  rows: AppealSummary[]
  total: number
}

const NOTHING: Loaded = { rows: [], total: 0 }

/**
 * Appends a page. Rows are paged by offset, so an appeal registered meanwhile by a colleague
 * shifts the next page by one and repeats a row already shown: it is dropped, not shown twice.
 */
function append(before: AppealSummary[], page: AppealSummary[]): AppealSummary[] {
  const shown = new Set(before.map((row) => row.id))
  return [...before, ...page.filter((row) => !shown.has(row.id))]
}

/**
 * The register as the clerk scrolls it: the first page of a query, then one more page each
 * time `loadMore` is called (the table calls it near the bottom). Never loads everything.
 * A new query starts over; an answer for an older query is dropped when it arrives late.
 */
export function useAppealPages(query: AppealListQuery) {
  const key = JSON.stringify(query)
  const [loaded, setLoaded] = useState<Loaded>(NOTHING)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<unknown>(null)
  // Read by scroll handlers between renders, so kept in refs and updated as answers arrive:
  // which query the rows belong to, what is loaded, and whether a page is on its way.
  const generation = useRef(0)
  const current = useRef<Loaded>(NOTHING)
  const busy = useRef(false)

  const fetchPage = useCallback(async (requestKey: string, offset: number, mine: number) => {
    busy.current = true
    setLoading(true)
    setError(null)
    try {
      const page = await call('appeals.list', {
        ...(JSON.parse(requestKey) as AppealListQuery),
        offset,
        limit: PAGE_SIZE,
      })
      if (generation.current !== mine) return
      current.current = { rows: offset === 0 ? page.rows : append(current.current.rows, page.rows), total: page.total }
      setLoaded(current.current)
    } catch (failure) {
      if (generation.current === mine) setError(failure)
    } finally {
      if (generation.current === mine) {
        busy.current = false
        setLoading(false)
      }
    }
  }, [])

  const reload = useCallback(() => {
    generation.current += 1
    current.current = NOTHING
    setLoaded(NOTHING)
    void fetchPage(key, 0, generation.current)
  }, [key, fetchPage])

  useEffect(reload, [reload])

  /**
   * Reads the rows already shown again, in one request, and puts them in place without
   * emptying the table first (another desk saved something): the scroll position stays, new
   * rows appear where the sort puts them. A new query started meanwhile drops the answer.
   */
  const refresh = useCallback(() => {
    if (busy.current) return
    const mine = generation.current
    const shown = Math.min(MAX_REFRESH, Math.max(PAGE_SIZE, current.current.rows.length))
    void call('appeals.list', { ...(JSON.parse(key) as AppealListQuery), offset: 0, limit: shown }).then(
      (page) => {
        if (generation.current !== mine || busy.current) return
        current.current = { rows: page.rows, total: page.total }
        setLoaded(current.current)
      },
      () => undefined, // the next change tries again
    )
  }, [key])

  const loadMore = useCallback(() => {
    const { rows, total } = current.current
    if (busy.current || rows.length >= total) return
    void fetchPage(key, rows.length, generation.current)
  }, [key, fetchPage])

  return { ...loaded, loading, error, loadMore, reload, refresh }
}
