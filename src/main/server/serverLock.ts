import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { platform } from 'node:os'

/**
 * One office server per data folder: its process number in `<data>/server.pid` while it runs.
 * A second server started on the folder is refused before it touches the embedded PostgreSQL,
 * which the first one is using (stopping a PostgreSQL left running is for one whose server was
 * killed). A file whose process is gone, or on Linux is not a Node process any more (numbers
 * are reused after a reboot), is stale and taken over.
 */
export function lockServerFolder(dataDir: string): () => void {
  const file = join(dataDir, 'server.pid')
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim())
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isServerProcess(pid))
      throw new Error(`another Akimat Desk server (process ${pid}) is running on ${dataDir}`)
  }
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(file, `${process.pid}\n`)
  return () => rmSync(file, { force: true })
}

function isServerProcess(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  if (platform() !== 'linux') return true
  try {
    return /node/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))
  } catch {
    return false
  }
}
