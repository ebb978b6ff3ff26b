import { join } from 'node:path'
import { startCore, type Core, type CoreOptions } from '../../src/main/core'

/** The repository's resources folder (fonts, calendar data), as the web entry passes it. */
export const RESOURCES_DIR = join(__dirname, '../../resources')

/** Starts the real core on the given database file, the way the web entry does. */
export function startTestCore(databaseFile: string, extra: Partial<CoreOptions> = {}): Promise<Core> {
  const options = { databaseFile, version: 'test', resourcesDir: RESOURCES_DIR, ...extra }
  return startCore(options)
}
