import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Client } from 'pg'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { useCleanup } from '../helpers/cleanup'
import { postgresDatabase } from '../helpers/engines'
import { dumpDatabase, migratedDatabase, steady, type DatabaseDump } from '../helpers/migratedDatabase'

/**
 * The migrations on PostgreSQL, on databases holding rows: 0001–0007 leave the rows recorded
 * on SQLite when they shipped (tests/fixtures/migrations/shipped-0001-0007.json: backfilled
 * search texts, counters, the audit hash chain, consolidation codes), and the whole list
 * leaves the same rows as on SQLite, the yearly counts included. PostgreSQL gives booleans as
 * true/false where SQLite gives 1/0: read as 1/0 here.
 */

const expected = JSON.parse(readFileSync(join(__dirname, '../fixtures/migrations/shipped-0001-0007.json'), 'utf8')) as {
  calendarDays: DatabaseDump['calendarDays']
  databases: Record<string, { rows: DatabaseDump['rows'] }>
}
const cleanup = useCleanup()

const canonical = (row: Record<string, unknown>) =>
  JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1))))
const sorted = (rows: Record<string, unknown>[]) =>
  rows
    .map((row) => JSON.parse(canonical(row)) as Record<string, unknown>)
    .sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1))

async function postgresRows(url: string, since: string): Promise<Omit<DatabaseDump, 'schema' | 'searchTerms'>> {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    )
    const rows: DatabaseDump['rows'] = {}
    for (const { name } of tables.rows) {
      if (name === 'calendar_days') continue
      const result = await client.query<Record<string, unknown>>(`SELECT * FROM "${name}"`)
      rows[name] = sorted(
        result.rows.map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : steady(v, since)]),
          ),
        ),
      )
    }
    const days = await client.query('SELECT date, kind, note FROM calendar_days ORDER BY date')
    return {
      rows,
      calendarDays: {
        count: days.rows.length,
        sha256: createHash('sha256').update(JSON.stringify(days.rows)).digest('hex'),
      },
    }
  } finally {
    await client.end()
  }
}

describe('the migrations on PostgreSQL', () => {
  it.each([
    ['new', 0],
    ['from version 1', 1],
    ['from version 3', 3],
    ['from version 5', 5],
  ])('0001–0007 leave the rows recorded on SQLite: %s', async (name, from) => {
    const since = new Date().toISOString()
    const url = await postgresDatabase()
    await migratedDatabase(url, MIGRATIONS.slice(0, 7), from)
    const actual = await postgresRows(url, since)
    const want = expected.databases[name]!.rows
    expect(Object.keys(actual.rows).sort()).toEqual(
      Object.keys(want)
        .filter((t) => t !== 'appeals_fts')
        .sort(),
    )
    for (const table of Object.keys(actual.rows))
      expect({ table, rows: actual.rows[table] }).toEqual({ table, rows: sorted(want[table]!) })
    expect(actual.calendarDays).toEqual(expected.calendarDays)
  })

  it('every migration, from version 1 with rows, leaves the rows SQLite has', async () => {
    const since = new Date().toISOString()
    const url = await postgresDatabase()
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    await migratedDatabase(url, MIGRATIONS, 1)
    await migratedDatabase(file, MIGRATIONS, 1)
    const onPostgres = await postgresRows(url, since)
    const onSqlite = dumpDatabase(file, since)
    for (const [table, rows] of Object.entries(onSqlite.rows)) {
      if (table === 'calendar_days' || table.startsWith('appeals_fts')) continue
      // when each migration ran differs between the two runs
      const comparable = (r: Record<string, unknown>[]) =>
        table === 'schema_migrations' ? r.map(({ applied_at: _, ...rest }) => rest) : r
      expect({ table, rows: comparable(onPostgres.rows[table] ?? []) }).toEqual({
        table,
        rows: comparable(sorted(rows)),
      })
    }
    expect(onPostgres.rows.appeal_year_counts!.length).toBeGreaterThan(0)
    expect(onPostgres.calendarDays).toEqual(onSqlite.calendarDays)
  })
})
