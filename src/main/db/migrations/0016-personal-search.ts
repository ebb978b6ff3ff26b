import { TableColumn, type QueryRunner } from 'typeorm'
import type { Migration } from './types'
import { personalSearchText, publicSearchText } from './0016-data/searchTexts'

/** Rows read and written at a time (three parameters a row: well under SQLite's 32,766). */
const BATCH = 500

/**
 * The list's search also finds a registration number by its count alone ("12"), the office's
 * own earlier number, and, for who may see personal data, the applicant's IIN/BIN, phone and
 * address. These go into a second folded column, `personal_search_text`, so that a search by
 * anyone else never reads them: on SQLite the full-text index becomes two columns (a search
 * without the right names `search_text` alone), on PostgreSQL the new column gets its own
 * trigram index. Every row's two texts are computed again here; the index's triggers and
 * contents are the runner's (db/derived/appealSearch.ts), which installs them after the run,
 * so the old triggers go first (they would write to the old index while the rows change).
 * Self-contained: it reads and writes `appeals` with SQL only.
 */
export const personalSearch: Migration = {
  version: 16,
  name: 'personal-search',
  async up(qr: QueryRunner) {
    const sqlite = qr.connection.options.type !== 'postgres'
    if (sqlite) {
      for (const trigger of ['appeals_fts_insert', 'appeals_fts_delete', 'appeals_fts_update'])
        await qr.query(`DROP TRIGGER IF EXISTS ${trigger}`)
      await qr.query('DROP TABLE IF EXISTS appeals_fts')
    }
    await qr.addColumn(
      'appeals',
      new TableColumn({ name: 'personal_search_text', type: 'text', default: "''", isNullable: false }),
    )
    await refill(qr)
    if (sqlite)
      await qr.query(
        "CREATE VIRTUAL TABLE appeals_fts USING fts5(search_text, personal_search_text, content='appeals', content_rowid='id', tokenize='unicode61', prefix='2 3')",
      )
    else
      await qr.query(
        'CREATE INDEX idx_appeals_personal_search_trgm ON appeals USING gin (personal_search_text gin_trgm_ops)',
      )
  },
}

interface Row {
  id: number
  reg_number: string
  external_number: string | null
  applicant_name: string | null
  summary: string
  applicant_id_number: string | null
  applicant_phone: string | null
  applicant_address: string | null
}

/**
 * Both texts of every appeal, a batch at a time in id order: each batch's texts go into a
 * scratch table with one multi-row INSERT and reach `appeals` with one UPDATE … FROM at the end
 * (a statement per row costs minutes at a million appeals).
 */
async function refill(qr: QueryRunner): Promise<void> {
  const p = (i: number) => qr.connection.driver.createParameter(`p${i}`, i)
  await qr.query(
    'CREATE TEMPORARY TABLE appeal_search_refill (id integer PRIMARY KEY, search_text text NOT NULL, personal_search_text text NOT NULL)',
  )
  let after = 0
  for (;;) {
    const rows: Row[] = await qr.query(
      `SELECT id, reg_number, external_number, applicant_name, summary, applicant_id_number, applicant_phone, applicant_address
       FROM appeals WHERE id > ${p(0)} ORDER BY id LIMIT ${BATCH}`,
      [after],
    )
    if (rows.length === 0) break
    const params: unknown[] = []
    const tuples = rows.map((row) => {
      params.push(
        Number(row.id),
        publicSearchText(row.reg_number, row.external_number, row.applicant_name, row.summary),
        personalSearchText(row.applicant_id_number, row.applicant_phone, row.applicant_address),
      )
      const n = params.length
      return `(${p(n - 3)}, ${p(n - 2)}, ${p(n - 1)})`
    })
    await qr.query(
      `INSERT INTO appeal_search_refill (id, search_text, personal_search_text) VALUES ${tuples.join(', ')}`,
      params,
    )
    after = Number(rows.at(-1)!.id)
  }
  await qr.query(
    `UPDATE appeals SET search_text = r.search_text, personal_search_text = r.personal_search_text
     FROM appeal_search_refill r WHERE r.id = appeals.id`,
  )
  await qr.query('DROP TABLE appeal_search_refill')
}
