import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DomainError } from '@shared/api/errors'
import { workerReader } from '../../src/main/import/readInWorker'

/**
 * The worker's heap cap is what stands between a file the caps let through and the app: a
 * reader that outgrows it is ended and the file refused for memory, not the process killed.
 * (The real worker, out/main/importWorker.js, is exercised in tests/e2e/import-limits.test.ts.)
 */

const folder = mkdtempSync(join(tmpdir(), 'akimat-import-worker-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** A worker that, sent a file, allocates without end. */
function greedyWorker(): string {
  const file = join(folder, 'greedy.js')
  writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads')
parentPort.once('message', () => { const kept = []; for (;;) kept.push(new Array(1e5).fill({ x: kept.length })) })`,
  )
  return file
}

describe('reading a file in a worker', () => {
  it('refuses a file whose reading outgrows the heap cap, naming the limit, and the process goes on', async () => {
    const read = workerReader(greedyWorker(), 32)
    const error = await read('big.xlsx', Buffer.from('PK')).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).toApiError()).toEqual({
      code: 'validation',
      messageKey: 'importUi.errors.tooLarge',
      issues: [{ path: ['file'], messageKey: 'importUi.errors.limits.memory', params: { limit: 32 } }],
    })
  })
})
