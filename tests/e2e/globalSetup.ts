import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

/** Builds the app once before the browser tests, when any source is newer than the bundles. */
export default function setup(): void {
  const result = spawnSync(process.execPath, [resolve(__dirname, '../../scripts/ensure-build.mjs')], {
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error('electron-vite build failed; see the output above')
}
