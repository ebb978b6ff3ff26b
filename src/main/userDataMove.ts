import {
  closeSync,
  cpSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { createHash } from 'node:crypto'
import { join, relative } from 'node:path'
import { LANGUAGES, translate } from '@shared/i18n'
import { writeFileDurably } from './services/durableFile'
import { legacyUserDataDir } from './paths'

/** What moves: the data folder (database, backups) and the key that signs the history. */
export const MOVED_ENTRIES = ['data', 'history-key'] as const
/** Left in the old folder, in kk, ru and en, saying where the data went. */
export const MOVED_NOTE_FILE = 'AKIMAT-DESK-DATA-MOVED.txt'
/** The move's state, in the new folder: "copying" until the copy is in place, then "switched". */
export const MOVE_JOURNAL_FILE = '.data-move.json'
/** Where the copy is made before it is checked and renamed into place, in the new folder. */
export const MOVE_STAGING_DIR = '.data-move-staging'

export type MoveOutcome =
  /** Nothing at the old place: a new install, or moved before. */
  | { kind: 'nothing' }
  | { kind: 'moved'; entries: string[] }
  /** Both places hold data and no move of ours was under way: the new one is used, the old left as it is. */
  | { kind: 'conflict' }

export class DataMoveVerificationError extends Error {
  constructor(readonly file: string) {
    super(`The copy of ${file} does not match the original; the data stays where it was.`)
  }
}

export interface MoveOptions {
  from: string
  to: string
  entries?: readonly string[]
  /** Called after each step (tests stop the move there, as a kill would). */
  step?: (name: string) => void
}

/**
 * Moves the per-user data from `from` to `to`, so that a kill or a power cut at any moment
 * leaves one whole copy that the next start uses and finishes the move from:
 *  1. the journal says "copying"; everything is copied into a staging folder beside the target;
 *  2. every copied file is compared with its original (size and SHA-256) and flushed to disk;
 *     a difference throws, removes the copy, and leaves the old data as it was;
 *  3. the copies are renamed into place and the journal says "switched": from here on the new
 *     place is the data;
 *  4. the note is written into the old folder, then the old copy is removed, then the journal.
 * Until step 3 ends the old folder is untouched and the caller must use it (the function
 * throws); a start that finds "copying" discards the half-made copy and begins again, one
 * that finds "switched" only finishes step 4.
 */
export function moveUserData(options: MoveOptions): MoveOutcome {
  const { from, to } = options
  const entries = options.entries ?? MOVED_ENTRIES
  const step = options.step ?? (() => undefined)
  const journal = join(to, MOVE_JOURNAL_FILE)
  const state = readJournal(journal)
  if (state === 'switched') return finish(from, to, entries, journal, step)

  const present = entries.filter((entry) => existsSync(join(from, entry)))
  if (present.length === 0) {
    if (state) rmSync(journal, { force: true })
    return { kind: 'nothing' }
  }
  if (state === 'copying') {
    // A start stopped before the switch: what it put in place is ours and incomplete, and the
    // app never opened it (the journal would say "switched"); the old folder is whole.
    for (const entry of entries) rmSync(join(to, entry), { recursive: true, force: true })
  } else if (entries.some((entry) => existsSync(join(to, entry)))) {
    return { kind: 'conflict' }
  }

  mkdirSync(to, { recursive: true })
  writeFileDurably(journal, JSON.stringify({ state: 'copying', from }))
  const staging = join(to, MOVE_STAGING_DIR)
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging)
  for (const entry of present)
    cpSync(join(from, entry), join(staging, entry), { recursive: true, preserveTimestamps: true })
  step('copied')

  for (const entry of present) {
    const differing = firstDifference(join(from, entry), join(staging, entry))
    if (differing !== null) {
      rmSync(staging, { recursive: true, force: true })
      rmSync(journal, { force: true })
      throw new DataMoveVerificationError(join(from, entry, differing))
    }
  }
  step('verified')

  for (const entry of present) {
    renameSync(join(staging, entry), join(to, entry))
    step(`renamed ${entry}`)
  }
  rmSync(staging, { recursive: true, force: true })
  writeFileDurably(journal, JSON.stringify({ state: 'switched', from }))
  step('switched')
  return finish(from, to, entries, journal, step)
}

