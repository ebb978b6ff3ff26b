import type { ImportProgress } from '@shared/api/contract'

/**
 * Where a running commit reports how far it got, read by `import.progress`. In memory only:
 * progress means nothing after a restart. That method touches no database, so the dispatcher
 * answers it at once even while the import holds the queue (see QUEUE_FREE in dispatcher.ts);
 * the commit yields to the event loop between chunks so that the answer can be sent.
 */
export class ImportProgressTracker {
  private readonly entries = new Map<string, ImportProgress>()

  set(importId: string | null, phase: ImportProgress['phase'], done = 0, total = 0): void {
    if (importId === null) return
    this.entries.delete(importId)
    this.entries.set(importId, { importId, phase, done, total })
    // keep only the latest few: ids come from callers
    while (this.entries.size > 20) this.entries.delete(this.entries.keys().next().value!)
  }

  get(importId: string): ImportProgress {
    return this.entries.get(importId) ?? { importId, phase: 'unknown', done: 0, total: 0 }
  }
}
