import type { Queryable } from '../queryable'

/**
 * What a PostgreSQL database holds that makes it not empty, in the schema the connection works
 * in (current_schema(), normally `public`): any table, partitioned table, view, materialized
 * view, sequence or foreign table, and any function or type that is not part of an installed
 * extension (pg_trgm's functions, made by an administrator beforehand, are allowed). Other
 * schemas are not looked at: the program never uses them. So a database is empty when it is
 * as CREATE DATABASE made it, with or without extensions; a table with rows and an empty
 * table alike make it not empty, as does the schema of an earlier program left half-made.
 * Returns what was found, by kind and name, tables first (empty list: empty).
 */
export async function nonEmptyObjects(db: Queryable): Promise<string[]> {
  const rows: { kind: string; name: string }[] = await db.query(
    `SELECT kind, name FROM (WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = current_schema()),
     ext AS (SELECT objid FROM pg_depend WHERE deptype = 'e')
     SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
              WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' ELSE 'foreign table' END AS kind,
            c.relname AS name
       FROM pg_class c
      WHERE c.relnamespace = (SELECT oid FROM ns) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND c.oid NOT IN (SELECT objid FROM ext)
     UNION ALL
     SELECT 'function', p.proname FROM pg_proc p
      WHERE p.pronamespace = (SELECT oid FROM ns) AND p.oid NOT IN (SELECT objid FROM ext)
     UNION ALL
     SELECT 'type', t.typname FROM pg_type t
      WHERE t.typnamespace = (SELECT oid FROM ns) AND t.oid NOT IN (SELECT objid FROM ext)
        AND t.typtype IN ('e', 'd', 'c', 'r', 'm')
        AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)
     ) AS found ORDER BY kind <> 'table', kind, name`,
  )
  return rows.map((r) => `${r.kind} ${r.name}`)
}
