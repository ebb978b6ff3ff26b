import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { useCleanup } from '../helpers/cleanup'
import { dumpDatabase, migratedDatabase, type DatabaseDump, type SchemaObject } from '../helpers/migratedDatabase'

/**
 * The shipped migrations 0001–0007 do today exactly what they did when they shipped: a new
 * database, and databases upgraded from versions 1, 3 and 5 holding rows, come out with the
 * schema (every table, index and trigger with its SQL), the rows, the calendar and the
 * full-text index recorded in tests/fixtures/migrations/shipped-0001-0007.json, which was
 * written by these migrations before they were made self-contained.
 *
 * The triggers that keep the full-text index and the yearly counts are not a migration's but
 * the runner's current definitions (src/main/db/derived/): if one of those changes, its entry
 * in the recording changes with it.
 */

interface ExpectedDatabase {
  /** The schema objects whose SQL differs from a new database's (TypeORM lists an upgraded table's constraints in another order). */
  schemaChanges: Record<string, string>
  rows: DatabaseDump['rows']
  searchTerms: DatabaseDump['searchTerms']
}

const expected = JSON.parse(readFileSync(join(__dirname, '../fixtures/migrations/shipped-0001-0007.json'), 'utf8')) as {
  schema: SchemaObject[]
  calendarDays: DatabaseDump['calendarDays']
  databases: Record<string, ExpectedDatabase>
}

const SHIPPED = MIGRATIONS.slice(0, 7)
const cleanup = useCleanup()

describe('the shipped migrations 0001–0007', () => {
  it.each([
    ['new', 0],
    ['from version 1', 1],
    ['from version 3', 3],
    ['from version 5', 5],
  ])('give the recorded schema and rows: %s', async (name, from) => {
    const since = new Date().toISOString()
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    await migratedDatabase(file, SHIPPED, from)
    const actual = dumpDatabase(file, since)
    const want = expected.databases[name]!

    expect(actual.schema).toEqual(expected.schema.map((o) => ({ ...o, sql: want.schemaChanges[o.name] ?? o.sql })))
    expect(actual.rows).toEqual(want.rows)
    expect(actual.calendarDays).toEqual(expected.calendarDays)
    expect(actual.searchTerms).toEqual(want.searchTerms)
  })

  it('the recording holds what the migrations are expected to leave (it is not empty)', () => {
    const names = expected.schema.map((o) => `${o.type} ${o.name}`)
    expect(names).toEqual(
      expect.arrayContaining([
        'table appeals',
        'table appeals_fts',
        'table meeting_measures',
        'trigger appeals_fts_insert',
        'trigger appeal_year_counts_update',
        'trigger audit_entries_no_delete',
      ]),
    )
    expect(expected.calendarDays.count).toBeGreaterThan(0)
    const upgraded = expected.databases['from version 1']!
    expect(upgraded.rows.appeals).toHaveLength(3)
    for (const entry of upgraded.rows.audit_entries!) expect(entry.hash).toMatch(/^[0-9a-f]{64}$/)
    // 0002 folded the older appeals' texts: Kazakh letters and ё are searched without them
    expect(upgraded.searchTerms).toMatchObject({ нургалиева: [1], елка: [2], хауа: [3], '2025': [2, 3] })
  })
})
