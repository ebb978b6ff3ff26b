import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { DomainError } from '@shared/api/errors'
import type { BackupInfo, BackupStatus, RestoreResult } from '@shared/api/contract'
import type { Database } from '../db/database'
import { actorOf, recordAudit, type AuditChange } from '../services/audit'
import { lastEntry } from '../services/auditChain'
import type { CallContext, Clock } from '../services/context'
import { decryptFile, encryptFile, isEncryptedFile } from '../encryption/fileCipher'
import { decryptionRefusal, passphraseRefused } from '../encryption/officePassphrase'
import { EMPTY_REPORT, inspectDatabaseFile, rawConnection, type DatabaseFileReport } from './databaseFile'
import { listBackups } from './listing'
import { copyIncoming, discardIncoming, swapInIncoming } from './incomingFile'
import { backupFileName, type BackupKind } from './names'
import { backupsToKeep } from './retention'
import { ChosenPaths } from './chosenPaths'
import { engineOf } from '../db/dialect'
import { copyPostgresToSqliteFile } from './serverBackup'
import { transaction } from '../db/transaction'
import type { BlobStore } from '../services/attachments/blobStore'
import { packAttachments, unpackAttachments } from './attachmentBlobs'

/** A week without a backup is when Settings starts warning. */
const STALE_AFTER_MS = 7 * 24 * 3600 * 1000

/** A backup is written under this suffix and renamed when whole: a cut-off copy is never listed. */
const PARTIAL = '.partial'
/** An encrypted copy's name: the backup's, marked so nobody takes it for an SQLite file. */
export const ENCRYPTED_SUFFIX = '.enc'
/** A partial file untouched this long was left by a process that ended mid-copy. */
const ABANDONED_AFTER_MS = 3600 * 1000

/**
 * How many pages the next step of a backup copies (SQLite's online backup API copies in steps;
 * between them this thread answers calls). better-sqlite3's default is 100 (400 KB).
 */
export type BackupPace = (progress: { totalPages: number; remainingPages: number }) => number

/** What the backup service needs of the core: the open database, and a way to swap its file. */
export interface DatabaseHost {
  database(): Database
  /** Closes the database, runs `between` (file work), and opens it again (migrating if older). */
  reopen(between: () => Promise<void> | void): Promise<void>
  nativeBinding?: string
  /** The attachments folder: a backup carries the bytes its rows name, a restore puts them back. */
  blobs(): BlobStore
}

/**
 * Backups through SQLite's online backup API (never a raw copy of a live file): automatic
 * daily ones with a retention rule, "back up now" to any folder (a USB drive), and a checked
 * restore that keeps the current database aside so it can be undone.
 */
export class BackupService {
  /** Backups, restores and undos run one at a time, in the order asked (see `exclusive`). */
  private queue: Promise<unknown> = Promise.resolve()
  /** Set by `stop()`: the copy under way gives up at its next step, and nothing new starts. */
  private stopping = false
  /** What the desktop's calls may reach (see chosenPaths.ts); the dialogs add to it. */
  readonly chosen: ChosenPaths

  constructor(
    private readonly host: DatabaseHost,
    readonly backupsDir: string,
    private readonly clock: Clock,
    private readonly pace: BackupPace = () => 100,
  ) {
    this.chosen = new ChosenPaths(backupsDir)
  }

  /**
   * Makes today's automatic backup if there is none yet, then prunes old automatic ones. The
   * entries run it in the background once their door is open (`Core.startDailyBackup`).
   */
  autoDaily(): Promise<BackupInfo | null> {
    return this.exclusive(async () => {
      const today = localDay(this.clock())
      if (this.list().some((b) => b.kind === 'auto' && localDay(new Date(b.at)) === today)) return null
      this.removeAbandoned()
      const made = await this.write(this.backupsDir, 'auto')
      this.prune()
      return made
    })
  }

