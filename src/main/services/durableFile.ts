import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs'

/**
 * Replaces a file whole: written beside it, flushed to the disk, then renamed over it, so that
 * after a power cut the file holds either its old or its new content, never half. `partial`:
 * where it is written first (by default beside it, `.partial` added).
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
}
