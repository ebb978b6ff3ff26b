import type { QueryRunner } from 'typeorm'

/**
 * The full-text index of appeals (SQLite FTS5 over appeals.search_text), kept in step by
 * triggers so that every write path, ORM or SQL, updates it in the same transaction.
 *
 * On SQLite, TypeORM changes a table's columns by rebuilding the table, and dropping the old
 * table drops its triggers: every migration that alters `appeals` must call
 * `restoreAppealSearchTriggers` afterwards (a test checks search after all migrations), and
 * `restoreAppealYearCounts` (appealYearCounts.ts: the report's counts are kept by triggers on
 * `appeals` too, since migration 0006).
 */
export async function createAppealSearchIndex(qr: QueryRunner): Promise<void> {
  await qr.query(
    "CREATE VIRTUAL TABLE appeals_fts USING fts5(search_text, content='appeals', content_rowid='id', tokenize='unicode61', prefix='2 3')",
  )
  await restoreAppealSearchTriggers(qr)
}

export async function restoreAppealSearchTriggers(qr: QueryRunner): Promise<void> {
  for (const name of ['appeals_fts_insert', 'appeals_fts_delete', 'appeals_fts_update'])
    await qr.query(`DROP TRIGGER IF EXISTS ${name}`)
  await qr.query(`CREATE TRIGGER appeals_fts_insert AFTER INSERT ON appeals BEGIN
    INSERT INTO appeals_fts(rowid, search_text) VALUES (new.id, new.search_text);
  END`)
  await qr.query(`CREATE TRIGGER appeals_fts_delete AFTER DELETE ON appeals BEGIN
    INSERT INTO appeals_fts(appeals_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  END`)
  await qr.query(`CREATE TRIGGER appeals_fts_update AFTER UPDATE OF search_text ON appeals BEGIN
    INSERT INTO appeals_fts(appeals_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO appeals_fts(rowid, search_text) VALUES (new.id, new.search_text);
  END`)
  // Re-read the index from the table: after a rebuild it must match the rows exactly.
  await qr.query("INSERT INTO appeals_fts(appeals_fts) VALUES ('rebuild')")
}