  /**
   * "Back up now": into the given folder (a USB drive), or the backups folder. `passphrase`
   * (the office one, checked by the caller) encrypts a copy that leaves the backups folder;
   * one made inside it stays plain, as the daily ones, beside the database itself.
   */
  create(folder: string | null, ctx: CallContext, passphrase: string | null = null): Promise<BackupInfo> {
    if (folder) this.chosen.check(folder, 'folder', ctx)
    const target = folder ? resolve(folder) : this.backupsDir
    // A chosen folder must be there (a USB drive pulled out is not created on the disk); the
    // backups folder is made on first use.
    if (folder && (!existsSync(target) || !statSync(target).isDirectory())) {
      return Promise.reject(
        new DomainError('validation', 'errors.validation', [
          { path: ['folder'], messageKey: 'validation.folderMissing' },
        ]),
      )
    }
    return this.exclusive(() => this.write(target, 'manual', this.leaves(target) ? passphrase : null))
  }

  /** Whether a backup into `folder` leaves the data folder's backups folder (and is encrypted when a passphrase is set). */
  leaves(folder: string | null): boolean {
    return folder !== null && resolve(folder) !== resolve(this.backupsDir)
  }

  /**
   * A backup into exactly `file` (the command line's --out), encrypted with `passphrase` when
   * one is given; written under a partial name and renamed when whole, as every backup.
   */
  exportTo(file: string, passphrase: string | null): Promise<BackupInfo> {
    return this.exclusive(async () => {
      const at = this.clock()
      const target = resolve(file)
      await this.writeFile(target, passphrase)
      return { file: target, kind: 'manual' as const, at: at.toISOString(), sizeBytes: statSync(target).size }
    })
  }

