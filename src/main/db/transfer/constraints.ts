import type { Queryable } from '../queryable'
import { quote } from './schema'

/**
 * Foreign keys checked at the end of the copy rather than row by row, so that tables can be
 * copied in any order and a table that refers to itself (a settlement's okrug) in key order.
 * SQLite: `defer_foreign_keys` for the transaction. PostgreSQL's keys are not deferrable as the
 * migrations make them, so each is altered to DEFERRABLE inside the copy's transaction and
 * altered back once checked (`restore`): the schema ends as the migrations left it, and a
 * failure rolls the alteration back with everything else.
 */
export interface DeferredKeys {
  /** Checks every key now (a broken one throws) and puts the keys back as they were. */
  restore(): Promise<void>
}

export async function deferForeignKeys(db: Queryable): Promise<DeferredKeys> {
  if (db.connection.options.type !== 'postgres') {
    await db.query('PRAGMA defer_foreign_keys = ON')
    return {
      async restore() {
        const broken: { table: string }[] = await db.query('PRAGMA foreign_key_check')
        if (broken.length > 0)
          throw new Error(`the copy breaks ${broken.length} foreign key(s), first in ${broken[0]!.table}`)
      },
    }
  }
  const keys: { table: string; name: string }[] = await db.query(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name FROM pg_constraint c
     WHERE c.contype = 'f' AND NOT c.condeferrable
       AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`,
  )
  for (const key of keys)
    await db.query(`ALTER TABLE ${key.table} ALTER CONSTRAINT ${quote(key.name)} DEFERRABLE INITIALLY DEFERRED`)
  return {
    async restore() {
      await db.query('SET CONSTRAINTS ALL IMMEDIATE')
      for (const key of keys)
        await db.query(`ALTER TABLE ${key.table} ALTER CONSTRAINT ${quote(key.name)} NOT DEFERRABLE`)
    },
  }
}