/**
 * Step 4. The new place already holds the data, so a failure here (the old folder read-only,
 * say) is logged and the next start tries again; it never sends the app back to the old copy.
 */
function finish(
  from: string,
  to: string,
  entries: readonly string[],
  journal: string,
  step: (name: string) => void,
): MoveOutcome {
  const moved = entries.filter((entry) => existsSync(join(to, entry)))
  try {
    writeFileDurably(join(from, MOVED_NOTE_FILE), movedNote(to), 0o644)
    step('noted')
    for (const entry of entries) rmSync(join(from, entry), { recursive: true, force: true })
    step('removed')
    rmSync(journal, { force: true })
  } catch (error) {
    console.error('The old data folder could not be cleared after the move; the next start tries again.', error)
  }
  return { kind: 'moved', entries: moved }
}

/** The note's text in the three languages, with a BOM so that older Notepads read it as UTF-8. */
export function movedNote(to: string): string {
  return '\ufeff' + LANGUAGES.map((lang) => translate(lang, 'desktop.dataMoved.note', { to })).join('\r\n\r\n') + '\r\n'
}

/** Whether a move into `to` has reached its switch: from then on `to` holds the data, whatever else failed. */
export const moveSwitched = (to: string): boolean => readJournal(join(to, MOVE_JOURNAL_FILE)) === 'switched'

function readJournal(file: string): 'copying' | 'switched' | null {
  if (!existsSync(file)) return null
  try {
    const state = (JSON.parse(readFileSync(file, 'utf8')) as { state?: unknown }).state
    return state === 'switched' ? 'switched' : 'copying'
  } catch {
    // unreadable: written by a step that did not end, which the renames never follow
    return 'copying'
  }
}

/** The first file (relative path) that differs between two trees, or null; copies are flushed on the way. */
function firstDifference(original: string, copy: string): string | null {
  const a = filesUnder(original)
  const b = filesUnder(copy)
  if (a.length !== b.length) return a.find((file) => !b.includes(file)) ?? '.'
  for (const [index, file] of a.entries()) {
    if (b[index] !== file) return file
    if (digest(join(original, file), false) !== digest(join(copy, file), true)) return file
  }
  return null
}

function filesUnder(root: string): string[] {
  if (statSync(root).isFile()) return ['']
  const out: string[] = []
  const walk = (dir: string) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name)
      if (item.isDirectory()) walk(path)
      else out.push(relative(root, path))
    }
  }
  walk(root)
  return out.sort()
}

/** Size and SHA-256 of a file, read in 1 MB pieces (a database may be gigabytes); `flush` fsyncs it. */
function digest(file: string, flush: boolean): string {
  // r+ because Windows flushes only a handle opened for writing
  const fd = openSync(file, flush ? 'r+' : 'r')
  try {
    const hash = createHash('sha256')
    const buffer = Buffer.alloc(1 << 20)
    let size = 0
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, read))
      size += read
    }
    if (flush) fsyncSync(fd)
    return `${size}:${hash.digest('hex')}`
  } finally {
    closeSync(fd)
  }
}

/**
 * The per-user folder to use on this start, `current` (where the app keeps it now), after
 * moving the data of an earlier version from its old place where there is one (Windows:
 * roaming to local). When the move cannot be made safely the old place is used this time,
 * whole, and the next start tries again.
 */
export function userDataDirAfterMove(current: string, previous: string | null = legacyUserDataDir()): string {
  if (!previous || previous === current) return current
  try {
    const outcome = moveUserData({ from: previous, to: current })
    if (outcome.kind === 'moved') console.log(`Data moved from ${previous} to ${current}`)
    if (outcome.kind === 'conflict') console.warn(`Data found in both ${previous} and ${current}; using ${current}.`)
    return current
  } catch (error) {
    if (moveSwitched(current)) return current
    console.error(`The data could not be moved from ${previous} to ${current}; using it where it is.`, error)
    return previous
  }
}
