import { existsSync, renameSync } from 'node:fs'
import { basename } from 'node:path'
import { DomainError } from '@shared/api/errors'
import type { RecoveryCause, RecoveryResult, RecoveryStatus } from '@shared/api/contract'
import { inspectDatabaseFile } from '../backup/databaseFile'
import { copyIncoming, discardIncoming, swapInIncoming } from '../backup/incomingFile'
import { unpackAttachments } from '../backup/attachmentBlobs'
import { BlobStore } from '../services/attachments/blobStore'
import { listBackups } from '../backup/listing'

export interface RecoveryOptions {
  databaseFile: string
  backupsDir: string
  /** Where the restored backup's attachments go (the core's attachments folder). */
  attachmentsDir: string
  cause: RecoveryCause
  nativeBinding?: string
  /** The time in the damaged file's new name; tests fix it. */
  clock?: () => Date
}

/**
 * What the app can do when its database will not open, before anyone can sign in (the users
 * are in that file): list the backups folder's copies, put one in place of the damaged file,
 * or start empty. The damaged file is never deleted: it is renamed aside with the time, for
 * whoever tries to save what it holds. Only the backups folder's files can be chosen, by name.
 */
export class RecoveryService {
  private cause: RecoveryCause
  private readonly clock: () => Date

  constructor(private readonly options: RecoveryOptions) {
    this.cause = options.cause
    this.clock = options.clock ?? (() => new Date())
  }

  status(): RecoveryStatus {
    return {
      active: true,
      cause: this.cause,
      file: this.options.databaseFile,
      backups: listBackups(this.options.backupsDir).map((backup) => ({
        ...backup,
        name: basename(backup.file),
        report: inspectDatabaseFile(backup.file, this.options.nativeBinding),
      })),
    }
  }

  /** A later start failed too (the restored copy's migration): the page says why. */
  failedAgain(cause: RecoveryCause): void {
    this.cause = cause
  }

  /**
   * The chosen backup is copied beside the database and checked first; only then is the
   * damaged file moved aside and the copy renamed into place (incomingFile.ts), so a refusal
   * or a cut-off leaves the folder as it was.
   */
  restore(name: string): RecoveryResult {
    const backup = listBackups(this.options.backupsDir).find((b) => basename(b.file) === name)
    if (!backup)
      throw new DomainError('not_found', 'recovery.noSuchBackup', [
        { path: ['name'], messageKey: 'recovery.noSuchBackup' },
      ])
    const live = this.options.databaseFile
    const incoming = copyIncoming(backup.file, live)
    const check = inspectDatabaseFile(incoming, this.options.nativeBinding)
    if (!check.ok) {
      discardIncoming(live)
      throw new DomainError('validation', 'errors.validation', [
        { path: ['name'], messageKey: `errors.backup.${check.problem ?? 'unreadable'}` },
      ])
    }
    try {
      unpackAttachments(incoming, new BlobStore(this.options.attachmentsDir), true, this.options.nativeBinding)
    } catch (error) {
      discardIncoming(live)
      throw error
    }
    const damagedAside = this.moveDamagedAside()
    swapInIncoming(live)
    return { damagedAside }
  }

  /** The administrator's last resort: the next start makes a new, empty database. */
  startEmpty(): RecoveryResult {
    return { damagedAside: this.moveDamagedAside() }
  }

  /** <file>.damaged-2026-12-07T09-30-00Z, with its log files beside it under the same name. */
  private moveDamagedAside(): string | null {
    const live = this.options.databaseFile
    if (!existsSync(live)) return null
    const aside = `${live}.damaged-${this.clock().toISOString().slice(0, 19).replace(/:/g, '-')}Z`
    for (const suffix of ['-wal', '-shm', '-journal']) {
      if (existsSync(live + suffix)) renameSync(live + suffix, aside + suffix)
    }
    renameSync(live, aside)
    return aside
  }
}
