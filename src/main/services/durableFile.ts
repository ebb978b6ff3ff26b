import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Replaces a file whole: written beside it, flushed to the disk, then renamed over it, and the
 * folder flushed, so that after a power cut the file holds either its old or its new content,
 * never half, and a file that was new is still there (an attachment's bytes, written before
 * the database commits the row that names them). `partial`: where it is written first (by
 * default beside it, `.partial` added).
 */
export function writeFileDurably(
  file: string,
  content: string | Uint8Array,
  mode = 0o600,
  partial = `${file}.partial`,
): void {
  const fd = openSync(partial, 'w', mode)
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    // a write may take fewer bytes than asked (a large blob): go on from where it stopped
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(partial, file)
  flushFolder(dirname(file))
}

/**
 * Makes a folder's list of names durable: the rename above, and the new file's name, live in
 * the folder, not in the file. Windows cannot open a folder to flush it; NTFS journals a
 * rename itself.
 */
function flushFolder(folder: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(folder, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
