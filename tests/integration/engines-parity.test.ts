import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../src/main/db/database'
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations'
import { ctypeBlindToCyrillic } from '../../src/main/server/clusterLocale'
import { postgresDatabase } from '../helpers/engines'
import { useFileTempDirs } from '../helpers/cleanup'
import { schemaShape } from '../helpers/schemaShape'

/**
 * Every migration on both engines leaves the same schema: tables, columns with their mapped
 * types (tests/helpers/schemaShape.ts says how), primary keys, unique columns, foreign keys,
 * indexes with their partial conditions. What only one engine has is named here: SQLite's
 * FTS5 index (appeals_fts and its shadow tables) against PostgreSQL's trigram indexes on the
 * two folded columns, and each engine's triggers.
 */
const tempDir = useFileTempDirs()

describe('the schema on SQLite and on PostgreSQL', () => {
  const opened: Database[] = []
  afterAll(async () => {
    for (const db of opened) await db.close()
  })

  async function both(): Promise<{ sqlite: Database; postgres: Database }> {
    const sqlite = await openDatabase({ file: join(tempDir('akimat-parity-'), 'akimat.sqlite') })
    opened.push(sqlite)
    const postgres = await openDatabase({ file: '', postgresUrl: await postgresDatabase() })
    opened.push(postgres)
    return { sqlite, postgres }
  }

  it('is the same after all migrations, but for each engine’s search index', async () => {
    const { sqlite, postgres } = await both()
    expect(sqlite.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(postgres.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    const onSqlite = await schemaShape(sqlite.dataSource, ['appeals_fts'])
    const onPostgres = await schemaShape(postgres.dataSource, [])
    for (const column of ['search_text', 'personal_search_text']) {
      const name = column === 'search_text' ? 'idx_appeals_search_trgm' : 'idx_appeals_personal_search_trgm'
      expect(onPostgres.appeals!.indexes[name]).toEqual({
        columns: [`${column} gin_trgm_ops`],
        unique: false,
        where: null,
      })
      delete onPostgres.appeals!.indexes[name]
    }
    expect(Object.keys(onPostgres).sort()).toEqual(Object.keys(onSqlite).sort())
    for (const table of Object.keys(onSqlite))
      expect({ table, ...onPostgres[table] }).toEqual({ table, ...onSqlite[table] })
    // the partial indexes are there on both, with the same condition
    expect(onPostgres.appeals!.indexes.idx_appeals_annulled!.where).toBe("status='annulled'")
    expect(onPostgres.appeals!.indexes.idx_appeals_meeting_questions!.where).toBe('meeting_idisnotnull')
  })

  it('looks a Kazakh or Russian word up in the trigram index on PostgreSQL, made as the office server makes it', async () => {
    const { postgres } = await both()
    const runner = postgres.dataSource.createQueryRunner()
    try {
      const [database] = (await runner.query(
        'SELECT datctype AS ctype FROM pg_database WHERE datname = current_database()',
      )) as { ctype: string }[]
      expect(ctypeBlindToCyrillic(database!.ctype)).toBe(false)
      // In a C-ctype database pg_trgm sees no word characters in Cyrillic: no index scan is
      // possible at all, and the plan stays a sequential scan even when those are switched off.
      await runner.query('SET enable_seqscan = off')
      for (const [column, index] of [
        ['search_text', 'idx_appeals_search_trgm'],
        ['personal_search_text', 'idx_appeals_personal_search_trgm'],
      ]) {
        const plan: { 'QUERY PLAN': string }[] = await runner.query(
          `EXPLAIN SELECT id FROM appeals WHERE ${column} ~ '(^|[^0-9a-zа-яё])кайрат'`,
        )
        expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain(index)
      }
    } finally {
      await runner.query('RESET enable_seqscan')
      await runner.release()
    }
  })

  it('has the triggers each engine keeps its derived counts and its append-only history with', async () => {
    const { sqlite, postgres } = await both()
    const sqliteTriggers: { name: string }[] = await sqlite.dataSource.query(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
    )
    expect(sqliteTriggers.map((t) => t.name)).toEqual([
      'appeal_year_counts_delete',
      'appeal_year_counts_insert',
      'appeal_year_counts_update',
      'appeals_fts_delete',
      'appeals_fts_insert',
      'appeals_fts_update',
      'audit_entries_no_delete',
      'audit_entries_no_update',
    ])
    const postgresTriggers: { name: string }[] = await postgres.dataSource.query(
      'SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname',
    )
    expect(postgresTriggers.map((t) => t.name)).toEqual([
      'appeal_year_counts_change',
      'audit_entries_no_delete',
      'audit_entries_no_update',
    ])
  })
})
