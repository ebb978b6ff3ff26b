import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import type { ImportProgress } from '@shared/api/contract'
import { useCleanup } from '../helpers/cleanup'
import { openDesk } from '../helpers/appeals'
import { fileInput, largeRegisterXlsx } from '../helpers/importFiles'

/**
 * A 10,000-row register imports in seconds, and its progress can be read while it runs: the
 * progress call is answered outside the dispatcher's queue that the commit holds. Times are
 * printed, not asserted (machines differ); what is asserted is that every row arrived.
 */
const cleanup = useCleanup()
const ROWS = 10_000

describe('import of a large register', () => {
  it(`imports ${ROWS} rows in one transaction, with progress readable meanwhile`, async () => {
    const desk = await openDesk(cleanup, '2026-04-10')
    let t = performance.now()
    const file = fileInput('large.xlsx', await largeRegisterXlsx(ROWS))
    const built = performance.now() - t

    t = performance.now()
    const preview = await desk.ok('import.preview', { file })
    const previewMs = performance.now() - t
    expect(preview.counts).toEqual({ rows: ROWS, valid: ROWS, withProblems: 0, alreadyImported: 0, repeatedInFile: 0 })

    t = performance.now()
    const cpu = process.cpuUsage()
    const commit = desk.ok('import.commit', { file, importId: 'large-1' })
    let finished = false
    void commit.finally(() => (finished = true))
    const seen: ImportProgress[] = []
    while (!finished) {
      seen.push(await desk.ok('import.progress', { importId: 'large-1' }))
      await sleep(25)
    }
    const result = await commit
    const commitMs = performance.now() - t
    const used = process.cpuUsage(cpu)
    const commitCpuMs = (used.user + used.system) / 1000 // the wall time depends on the machine's load

    expect(result).toMatchObject({
      imported: ROWS,
      leftOut: 0,
      firstNumber: '2026-000001',
      lastNumber: `2026-${String(ROWS).padStart(6, '0')}`,
    })
    expect(await desk.count('appeals')).toBe(ROWS)
    expect(await desk.sql('SELECT COUNT(*) AS n FROM import_fingerprints')).toEqual([{ n: ROWS }])
    expect(
      await desk.sql("SELECT COUNT(*) AS n FROM audit_entries WHERE entity = 'appeal' AND action = 'create'"),
    ).toEqual([{ n: ROWS }])
    expect(await desk.sql('SELECT COUNT(DISTINCT reg_number) AS n FROM appeals')).toEqual([{ n: ROWS }])
    expect((await desk.ok('appeals.list', { query: 'Азамат9999' })).total).toBe(1)
    expect((await desk.ok('audit.verify', {})).firstBroken).toBeNull()

    // progress was answered while the commit was writing, and moved forward
    const writing = seen.filter((p) => p.phase === 'writing' && p.done > 0 && p.done < p.total)
    expect(writing.length).toBeGreaterThan(0)
    expect(writing.map((p) => p.done)).toEqual([...writing.map((p) => p.done)].sort((a, b) => a - b))
    expect(await desk.ok('import.progress', { importId: 'large-1' })).toEqual({
      importId: 'large-1',
      phase: 'done',
      done: ROWS,
      total: ROWS,
    })

    t = performance.now()
    const again = await desk.ok('import.commit', { file })
    const againMs = performance.now() - t
    expect(again).toMatchObject({ imported: 0, alreadyImported: ROWS })

    console.log(
      `import of ${ROWS} rows: file built ${built.toFixed(0)} ms (${(file.base64.length / 1024).toFixed(0)} KB base64), ` +
        `preview ${previewMs.toFixed(0)} ms, commit ${commitMs.toFixed(0)} ms (CPU ${commitCpuMs.toFixed(0)} ms; ${seen.length} progress reads, ${writing.length} mid-write), ` +
        `re-import ${againMs.toFixed(0)} ms`,
    )
  }, 120_000)
})
