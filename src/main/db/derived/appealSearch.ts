import type { DerivedTable } from './derivedTable'

/**
 * The full-text index of appeals (`appeals_fts`, FTS5 with external content over
 * appeals.search_text and, since migration 0016, appeals.personal_search_text, which a search
 * reads only for a caller who may see personal data): the triggers that keep it in step with
 * the rows, and re-reading it from the table (after a rebuild of `appeals` it must match the
 * rows exactly).
 */
export const APPEAL_SEARCH: DerivedTable = {
  table: 'appeals_fts',
  triggers: {
    appeals_fts_insert: `CREATE TRIGGER appeals_fts_insert AFTER INSERT ON appeals BEGIN
    INSERT INTO appeals_fts(rowid, search_text, personal_search_text) VALUES (new.id, new.search_text, new.personal_search_text);
  END`,
    appeals_fts_delete: `CREATE TRIGGER appeals_fts_delete AFTER DELETE ON appeals BEGIN
    INSERT INTO appeals_fts(appeals_fts, rowid, search_text, personal_search_text) VALUES ('delete', old.id, old.search_text, old.personal_search_text);
  END`,
    appeals_fts_update: `CREATE TRIGGER appeals_fts_update AFTER UPDATE OF search_text, personal_search_text ON appeals BEGIN
    INSERT INTO appeals_fts(appeals_fts, rowid, search_text, personal_search_text) VALUES ('delete', old.id, old.search_text, old.personal_search_text);
    INSERT INTO appeals_fts(rowid, search_text, personal_search_text) VALUES (new.id, new.search_text, new.personal_search_text);
  END`,
  },
  rederive: ["INSERT INTO appeals_fts(appeals_fts) VALUES ('rebuild')"],
  before: {
    column: 'personal_search_text',
    triggers: {
      appeals_fts_insert: `CREATE TRIGGER appeals_fts_insert AFTER INSERT ON appeals BEGIN
    INSERT INTO appeals_fts(rowid, search_text) VALUES (new.id, new.search_text);
  END`,
      appeals_fts_delete: `CREATE TRIGGER appeals_fts_delete AFTER DELETE ON appeals BEGIN
    INSERT INTO appeals_fts(appeals_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  END`,
      appeals_fts_update: `CREATE TRIGGER appeals_fts_update AFTER UPDATE OF search_text ON appeals BEGIN
    INSERT INTO appeals_fts(appeals_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO appeals_fts(rowid, search_text) VALUES (new.id, new.search_text);
  END`,
    },
  },
}
