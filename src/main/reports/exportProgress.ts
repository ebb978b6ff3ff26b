import type { ExportProgress } from '@shared/api/contract'

/**
 * Where a long file's writing reports how far it got (the register's PDF: rows drawn of all),
 * read by `reports.progress`. In memory only; that method touches no database, so the
 * dispatcher answers it while the export holds the queue (QUEUE_FREE_METHODS). The writer runs
 * in the report worker, whose progress messages arrive here while this thread waits for it.
 */
export class ExportProgressTracker {
  private readonly entries = new Map<string, ExportProgress>()

  set(exportId: string, done: number, total: number): void {
    this.entries.delete(exportId)
    this.entries.set(exportId, { exportId, done, total })
    // keep only the latest few: ids come from callers
    while (this.entries.size > 20) this.entries.delete(this.entries.keys().next().value!)
  }

  get(exportId: string): ExportProgress {
    return this.entries.get(exportId) ?? { exportId, done: 0, total: 0 }
  }
}
