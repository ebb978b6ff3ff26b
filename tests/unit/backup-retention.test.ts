import { describe, expect, it } from 'vitest'
import { backupsToKeep, isoWeek } from '../../src/main/backup/retention'
import { backupFileName, parseBackupFileName } from '../../src/main/backup/names'

const daily = (from: string, days: number) =>
  Array.from({ length: days }, (_, i) => {
    const d = new Date(`${from}T06:00:00Z`)
    d.setUTCDate(d.getUTCDate() + i)
    return { name: d.toISOString(), at: d.toISOString() }
  })

describe('backup retention (7 daily, 4 weekly, 12 monthly)', () => {
  it('keeps everything while there are fewer than 7 days of backups', () => {
    const backups = daily('2026-11-20', 5)
    expect(backupsToKeep(backups).size).toBe(5)
  })

  it('after a year of daily backups keeps the last 7 days, the newest of 4 weeks and of 12 months', () => {
    const backups = daily('2025-11-28', 365) // up to 2026-11-27
    const kept = [...backupsToKeep(backups)].map((b) => b.at.slice(0, 10)).sort()
    // last 7 days
    for (const day of [
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]) {
      expect(kept).toContain(day)
    }
    // newest of earlier weeks (Sundays) and of earlier months (last days of the month)
    expect(kept).toContain('2026-11-15')
    expect(kept).toContain('2026-11-08')
    expect(kept).toContain('2026-10-31')
    expect(kept).toContain('2026-01-31')
    expect(kept).toContain('2025-12-31')
    expect(kept).not.toContain('2026-11-10')
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12)
  })

  it('numbers ISO weeks across year ends', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01')
    expect(isoWeek('2025-12-29')).toBe('2026-W01')
    expect(isoWeek('2027-01-01')).toBe('2026-W53')
    expect(isoWeek('2026-11-27')).toBe('2026-W48')
  })

  it('names backup files by kind and UTC time, and reads them back', () => {
    const name = backupFileName('auto', new Date('2026-11-27T09:30:05.123Z'))
    expect(name).toBe('akimat-auto-2026-11-27T09-30-05Z.sqlite')
    expect(parseBackupFileName(name)).toEqual({ kind: 'auto', at: '2026-11-27T09:30:05.000Z' })
    expect(parseBackupFileName('akimat.sqlite')).toBeNull()
  })
})
