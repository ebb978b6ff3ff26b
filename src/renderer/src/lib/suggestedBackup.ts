import type { RecoveryBackup } from '@shared/api/contract'

/**
 * The copy the recovery page offers first (listed newest first): the newest one that opens and
 * holds the office's work. A copy of a database that had just been started empty (the daily
 * backup of a fresh start, say) opens fine but would bring back nothing; it is offered first
 * only when no copy holds any appeal or meeting.
 */
export function suggestedBackup(backups: readonly RecoveryBackup[]): RecoveryBackup | undefined {
  const usable = backups.filter((b) => b.report.ok)
  return usable.find((b) => b.report.counts.appeals + b.report.counts.meetings > 0) ?? usable[0]
}
