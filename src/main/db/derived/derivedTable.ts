import type { QueryRunner } from 'typeorm'
import { engineOf } from '../dialect'

/**
 * A table derived from `appeals` and kept in step with it by triggers on `appeals`, so that
 * every write path, ORM or SQL, changes it in the same transaction. A migration creates the
 * table; its triggers and its contents are the migration runner's (db/migrate.ts). The
 * definitions below are SQLite's; `postgres` holds PostgreSQL's (PL/pgSQL functions and the
 * triggers calling them), absent for a table PostgreSQL does without (the FTS5 index: the
 * server searches the folded column itself).
 */
export interface DerivedTable {
  /** The derived table: while a database has no such table, there is nothing to keep. */
  table: string
  /** The current trigger definitions on `appeals`, by name: the one place they are written. */
  triggers: Record<string, string>
  /** Statements that compute the table's contents again from the rows of `appeals`. */
  rederive: readonly string[]
  postgres?: PostgresDerived
  /**
   * The triggers of the table as it was before a migration gave it `column` (SQLite): what a
   * database migrated part way gets (tests upgrade from older versions in steps), since today's
   * triggers would write a column its table does not have yet.
   */
  before?: { column: string; triggers: Record<string, string> }
}

export interface PostgresDerived {
  /** Trigger functions by name: the body between the dollar quotes (compared with pg_proc.prosrc). */
  functions: Record<string, string>
  /** The triggers on `appeals` that call them, by name. */
  triggers: Record<string, string>
  rederive: readonly string[]
}

/**
 * Makes the table's triggers the current definitions and computes its contents again, when
 * the database has the table and any of its triggers is missing (SQLite drops a table's
 * triggers with it, so a rebuild of `appeals` loses them) or differs from the definition.
 * Returns whether it had anything to do.
 */
export async function keepDerivedTable(qr: QueryRunner, derived: DerivedTable): Promise<boolean> {
  if (engineOf(qr.connection) === 'postgres')
    return derived.postgres ? keepOnPostgres(qr, derived.table, derived.postgres) : false
  const objects: { type: string; name: string; sql: string }[] = await qr.query(
    "SELECT type, name, sql FROM sqlite_master WHERE (type = 'table' AND name = ?) OR (type = 'trigger' AND tbl_name = 'appeals')",
    [derived.table],
  )
  const table = objects.find((o) => o.type === 'table')
  if (!table) return false
  const installed = new Map(objects.filter((o) => o.type === 'trigger').map((o) => [o.name, o.sql]))
  const older = derived.before && !table.sql.includes(derived.before.column)
  const current = Object.entries(older ? derived.before!.triggers : derived.triggers)
  if (current.every(([name, sql]) => installed.get(name) === sql)) return false

  for (const [name] of current) await qr.query(`DROP TRIGGER IF EXISTS ${name}`)
  for (const [, sql] of current) await qr.query(sql)
  for (const sql of derived.rederive) await qr.query(sql)
  return true
}

/**
 * PostgreSQL keeps a table's triggers when its columns change (no rebuild), but a definition
 * changed by a later version must still reach the database: installed when a function's body
 * or a trigger is missing or differs, then the contents computed again, as on SQLite.
 */
async function keepOnPostgres(qr: QueryRunner, table: string, derived: PostgresDerived): Promise<boolean> {
  const [exists] = (await qr.query('SELECT to_regclass($1) AS name', [table])) as { name: string | null }[]
  if (!exists?.name) return false
  const functions: { name: string; body: string }[] = await qr.query(
    'SELECT proname AS name, prosrc AS body FROM pg_proc WHERE proname = ANY($1)',
    [Object.keys(derived.functions)],
  )
  const triggers: { name: string; definition: string }[] = await qr.query(
    "SELECT tgname AS name, pg_get_triggerdef(oid) AS definition FROM pg_trigger WHERE tgrelid = 'appeals'::regclass AND NOT tgisinternal",
  )
  const bodies = new Map(functions.map((f) => [f.name, f.body]))
  const installed = new Set(triggers.map((t) => t.name))
  const current =
    Object.entries(derived.functions).every(([name, body]) => bodies.get(name) === body) &&
    Object.keys(derived.triggers).every((name) => installed.has(name))
  if (current) return false

  for (const [name, body] of Object.entries(derived.functions))
    await qr.query(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $body$${body}$body$`)
  for (const [name, sql] of Object.entries(derived.triggers)) {
    await qr.query(`DROP TRIGGER IF EXISTS ${name} ON appeals`)
    await qr.query(sql)
  }
  for (const sql of derived.rederive) await qr.query(sql)
  return true
}
