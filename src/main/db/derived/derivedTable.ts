import type { QueryRunner } from 'typeorm'

/**
 * A table derived from `appeals` and kept in step with it by triggers on `appeals` (SQLite
 * only), so that every write path, ORM or SQL, changes it in the same transaction. A migration
 * creates the table; its triggers and its contents are the migration runner's (db/migrate.ts).
 */
export interface DerivedTable {
  /** The derived table: while a database has no such table, there is nothing to keep. */
  table: string
  /** The current trigger definitions on `appeals`, by name: the one place they are written. */
  triggers: Record<string, string>
  /** Statements that compute the table's contents again from the rows of `appeals`. */
  rederive: readonly string[]
}

/**
 * Makes the table's triggers the current definitions and computes its contents again, when
 * the database has the table and any of its triggers is missing (SQLite drops a table's
 * triggers with it, so a rebuild of `appeals` loses them) or differs from the definition.
 * Returns whether it had anything to do.
 */
export async function keepDerivedTable(qr: QueryRunner, derived: DerivedTable): Promise<boolean> {
  const objects: { type: string; name: string; sql: string }[] = await qr.query(
    "SELECT type, name, sql FROM sqlite_master WHERE (type = 'table' AND name = ?) OR (type = 'trigger' AND tbl_name = 'appeals')",
    [derived.table],
  )
  if (!objects.some((o) => o.type === 'table')) return false
  const installed = new Map(objects.filter((o) => o.type === 'trigger').map((o) => [o.name, o.sql]))
  const current = Object.entries(derived.triggers)
  if (current.every(([name, sql]) => installed.get(name) === sql)) return false

  for (const [name] of current) await qr.query(`DROP TRIGGER IF EXISTS ${name}`)
  for (const [, sql] of current) await qr.query(sql)
  for (const sql of derived.rederive) await qr.query(sql)
  return true
}
