import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { DomainError } from '@shared/api/errors'
import type { BackupInfo, BackupStatus, RestoreResult } from '@shared/api/contract'
import type { Database } from '../db/database'
import type { Clock } from '../services/context'
import { inspectDatabaseFile, rawConnection, type DatabaseFileReport } from './databaseFile'
import { backupFileName, parseBackupFileName, type BackupKind } from './names'
import { backupsToKeep } from './retention'

/** A week without a backup is when Settings starts warning. */
const STALE_AFTER_MS = 7 * 24 * 3600 * 1000

/** What the backup service needs of the core: the open database, and a way to swap its file. */
export interface DatabaseHost {
  database(): Database
  /** Closes the database, runs `between` (file work), and opens it again (migrating if older). */
  reopen(between: () => Promise<void> | void): Promise<void>
  nativeBinding?: string
}

/**
 * Backups through SQLite's online backup API (never a raw copy of a live file): automatic
 * daily ones with a retention rule, "back up now" to any folder (a USB drive), and a checked
 * restore that keeps the current database aside so it can be undone.
 */
export class BackupService {
  constructor(
    private readonly host: DatabaseHost,
    readonly backupsDir: string,
    private readonly clock: Clock,
  ) {}

  /** Makes today's automatic backup if there is none yet, then prunes old automatic ones. */
  async autoDaily(): Promise<BackupInfo | null> {
    const today = localDay(this.clock())
    if (this.list().some((b) => b.kind === 'auto' && localDay(new Date(b.at)) === today)) return null
    const made = await this.write(this.backupsDir, 'auto')
    this.prune()
    return made
  }

  /** "Back up now": into the given folder (a USB drive), or the backups folder. */
  async create(folder: string | null): Promise<BackupInfo> {
    const target = folder ? resolve(folder) : this.backupsDir
    if (!existsSync(target) || !statSync(target).isDirectory()) {
      throw new DomainError('validation', 'errors.validation', [{ path: ['folder'], messageKey: 'validation.folderMissing' }])
    }
    return this.write(target, 'manual')
  }

  status(): BackupStatus {
    const backups = this.list()
    const last = backups[0] ?? null
    return {
      folder: this.backupsDir,
      last,
      stale: !last || this.clock().getTime() - new Date(last.at).getTime() > STALE_AFTER_MS,
      backups,
      undoAvailable: this.undoFile() !== null,
    }
  }

  inspect(file: string): DatabaseFileReport {
    return inspectDatabaseFile(resolve(file), this.host.nativeBinding)
  }

  /**
   * Replaces the database with a backup, after checking it; the current database is first
   * backed up aside ("before-restore"), so the restore can be undone.
   */
  async restore(file: string): Promise<RestoreResult> {
    const source = resolve(file)
    const report = this.inspect(source)
    if (!report.ok) {
      throw new DomainError('validation', 'errors.validation', [{ path: ['file'], messageKey: `errors.backup.${report.problem ?? 'unreadable'}` }])
    }
    const aside = await this.write(this.backupsDir, 'before-restore')
    await this.replaceWith(source)
    return { restored: report, aside: aside.file }
  }

  /** Puts back the database as it was before the last restore. */
  async undoRestore(): Promise<RestoreResult> {
    const aside = this.undoFile()
    if (!aside) throw new DomainError('not_found', 'errors.backup.noUndo')
    const report = this.inspect(aside)
    if (!report.ok) throw new DomainError('validation', 'errors.backup.corrupt')
    await this.replaceWith(aside)
    rmSync(aside) // undone: the next restore makes a new one
    return { restored: report, aside: null }
  }

  list(): BackupInfo[] {
    if (!existsSync(this.backupsDir)) return []
    return readdirSync(this.backupsDir)
      .flatMap((name) => {
        const parsed = parseBackupFileName(name)
        if (!parsed) return []
        const file = join(this.backupsDir, name)
        return [{ file, kind: parsed.kind, at: parsed.at, sizeBytes: statSync(file).size }]
      })
      .sort((a, b) => b.at.localeCompare(a.at))
  }

  private undoFile(): string | null {
    return this.list().find((b) => b.kind === 'before-restore')?.file ?? null
  }

  private async write(folder: string, kind: BackupKind): Promise<BackupInfo> {
    mkdirSync(folder, { recursive: true })
    const at = this.clock()
    const file = join(folder, backupFileName(kind, at))
    await rawConnection(this.host.database().dataSource).backup(file)
    return { file, kind, at: at.toISOString(), sizeBytes: statSync(file).size }
  }

  private async replaceWith(source: string): Promise<void> {
    const live = this.host.database().file
    await this.host.reopen(() => {
      // The database is closed (its WAL checkpointed); the companions are removed so that no
      // stale log is replayed over the restored file.
      for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true })
      mkdirSync(dirname(live), { recursive: true })
      copyFileSync(source, live)
    })
  }

  /** Deletes automatic backups the retention rule no longer keeps; manual ones are the user's. */
  private prune(): void {
    const autos = this.list().filter((b) => b.kind === 'auto')
    const keep = backupsToKeep(autos.map((b) => ({ ...b, name: b.file })))
    const kept = new Set([...keep].map((b) => b.file))
    for (const backup of autos) if (!kept.has(backup.file)) rmSync(backup.file, { force: true })
  }
}

/** The local calendar day of an instant ('YYYY-MM-DD'), for "first start of each day". */
function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}
