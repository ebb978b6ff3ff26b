import { describe, expect, it } from 'vitest'
import { FOLDED_SEARCH } from '../../../src/renderer/src/lib/foldedSearch'

const matches = (typed: string, label: string) => FOLDED_SEARCH.filterOption(typed, { value: 1, label })

describe('FOLDED_SEARCH', () => {
  it('finds a Kazakh name typed without Kazakh letters, in any case', () => {
    expect(matches('турғын', 'Тұрғын үй')).toBe(true)
    expect(matches('турын уй', 'Тұрғын үй')).toBe(false)
    expect(matches('ТУРГЫН', 'Тұрғын үй')).toBe(true)
    expect(matches('  білім ', 'Білім беру')).toBe(true)
  })

  it('finds nothing that is not there', () => {
    expect(matches('жол', 'Тұрғын үй')).toBe(false)
    expect(matches('x', '')).toBe(false)
  })

  it('matches every option on an empty search', () => {
    expect(matches('', 'Тұрғын үй')).toBe(true)
    expect(FOLDED_SEARCH.filterOption('', undefined)).toBe(true)
  })
})
