import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Where the Electron-ABI build of better-sqlite3 lives (see docs/NATIVE-MODULES.md).
 * node_modules keeps the Node build for tests and web mode; scripts/electron-native.mjs
 * writes the Electron build to .native/electron/, and electron-builder ships it as
 * resources/native/. The path is handed to better-sqlite3's `nativeBinding` option.
 */
export function electronNativeBinding(opts: { packaged: boolean; resourcesPath: string; appPath: string }): string {
  const file = opts.packaged
    ? join(opts.resourcesPath, 'native', 'better_sqlite3.node')
    : join(opts.appPath, '.native', 'electron', 'better_sqlite3.node')
  if (!existsSync(file)) {
    throw new Error(`The Electron build of better-sqlite3 is missing at ${file}. Run: node scripts/electron-native.mjs`)
  }
  return file
}
