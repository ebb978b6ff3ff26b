import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  discardUnsavedWork,
  hasUnsavedWork,
  leavingLosesWork,
  reloadWouldLoseWork,
  setUnsaved,
  valuesDiffer,
  whileSaving,
} from '../../../src/renderer/src/lib/unsavedWork'

describe('valuesDiffer', () => {
  const start = { summary: '', sectorId: null, applicant: { surname: '', iin: '' }, tags: ['a'] }

  it('finds no change in a form as it started, nor in a field typed into and emptied again', () => {
    expect(valuesDiffer(start, structuredClone(start))).toBe(false)
    expect(valuesDiffer(start, { ...start, summary: undefined, sectorId: '' })).toBe(false)
  })

  it('finds a change in a nested field, a list, or a field the start did not name', () => {
    expect(valuesDiffer(start, { ...start, applicant: { surname: 'Оспанова', iin: '' } })).toBe(true)
    expect(valuesDiffer(start, { ...start, tags: ['a', 'b'] })).toBe(true)
    expect(valuesDiffer(start, { ...start, repeat: 'x' })).toBe(true)
    expect(valuesDiffer(start, { ...start, repeat: '' })).toBe(false)
  })
})

describe('the unsaved work list', () => {
  const draft = Symbol('draft')
  const dialog = Symbol('dialog')
  const changed = () => true
  afterEach(() => {
    setUnsaved(draft, null)
    setUnsaved(dialog, null)
  })

  it('asks before leaving only while something is unsaved and no save is on its way', async () => {
    vi.stubGlobal('window', { location: { hash: '#/appeals/new' } })
    expect(leavingLosesWork()).toBe(false)
    setUnsaved(dialog, { changed })
    expect(leavingLosesWork()).toBe(true)
    let during = true
    await whileSaving(async () => {
      during = leavingLosesWork()
    })
    expect(during).toBe(false)
    expect(leavingLosesWork()).toBe(true)
    setUnsaved(dialog, null)
    expect(hasUnsavedWork()).toBe(false)
  })

  it('lets the address a saving page moves to through, once, after the save has ended', async () => {
    const location = { hash: '#/appeals/7/edit' }
    vi.stubGlobal('window', { location })
    setUnsaved(dialog, { changed })
    await whileSaving(async () => {
      location.hash = '#/appeals/7'
    })
    expect(leavingLosesWork('#/appeals/7')).toBe(false)
    expect(leavingLosesWork('#/appeals/7')).toBe(true)
    expect(leavingLosesWork('#/dashboard')).toBe(true)
  })

  it('lets a reload through when all the work is kept as a draft', () => {
    setUnsaved(draft, { changed, survivesReload: true })
    expect(reloadWouldLoseWork()).toBe(false)
    setUnsaved(dialog, { changed })
    expect(reloadWouldLoseWork()).toBe(true)
  })

  it('asks each form at the moment of leaving, not when it last rendered', () => {
    let typed = false
    setUnsaved(dialog, { changed: () => typed })
    expect(leavingLosesWork('#/dashboard')).toBe(false)
    // a key pressed a moment ago: the form's store has it before any re-render
    typed = true
    expect(leavingLosesWork('#/dashboard')).toBe(true)
    expect(reloadWouldLoseWork()).toBe(true)
  })

  it('runs the discard of each changed form once when the user drops the work, and lets the chosen address through once', () => {
    const dropped: string[] = []
    setUnsaved(draft, { changed, discard: () => dropped.push('draft') })
    setUnsaved(dialog, { changed: () => false, discard: () => dropped.push('untouched') })
    discardUnsavedWork('#/dashboard')
    expect(dropped).toEqual(['draft'])
    expect(leavingLosesWork('#/dashboard')).toBe(false)
    // the form still on screen still holds its changes: the next leaving asks again
    expect(leavingLosesWork('#/dashboard')).toBe(true)
  })
})
