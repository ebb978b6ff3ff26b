import { describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import {
  DEFAULT_SORT,
  hasFilters,
  NO_FILTERS,
  toListQuery,
  type AppealListFilters,
} from '../../../src/renderer/src/components/appeals/list/listQuery'

const everything: AppealListFilters = {
  query: '  Қарасу  ',
  from: '2026-01-01',
  to: '2026-03-31',
  sectorIds: [1, 2],
  statuses: ['in_progress'],
  channels: ['e_otinish'],
  appealTypes: ['complaint'],
  localityIds: [5],
  executorIds: [9],
  overdue: true,
  dueThisWeek: true,
}

describe('hasFilters', () => {
  it('is false for the empty filter bar', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false)
    expect(hasFilters({ ...NO_FILTERS, sectorIds: [] })).toBe(false)
  })

  it('is true as soon as one filter is set', () => {
    expect(hasFilters({ ...NO_FILTERS, query: 'a' })).toBe(true)
    expect(hasFilters({ ...NO_FILTERS, from: '2026-01-01' })).toBe(true)
    expect(hasFilters({ ...NO_FILTERS, statuses: ['registered'] })).toBe(true)
    expect(hasFilters({ ...NO_FILTERS, overdue: true })).toBe(true)
    expect(hasFilters(everything)).toBe(true)
  })
})

describe('toListQuery', () => {
  it('asks for nothing but the sort when nothing is filtered', () => {
    const query = toListQuery(NO_FILTERS, DEFAULT_SORT)
    expect(query).toEqual({ from: null, to: null, sort: 'receivedAt', order: 'desc' })
    expect(Object.entries(query).filter(([, value]) => value !== undefined && value !== null)).toEqual([
      ['sort', 'receivedAt'],
      ['order', 'desc'],
    ])
  })

  it('leaves out a blank search and empty lists', () => {
    const query = toListQuery({ ...NO_FILTERS, query: '   ', sectorIds: [] }, DEFAULT_SORT)
    expect(query.query).toBeUndefined()
    expect(query.sectorIds).toBeUndefined()
  })

  it('sends every filter set, the search trimmed', () => {
    expect(toListQuery(everything, { sort: 'dueOn', order: 'asc' })).toEqual({
      query: 'Қарасу',
      from: '2026-01-01',
      to: '2026-03-31',
      sectorIds: [1, 2],
      statuses: ['in_progress'],
      channels: ['e_otinish'],
      appealTypes: ['complaint'],
      localityIds: [5],
      executorIds: [9],
      overdue: true,
      dueThisWeek: true,
      sort: 'dueOn',
      order: 'asc',
    })
  })

  it('builds requests the API accepts, with and without filters', () => {
    const schema = contract['appeals.list'].input
    expect(schema.safeParse({ ...toListQuery(NO_FILTERS, DEFAULT_SORT), offset: 0, limit: 100 }).success).toBe(true)
    expect(schema.safeParse({ ...toListQuery(everything, DEFAULT_SORT), offset: 100, limit: 100 }).success).toBe(true)
  })
})
