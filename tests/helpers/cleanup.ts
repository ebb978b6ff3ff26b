import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach } from 'vitest'

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

/**
 * Temp folders that live as long as the file's tests (made in beforeAll, or shared by several
 * tests), removed after the last of them. Call it at the top of the file, before the hooks that
 * close what the folders hold: vitest runs after-all hooks last registered first.
 */
export function useFileTempDirs(): (prefix: string) => string {
  const dirs: string[] = []
  afterAll(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  return (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    dirs.push(dir)
    return dir
  }
}
