import type { QueryRunner } from 'typeorm'

/**
 * The full-text index of appeals as migration 0002 created it: an FTS5 table over
 * appeals.search_text (external content, so the text is stored once). Only the table: the
 * triggers that keep it in step with appeals, and filling it, are the migration runner's
 * (src/main/db/derived/appealSearch.ts), which installs them at the end of the run.
 */
export async function createAppealSearchIndex(qr: QueryRunner): Promise<void> {
  await qr.query(
    "CREATE VIRTUAL TABLE appeals_fts USING fts5(search_text, content='appeals', content_rowid='id', tokenize='unicode61', prefix='2 3')",
  )
}
