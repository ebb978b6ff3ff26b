import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * A restore never writes into the live database file. The backup is copied beside it under this
 * suffix, flushed and checked while the database is still open, and only then renamed over the
 * live file: a rename is atomic, so a kill or a power cut at any moment leaves either the old
 * database or the restored one, whole.
 */
const INCOMING = '.restoring'

export function incomingFileOf(live: string): string {
  return live + INCOMING
}

/** Copies `source` beside `live` and flushes it to the disk; returns the copy. */
export function copyIncoming(source: string, live: string): string {
  const incoming = incomingFileOf(live)
  discardIncoming(live)
  copyFileSync(source, incoming)
  flush(incoming)
  return incoming
}

/** Puts the checked copy in place of the live file (closed by then), companions removed. */
export function swapInIncoming(live: string): void {
  // The live database is closed and checkpointed: its log holds nothing the file lacks, and a
  // stale log must not be replayed over the restored file.
  for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true })
  renameSync(incomingFileOf(live), live)
  flushFolder(dirname(live))
}

/**
 * A copy left by a restore that was cut off before its rename: the live file was never touched,
 * so the restore is rolled back by removing the copy. Called before the database opens.
 */
export function discardIncoming(live: string): boolean {
  const incoming = incomingFileOf(live)
  const found = existsSync(incoming)
  for (const file of [incoming, `${incoming}-wal`, `${incoming}-shm`, `${incoming}-journal`]) {
    rmSync(file, { force: true })
  }
  return found
}

function flush(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Makes the rename itself durable where the system allows a folder to be flushed (not Windows). */
function flushFolder(folder: string): void {
  let fd: number
  try {
    fd = openSync(folder, 'r')
  } catch {
    return
  }
  try {
    fsyncSync(fd)
  } catch {
    // Windows refuses fsync on a folder; NTFS journals the rename itself.
  } finally {
    closeSync(fd)
  }
}
