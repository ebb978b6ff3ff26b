import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs'

/**
 * Replaces a small file whole: written beside it, flushed to the disk, then renamed over it,
 * so that after a power cut the file holds either its old or its new content, never half.
 */
export function writeFileDurably(file: string, content: string, mode = 0o600): void {
  const partial = `${file}.partial`
  const fd = openSync(partial, 'w', mode)
  try {
    writeSync(fd, content)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(partial, file)
}
