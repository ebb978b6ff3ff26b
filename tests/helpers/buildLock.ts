import { execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(__dirname, '../..')
/** The lock every build and every run of the built app takes on this machine (out/ is shared). */
export const BUILD_LOCK = '/tmp/akimat-build.lock'

/**
 * Takes the build lock, builds when sources changed, and holds the lock until released, so the
 * built out/ cannot be rebuilt under a test that runs it (a rebuild renames the chunks a running
 * bundle still loads). The lock is held by a `flock` child that lets go when its stdin closes,
 * also when this process dies.
 */
export async function holdBuiltApp(): Promise<() => void> {
  const holder = spawn('flock', [BUILD_LOCK, '-c', 'echo locked && cat > /dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once('data', () => resolve())
    holder.once('exit', (code) => reject(new Error(`flock ${BUILD_LOCK} exited with ${code}`)))
  })
  const release = () => void holder.stdin.end()
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-build.mjs')], { cwd: ROOT, stdio: 'pipe' })
  } catch (error) {
    release()
    throw error
  }
  return release
}