  /**
   * Stops for closing the database: a copy under way is abandoned at its next step (its partial
   * file removed; an automatic one is made at the next start), and nothing new starts.
   */
  async stop(): Promise<void> {
    this.stopping = true
    await this.queue
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

  /**
   * What a backup holds. An encrypted copy without a passphrase reports `encrypted` (the dialog
   * then asks for it); with one, it is opened into a temporary file and that is inspected.
   */
  async inspect(file: string, ctx: CallContext, passphrase: string | null = null): Promise<DatabaseFileReport> {
    this.chosen.check(file, 'file', ctx)
    const source = resolve(file)
    if (!passphrase && (await isEncryptedFile(source))) return { ...EMPTY_REPORT, problem: 'encrypted' }
    return this.opened(source, passphrase, (plain) => inspectDatabaseFile(plain, this.host.nativeBinding))
  }

  /**
   * Replaces the database with a backup, after checking it; the current database is first
   * backed up aside ("before-restore"), so the restore can be undone. Both histories say so:
   * the database put aside ends with who replaced it by which file, and the restored one, after
   * the swap, with who restored it, from which file, and where the replaced history ended.
   */
  restore(file: string, ctx: CallContext, passphrase: string | null = null): Promise<RestoreResult> {
    return this.exclusive(async () => {
      this.refuseOnServer()
      this.chosen.check(file, 'file', ctx)
      const source = resolve(file)
      // An encrypted copy is opened whole (every chunk's tag checked) into a temporary file
      // before anything is touched; a wrong passphrase or an altered byte stops it there.
      return this.opened(source, passphrase, async (plain) => {
        const report = inspectDatabaseFile(plain, this.host.nativeBinding)
        if (!report.ok) {
          throw new DomainError('validation', 'errors.validation', [
            { path: ['file'], messageKey: `errors.backup.${report.problem ?? 'unreadable'}` },
          ])
        }
        await this.record(ctx, 'replace', { file: source })
        const aside = await this.write(this.backupsDir, 'before-restore')
        const replaced = await this.replaceWith(plain)
        await this.record(ctx, 'restore', { file: source, aside: aside.file, replaced })
        return { restored: report, aside: aside.file }
      })
    })
  }

  /**
   * Runs `use` on the plain database of `source`: the file itself, or, when it is encrypted,
   * its decryption into a temporary file in the backups folder (inside the data folder),
   * removed afterwards. Without the passphrase an encrypted file is refused.
   */
  private async opened<T>(
    source: string,
    passphrase: string | null,
    use: (plain: string) => Promise<T> | T,
  ): Promise<T> {
    if (!(await isEncryptedFile(source))) return use(source)
    if (!passphrase) throw passphraseRefused('required')
    mkdirSync(this.backupsDir, { recursive: true })
    const plain = join(this.backupsDir, `akimat-decrypting-${randomUUID()}${PARTIAL}`)
    try {
      try {
        await decryptFile(source, plain, passphrase)
      } catch (error) {
        throw decryptionRefusal(error, 'file')
      }
      return await use(plain)
    } finally {
      // a WAL-mode copy opened read-only leaves its -wal and -shm beside it
      for (const leftover of [plain, `${plain}-wal`, `${plain}-shm`, `${plain}-journal`])
        rmSync(leftover, { force: true })
    }
  }

  /** Puts back the database as it was before the last restore. */
  undoRestore(ctx: CallContext): Promise<RestoreResult> {
    return this.exclusive(async () => {
      this.refuseOnServer()
      const aside = this.undoFile()
      if (!aside) throw new DomainError('not_found', 'errors.backup.noUndo')
      const report = inspectDatabaseFile(aside, this.host.nativeBinding)
      if (!report.ok) throw new DomainError('validation', 'errors.backup.corrupt')
      const replaced = await this.replaceWith(aside, false)
      await this.record(ctx, 'undoRestore', { file: aside, replaced })
      rmSync(aside) // undone: the next restore makes a new one
      return { restored: report, aside: null }
    })
  }

  /**
   * A restore swaps the database file; the office server's database is no file to swap, and
   * desks are working on it: there a backup goes into an empty database, by the command line
   * (`restore --from FILE --db URL`), and the server is pointed at it.
   */
  private refuseOnServer(): void {
    if (engineOf(this.host.database().dataSource) === 'postgres')
      throw new DomainError('validation', 'errors.backup.onServer')
  }

  list(): BackupInfo[] {
    return listBackups(this.backupsDir)
  }

  private undoFile(): string | null {
    return this.list().find((b) => b.kind === 'before-restore')?.file ?? null
  }

  /**
   * Runs `work` after every backup, restore and undo asked before it has finished. The daily
   * backup runs outside the API's call queue (in the background), so without this a "back up
   * now" or a restore could start while it copies, and a restore would close the database
   * under it.
   */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      if (this.stopping) throw new Error('the database is closing')
      return work()
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  private async write(folder: string, kind: BackupKind, passphrase: string | null = null): Promise<BackupInfo> {
    const at = this.clock()
    const file = join(folder, backupFileName(kind, at) + (passphrase ? ENCRYPTED_SUFFIX : ''))
    await this.writeFile(file, passphrase, kind !== 'before-restore')
    return { file, kind, at: at.toISOString(), sizeBytes: statSync(file).size }
  }

  /**
   * Writes a backup into `file` through a partial file renamed when whole. With a passphrase,
   * the plain copy is made in the backups folder (inside the data folder, as the daily ones)
   * and only its encryption is written to the target. Not `strict`: the copy a restore puts
   * aside, which leaves out attachments the store lost (attachmentBlobs.ts).
   */
  private async writeFile(file: string, passphrase: string | null, strict = true): Promise<void> {
    const partial = file + PARTIAL
    const plain = passphrase ? join(this.backupsDir, `akimat-encrypting-${randomUUID()}${PARTIAL}`) : partial
    try {
      mkdirSync(dirname(file), { recursive: true })
      mkdirSync(this.backupsDir, { recursive: true })
      await this.copyDatabase(plain)
      packAttachments(plain, this.host.blobs(), strict, this.host.nativeBinding)
      if (passphrase) await encryptFile(plain, partial, passphrase)
      renameSync(partial, file)
    } catch (error) {
      for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`])
        rmSync(leftover, { force: true })
      if (cannotWrite(error)) {
        throw new DomainError('validation', 'errors.validation', [
          { path: ['folder'], messageKey: 'validation.folderNotWritable' },
        ])
      }
      throw error
    } finally {
      if (passphrase) for (const leftover of [plain, `${plain}-journal`]) rmSync(leftover, { force: true })
    }
  }

  /**
   * Copies the open database through the online backup API, step by step (this thread answers
   * calls between steps), into `partial`; the office server's database through the table
   * copier into a new SQLite file (serverBackup.ts).
   */
  private async copyDatabase(partial: string): Promise<void> {
    const dataSource = this.host.database().dataSource
    if (engineOf(dataSource) === 'postgres') {
      rmSync(partial, { force: true })
      await copyPostgresToSqliteFile(dataSource, partial, this.host.nativeBinding)
      return
    }
    const db = rawConnection(dataSource)
    for (;;) {
      rmSync(partial, { force: true })
      const { totalPages } = await db.backup(partial, {
        progress: (progress) => {
          if (this.stopping) throw new Error('backup abandoned: the database is closing')
          return this.pace(progress)
        },
      })
      // SQLite copies nothing while this connection is in a write transaction (an import
      // commit yields between its chunks inside one): such a step answers SQLITE_BUSY and
      // better-sqlite3 tries again at the next. But a busy FIRST step, before any page was
      // counted, it takes for the end: nothing was copied. Start again a little later.
      if (totalPages > 0) return
      if (this.stopping) throw new Error('backup abandoned: the database is closing')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /** Partial files nobody has written to for an hour: a process ended in the middle of a copy. */
  private removeAbandoned(): void {
    if (!existsSync(this.backupsDir)) return
    const before = Date.now() - ABANDONED_AFTER_MS
    for (const name of readdirSync(this.backupsDir)) {
      if (!name.startsWith('akimat-') || !(name.endsWith(PARTIAL) || name.endsWith(`${PARTIAL}-journal`))) continue
      const file = join(this.backupsDir, name)
      if (statSync(file).mtimeMs < before) rmSync(file, { force: true })
    }
  }

  /**
   * Swaps the file; returns where the replaced database's history ended. The copy is made and
   * checked beside the live file before the database closes (see incomingFile.ts).
   */
  private async replaceWith(source: string, strict = true): Promise<{ id: number; hash: string } | null> {
    const live = this.host.database().file
    const incoming = copyIncoming(source, live)
    const check = inspectDatabaseFile(incoming, this.host.nativeBinding)
    if (!check.ok) {
      discardIncoming(live)
      throw new DomainError('validation', 'errors.validation', [
        { path: ['file'], messageKey: `errors.backup.${check.problem ?? 'unreadable'}` },
      ])
    }
    try {
      unpackAttachments(incoming, this.host.blobs(), strict, this.host.nativeBinding)
    } catch (error) {
      discardIncoming(live)
      throw error
    }
    const replaced = await lastEntry(this.host.database().dataSource.manager)
    await this.host.reopen(() => swapInIncoming(live))
    return replaced
  }

  /** An entry about the database file itself, with who acted, into the database open now. */
  private async record(ctx: CallContext, action: AuditChange['action'], details: Record<string, unknown>) {
    await transaction(this.host.database().dataSource, (manager) =>
      recordAudit(manager, ctx, [
        {
          entity: 'database',
          entityId: 'database',
          action,
          field: null,
          oldValue: null,
          newValue: JSON.stringify({ by: actorOf(ctx), ...details }),
        },
      ]),
    )
  }

  /** Deletes automatic backups the retention rule no longer keeps; manual ones are the user's. */
  private prune(): void {
    const autos = this.list().filter((b) => b.kind === 'auto')
    const keep = backupsToKeep(autos.map((b) => ({ ...b, name: b.file })))
    const kept = new Set([...keep].map((b) => b.file))
    for (const backup of autos) if (!kept.has(backup.file)) rmSync(backup.file, { force: true })
  }
}

/**
 * A folder that refuses the copy (read-only, no permission, full): the user's to fix, told as
 * such, not an internal error.
 */
function cannotWrite(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '')
  return (
    ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_FULL'].includes(code) ||
    code.startsWith('SQLITE_IOERR')
  )
}

/** The local calendar day of an instant ('YYYY-MM-DD'), for "first start of each day". */
function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}
