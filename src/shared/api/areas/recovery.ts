import { z } from 'zod'
import type { BackupFileReport, BackupInfo } from './backup'

/**
 * A backup is chosen by its file name in the backups folder, never by a path: recovery mode
 * has no sign-in, so it may reach nothing else on the disk.
 */
export const recoveryRestoreInput = z
  .object({
    name: z
      .string()
      .max(100)
      .regex(/^[\w.-]+$/),
  })
  .strict()

/** Why the database could not be opened. */
export type RecoveryCause = 'corrupt' | 'foreign' | 'unreadable' | 'migration'

export interface RecoveryBackup extends BackupInfo {
  /** The file's name in the backups folder: what `recovery.restore` takes. */
  name: string
  report: BackupFileReport
}

export interface RecoveryStatus {
  /** False once the database opens: the normal program runs. */
  active: boolean
  cause: RecoveryCause | null
  /** The database file that failed. */
  file: string | null
  /** Newest first; the before-restore copy among them by its kind. */
  backups: RecoveryBackup[]
}

export interface RecoveryResult {
  /** Where the damaged file was moved (kept, never deleted). */
  damagedAside: string | null
}
