import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

/**
 * Per-test cleanup, run after each test in reverse order of registration: a database opened
 * in a temp folder is closed before the folder is removed, even when the test failed.
 */
export function useCleanup(): { tempDir(prefix?: string): string; defer(fn: () => unknown): void } {
  const stack: (() => unknown)[] = []
  afterEach(async () => {
    const errors: unknown[] = []
    while (stack.length > 0) {
      try {
        await stack.pop()!()
      } catch (error) {
        errors.push(error)
      }
    }
    if (errors.length > 0) throw errors[0]
  })
  return {
    tempDir(prefix = 'akimat-desk-test-') {
      const dir = mkdtempSync(join(tmpdir(), prefix))
      stack.push(() => rmSync(dir, { recursive: true, force: true }))
      return dir
    },
    defer(fn) {
      stack.push(fn)
    },
  }
}
