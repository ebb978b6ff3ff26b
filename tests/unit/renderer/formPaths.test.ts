import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { changedPaths } from '../../../src/renderer/src/lib/formPaths'

describe('changedPaths', () => {
  it('names a top-level field', () => {
    expect(changedPaths({ summary: 'Жол' })).toEqual([['summary']])
    expect(changedPaths({ sectorId: null })).toEqual([['sectorId']])
  })

  it('follows nested field groups to each field', () => {
    expect(changedPaths({ applicant: { iin: '9', phone: '' } })).toEqual([
      ['applicant', 'iin'],
      ['applicant', 'phone'],
    ])
    expect(changedPaths({ a: { b: { c: 1 } } })).toEqual([['a', 'b', 'c']])
  })

  it("treats a date picker's value and a list as one field", () => {
    expect(changedPaths({ heldOn: dayjs('2026-03-10') })).toEqual([['heldOn']])
    expect(changedPaths({ sectorIds: [1, 2] })).toEqual([['sectorIds']])
  })

  it('finds nothing in nothing', () => {
    expect(changedPaths({})).toEqual([])
    expect(changedPaths({ applicant: {} })).toEqual([])
  })
})
