import { z } from 'zod'
import { requiredText } from '../fields'

/** The longest passphrase taken (scrypt takes any length; this only bounds a request). */
const PASSPHRASE_MAX = 1000
/** A new office passphrase: long enough that guessing it against a stolen copy is impractical. */
export const PASSPHRASE_MIN = 10

/**
 * The office passphrase as typed, never trimmed (spaces are part of it): to encrypt a copy
 * leaving the data folder, or to open an encrypted one. Absent when none is set or the file is plain.
 */
export const givenPassphrase = z
  .string()
  .max(PASSPHRASE_MAX, { error: 'validation.tooLong' })
  .nullish()
  .transform((v) => v || null)

export const createBackupInput = z
  .object({
    folder: z
      .string()
      .trim()
      .max(1000)
      .nullish()
      .transform((v) => v || null),
    passphrase: givenPassphrase,
  })
  .strict()
export const backupFileInput = z.object({ file: requiredText(1000), passphrase: givenPassphrase }).strict()

/** Sets (no current one), changes (`current` and a new one) or clears (`passphrase` null) the office passphrase. */
export const setPassphraseInput = z
  .object({
    current: givenPassphrase,
    passphrase: z
      .string()
      .min(PASSPHRASE_MIN, { error: 'validation.passwordShort' })
      .max(PASSPHRASE_MAX, { error: 'validation.tooLong' })
      .nullable(),
  })
  .strict()

export interface PassphraseState {
  /** Copies leaving the data folder and consolidation packages are encrypted. */
  set: boolean
  /** When it was set or last changed (UTC instant). */
  setAt: string | null
}

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
  /** `encrypted`: the file is an encrypted copy and no passphrase was given to open it. */
  problem: 'missing' | 'unreadable' | 'corrupt' | 'foreign' | 'newer' | 'encrypted' | null
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

/**
 * What the chain's head (kept outside the database) says of the database's end: ok; missing
 * (no head for a database with keyed history); tailRemoved (the database ends before the
 * head: newest entries cut off, or the file replaced by an older copy); mismatch (another
 * entry stands at the head's id: the file or the head replaced); behind (the head is older
 * than the database: replaced by an older head).
 */
export type AuditHeadState = 'ok' | 'missing' | 'tailRemoved' | 'mismatch' | 'behind'

/**
 * What a start found wrong and wrote into the history (so every later check reports it):
 * the key missing or changed (entries signed before cannot be checked here), or the head
 * not matching the database (see AuditHeadState).
 */
export type AuditFindingKind =
  'keyMissing' | 'keyChanged' | 'headMissing' | 'tailRemoved' | 'headMismatch' | 'headBehind'

export interface AuditVerification {
  entries: number
  /** The first entry whose link is broken (altered, removed or inserted), or null when the whole chain holds. */
  firstBroken: { id: number; at: string; entity: string; entityId: string } | null
  /** The first entry of keyed history (signed with the key kept outside the database); null: none written yet. */
  keyedFrom: { id: number; at: string } | null
  /** Entries before keyed history, verified by the older plain SHA-256 chain. */
  legacyEntries: number
  /** The head kept outside the database against the database's last entry, now. */
  head: { state: AuditHeadState; headId: number | null; lastId: number | null }
  /** Problems found at a start, as written into the history (the entry's id and time). */
  findings: { id: number; at: string; kind: AuditFindingKind; headId: number | null; lastId: number | null }[]
  /** Entries signed with a key this computer does not hold: their links are checked, their content cannot be. */
  unverifiable: { fromId: number; toId: number }[]
  /** The folder of the key and the head. */
  keyFolder: string
}
