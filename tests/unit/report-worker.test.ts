import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterEach, describe, expect, it } from 'vitest'
import type { Cell, ReportModel } from '@shared/reports/model'
import { workerWriter, type ReportWriter, type WriteJob } from '../../src/main/reports/writers'

/**
 * The app's report writer keeps one worker thread for all its files (reports/keptWorker.ts).
 * Here it talks to a stand-in worker (tests/fixtures/reportWorker/fake.mjs) whose answers are
 * its thread id, so the tests can tell whether two files went to the same thread.
 */

const FAKE = join(__dirname, '../fixtures/reportWorker/fake.mjs')
const writers: ReportWriter[] = []

afterEach(async () => {
  await Promise.all(writers.splice(0).map((w) => w.close?.()))
})

function writer(largeHeap?: number): ReportWriter {
  const w = workerWriter(FAKE, largeHeap)
  writers.push(w)
  return w
}

const job = (title: string, pages?: AsyncIterable<Cell[][]>): WriteJob => ({
  model: { title } as ReportModel,
  format: 'xlsx',
  pdf: { resourcesDir: '' },
  pages,
})
const text = async (file: Promise<Buffer>) => (await file).toString()

const row: Cell[] = [{ kind: 'count', value: 1 }]
async function* pages(count: number, failAt = Infinity): AsyncGenerator<Cell[][]> {
  for (let i = 0; i < count; i++) {
    if (i === failAt) throw new Error('the database went away')
    yield [row, row]
  }
}

describe('the kept report worker', () => {
  it('writes every file in one worker thread, started on the first', async () => {
    const write = writer()
    const first = await text(write(job('a')))
    expect(await text(write(job('b')))).toBe(first)
    // sent together, they are queued and all answered by the same thread
    expect(await Promise.all([write(job('c')), write(job('d')), write(job('e'))].map(text))).toEqual([
      first,
      first,
      first,
    ])
  })

  it('hands a paged job its pages one at a time, then takes the next job', async () => {
    const write = writer()
    const thread = await text(write(job('a')))
    expect(await text(write(job('paged', pages(3))))).toBe(`${thread}:6`)
    expect(await text(write(job('paged', pages(0))))).toBe(`${thread}:0`)
    expect(await text(write(job('b')))).toBe(thread)
  })

  it('fails only the job the writer failed, and keeps the worker', async () => {
    const write = writer()
    const thread = await text(write(job('a')))
    const [failed, next] = [write(job('fail')), write(job('b'))]
    await expect(failed).rejects.toThrow('the writer failed')
    expect(await text(next)).toBe(thread)
  })

  it.each(['throw', 'exit'])('starts a new worker after one dies (%s), failing only its job', async (how) => {
    const write = writer()
    const thread = await text(write(job('a')))
    const [died, next] = [write(job(how)), write(job('b'))]
    await expect(died).rejects.toThrow(how === 'throw' ? 'uncaught in the worker' : 'exited with code 3')
    const fresh = await text(next)
    expect(fresh).not.toBe(thread)
    expect(await text(write(job('c')))).toBe(fresh)
  })

  it('fails a paged job whose reading fails, and the next job still gets written', async () => {
    const write = writer()
    await expect(write(job('paged', pages(3, 1)))).rejects.toThrow('the database went away')
    expect(await text(write(job('paged', pages(2))))).toMatch(/:4$/)
  })

  it('ends the worker on close, failing a job still running; a later job starts a new one', async () => {
    const write = writer()
    const thread = await text(write(job('a')))
    const hanging = write(job('hang'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    await write.close!()
    await expect(hanging).rejects.toThrow('exited')
    expect(await text(write(job('b')))).not.toBe(thread)
  })

  it('ends a worker left holding a large heap after its file, and only such a one', async () => {
    const write = writer(2 ** 30)
    const thread = await text(write(job('a')))
    expect(await text(write(job('b')))).toBe(thread)
    expect(await text(write(job('big')))).toBe(thread)
    const fresh = await text(write(job('c')))
    expect(fresh).not.toBe(thread)
    expect(await text(write(job('d')))).toBe(fresh)
  })

  it('does not keep the process alive while idle', async () => {
    // A small program (bundled here, as the bench bundles the app) that writes one file and
    // then has nothing left to do: it must end although its worker is kept.
    const dir = mkdtempSync(join(tmpdir(), 'akimat-kept-worker-'))
    try {
      const program = join(dir, 'program.js')
      await build({
        stdin: {
          contents: `import { workerWriter } from './src/main/reports/writers'
            workerWriter(process.argv[2])({ model: { title: 'a' }, format: 'xlsx', pdf: {} }).then((bytes) => console.log('written by', bytes.toString()))`,
          resolveDir: join(__dirname, '../..'),
          loader: 'ts',
        },
        outfile: program,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        packages: 'external',
        alias: { '@shared': './src/shared' },
        logLevel: 'silent',
      })
      const run = spawnSync(process.execPath, [program, FAKE], { encoding: 'utf8', timeout: 20_000 })
      expect(run.stdout).toMatch(/^written by \d+/)
      expect(run.status).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 30_000)
})
