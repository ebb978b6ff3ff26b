import { describe, expect, it } from 'vitest'
import type { RecoveryBackup } from '@shared/api/contract'
import { suggestedBackup } from '../../../src/renderer/src/lib/suggestedBackup'

function backup(name: string, appeals: number, meetings: number, ok = true): RecoveryBackup {
  return {
    name,
    report: {
      ok,
      problem: ok ? null : 'corrupt',
      schemaVersion: 14,
      counts: { appeals, meetings, sectors: 8, staff: 1 },
      appealsFrom: null,
      appealsTo: null,
      lastChangeAt: null,
      sizeBytes: 1000,
    },
  } as RecoveryBackup
}

describe('suggestedBackup', () => {
  it('passes over a newer copy that opens but holds no appeal or meeting', () => {
    const list = [backup('empty-today', 0, 0), backup('yesterday', 120, 4), backup('older', 100, 3)]
    expect(suggestedBackup(list)?.name).toBe('yesterday')
  })

  it('passes over copies that do not open', () => {
    const list = [backup('broken', 130, 5, false), backup('yesterday', 120, 4)]
    expect(suggestedBackup(list)?.name).toBe('yesterday')
  })

  it('counts a copy with meetings only as holding work', () => {
    expect(suggestedBackup([backup('empty', 0, 0), backup('meetings', 0, 2)])?.name).toBe('meetings')
  })

  it('offers the newest readable copy when none holds any work, and nothing when none opens', () => {
    expect(suggestedBackup([backup('a', 0, 0, false), backup('b', 0, 0), backup('c', 0, 0)])?.name).toBe('b')
    expect(suggestedBackup([backup('a', 5, 0, false)])).toBeUndefined()
  })
})
