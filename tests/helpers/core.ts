import { dirname, join } from 'node:path'
import { startCore, type Core, type CoreOptions } from '../../src/main/core'
import { fileKeyProvider } from '../../src/main/services/auditKey'

/** The repository's resources folder (fonts, calendar data), as the web entry passes it. */
export const RESOURCES_DIR = join(__dirname, '../../resources')

/**
 * The history key folder of a test database: beside it, in the test's temp folder (the app
 * keeps it in the user's profile), so that opening the same file again finds the same key.
 */
export const testKeyDir = (databaseFile: string): string => join(dirname(databaseFile), 'history-key')

/** The options the web entry gives the core, for a test database file. */
export function testCoreOptions(databaseFile: string, extra: Partial<CoreOptions> = {}): CoreOptions {
  return {
    databaseFile,
    version: 'test',
    resourcesDir: RESOURCES_DIR,
    auditKeys: fileKeyProvider(testKeyDir(databaseFile)),
    // beside the file on PostgreSQL too (the core's default there is the user's data folder)
    attachmentsDir: join(dirname(databaseFile), 'attachments'),
    ...extra,
  }
}

/** Starts the real core on the given database file, the way the web entry does. */
export function startTestCore(databaseFile: string, extra: Partial<CoreOptions> = {}): Promise<Core> {
  return startCore(testCoreOptions(databaseFile, extra))
}
