import type { RecoveryCause } from '@shared/api/contract'
import { inspectDatabaseFile } from '../backup/databaseFile'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'

/**
 * Whether a failed start is the database file's fault, and how: looked at read-only after the
 * core gave up. A file that will not read, fails its integrity check or is not ours is told as
 * such; a whole file of ours at an older schema failed while migrating (the runner rolled it
 * back, and the pre-migration backup is in the folder). A file that is whole and current did
 * not cause the failure (null): that is no case for replacing it.
 */
export function recoveryCauseOf(databaseFile: string, nativeBinding?: string): RecoveryCause | null {
  const report = inspectDatabaseFile(databaseFile, nativeBinding)
  switch (report.problem) {
    case 'corrupt':
    case 'foreign':
    case 'unreadable':
      return report.problem
    case null:
      return report.schemaVersion < LATEST_SCHEMA_VERSION ? 'migration' : null
    default:
      // missing: the core makes a new file; newer: the program is older than the file (its own message)
      return null
  }
}
