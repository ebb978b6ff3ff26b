import { describe, expect, it } from 'vitest'
import { forgetDrafts, userDraft } from '../../../src/renderer/src/lib/userDrafts'

/** sessionStorage as the page has it, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  }
}

describe('userDraft', () => {
  it("keeps each user's draft apart and gives it back", () => {
    const storage = memoryStorage()
    const mine = userDraft<{ iin: string }>('new-appeal', 1, storage)
    const theirs = userDraft<{ iin: string }>('new-appeal', 2, storage)
    mine.save({ iin: '900515301234' })
    expect(mine.read()).toEqual({ iin: '900515301234' })
    expect(theirs.read()).toBeNull()
    mine.clear()
    expect(mine.read()).toBeNull()
  })

  it('forgets every draft on sign-out and leaves the other keys of the tab', () => {
    const storage = memoryStorage()
    storage.setItem('akimat-desk-token', 'token')
    userDraft('new-appeal', 1, storage).save({ iin: '900515301234' })
    userDraft('new-appeal', 2, storage).save({ iin: '850101400123' })
    forgetDrafts(storage)
    expect(storage.length).toBe(1)
    expect(storage.getItem('akimat-desk-token')).toBe('token')
  })

  it('reads a damaged draft as none', () => {
    const storage = memoryStorage()
    storage.setItem('akimat-desk.draft.new-appeal.1', '{not json')
    expect(userDraft('new-appeal', 1, storage).read()).toBeNull()
  })
})
