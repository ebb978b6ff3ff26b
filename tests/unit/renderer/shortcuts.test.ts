import { describe, expect, it } from 'vitest'
import { isNewAppealKey, type KeyPress } from '../../../src/renderer/src/lib/shortcuts'

const press = (key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
})

describe('isNewAppealKey', () => {
  it('is F2, Alt+N and Ctrl+N (⌘N), told by the key place so a Cyrillic layout works', () => {
    expect(isNewAppealKey(press('F2', 'F2'))).toBe(true)
    expect(isNewAppealKey(press('n', 'KeyN', { altKey: true }))).toBe(true)
    expect(isNewAppealKey(press('т', 'KeyN', { ctrlKey: true }))).toBe(true)
    expect(isNewAppealKey(press('n', 'KeyN', { metaKey: true }))).toBe(true)
  })

  it('leaves typing and other chords alone', () => {
    expect(isNewAppealKey(press('т', 'KeyN'))).toBe(false)
    expect(isNewAppealKey(press('N', 'KeyN', { ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(isNewAppealKey(press('n', 'KeyN', { ctrlKey: true, altKey: true }))).toBe(false)
    expect(isNewAppealKey(press('F2', 'F2', { shiftKey: true }))).toBe(false)
  })
})
