import { z } from 'zod'
import { requiredText } from '../fields'

export const createBackupInput = z
  .object({
    folder: z
      .string()
      .trim()
      .max(1000)
      .nullish()
      .transform((v) => v || null),
  })
  .strict()
export const backupFileInput = z.object({ file: requiredText(1000) }).strict()

export interface BackupInfo {
  file: string
  kind: 'auto' | 'manual' | 'pre-migration' | 'before-restore'
  at: string
  sizeBytes: number
}

export interface BackupStatus {
  /** Where automatic backups go. */
  folder: string
  last: BackupInfo | null
  /** No backup for a week: Settings warns. */
  stale: boolean
  backups: BackupInfo[]
  /** A restore can be undone. */
  undoAvailable: boolean
}

export interface BackupFileReport {
  ok: boolean
  problem: 'missing' | 'unreadable' | 'corrupt' | 'foreign' | 'newer' | null
  schemaVersion: number
  counts: { appeals: number; meetings: number; sectors: number; staff: number }
  appealsFrom: string | null
  appealsTo: string | null
  lastChangeAt: string | null
  sizeBytes: number
}

export interface RestoreResult {
  restored: BackupFileReport
  /** The current database as it was, kept aside for undo. */
  aside: string | null
}

export interface AuditVerification {
  entries: number
  /** The first entry whose link is broken, or null when the whole chain holds. */
  firstBroken: { id: number; at: string; entity: string; entityId: string } | null
}
