import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { findBrowser } from './browser'

/**
 * Before any browser test: builds the app when a source is newer than the bundles, and finds
 * the browser (unpacking the npm-packed Chromium the first time), so a missing browser is said
 * once and the first test does not pay for the unpacking.
 */
export default function setup(): void {
  const result = spawnSync(process.execPath, [resolve(__dirname, '../../scripts/ensure-build.mjs')], {
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error('electron-vite build failed; see the output above')
  const browser = findBrowser()
  console.log(
    browser.kind === 'path'
      ? `e2e browser: ${browser.executablePath} (${browser.from})`
      : 'e2e browser: installed Chrome or Edge',
  )
}
