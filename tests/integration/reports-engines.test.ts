import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core'
import { ADMIN } from '../helpers/context'
import { startTestCore } from '../helpers/core'
import { postgresDatabase } from '../helpers/engines'
import { useFileTempDirs } from '../helpers/cleanup'

/**
 * Every report built from the sample district gives the same model on PostgreSQL as on SQLite
 * (reports-golden.test.ts holds SQLite's against the reference tables): the same SQL through
 * the dialect, the same counts, the same order.
 */
const cores: Record<'sqlite' | 'postgres', Core> = {} as never
const NOW = () => new Date('2026-11-27T10:00:00')

const tempDir = useFileTempDirs()

beforeAll(async () => {
  const dir = tempDir('akimat-engines-')
  cores.sqlite = await startTestCore(join(dir, 'sqlite', 'akimat.sqlite'), { clock: NOW })
  cores.postgres = await startTestCore(join(dir, 'postgres', 'akimat.sqlite'), {
    clock: NOW,
    postgresUrl: await postgresDatabase(),
  })
  for (const core of Object.values(cores)) {
    const loaded = await core.dispatch('sample.load', {}, ADMIN)
    expect(loaded).toMatchObject({ ok: true, data: { meetings: 22, questions: 326 } })
  }
}, 300_000)

afterAll(async () => {
  for (const core of Object.values(cores)) await core.close()
})

const REPORTS = [
  { kind: 'sector-by-year', from: 2021, to: 2023, source: 'meetings', localityId: null },
  { kind: 'sector-by-year', from: 2021, to: 2026, source: 'all', localityId: null },
  { kind: 'quarterly', quarter: '2023-Q2', localityId: null },
  { kind: 'register', from: '2023-01-01', to: '2023-12-31', localityId: null },
  { kind: 'press-summary', year: 2023 },
] as const

describe.each(['kk', 'ru'] as const)('reports in %s', (lang) => {
  it.each(REPORTS.map((params) => [`${params.kind} ${JSON.stringify(params)}`, params] as const))(
    '%s: the same model on both engines',
    async (_name, params) => {
      const build = async (core: Core) => {
        const result = await core.dispatch('reports.build', { lang, params }, ADMIN)
        if (!result.ok) throw new Error(JSON.stringify(result.error))
        return result.data
      }
      const onSqlite = await build(cores.sqlite)
      expect(JSON.stringify(onSqlite).length).toBeGreaterThan(500)
      expect(await build(cores.postgres)).toEqual(onSqlite)
    },
  )
})
