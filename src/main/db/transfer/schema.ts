import { engineOf, type Engine } from '../dialect'
import type { Queryable } from '../queryable'

/**
 * How a column's values are compared and written across the two engines, from its declared
 * type (the migrations use integer, varchar, text, boolean and date; the rest are here so that
 * a later column of another type is copied rather than refused, or refused by name).
 */
export type ColumnKind = 'integer' | 'real' | 'boolean' | 'date' | 'text' | 'blob'

export interface ColumnInfo {
  name: string
  kind: ColumnKind
}

export interface TableInfo {
  name: string
  /** Every column, sorted by name (the two engines may list them in another order). */
  columns: ColumnInfo[]
  /** The primary key's columns, in the key's order: rows are read and checksummed in this order. */
  primaryKey: ColumnInfo[]
  /**
   * The integer key whose counter the database keeps (SQLite AUTOINCREMENT, a PostgreSQL
   * serial's sequence): the copy carries the counter, not only the rows.
   */
  counter: { column: string; sequence: string | null } | null
}

/** A database's tables as the copier sees them: discovered from the schema, never a fixed list. */
export interface SchemaInfo {
  engine: Engine
  tables: Map<string, TableInfo>
}

export function columnKind(declared: string): ColumnKind | null {
  const type = declared.toLowerCase().trim()
  if (type.includes('bool')) return 'boolean'
  if (/^(integer|int|bigint|smallint|int2|int4|int8|tinyint|mediumint)\b/.test(type)) return 'integer'
  if (/(real|double|float|numeric|decimal)/.test(type)) return 'real'
  if (type === 'date') return 'date'
  if (/(blob|bytea)/.test(type)) return 'blob'
  if (/(char|text|clob)/.test(type)) return 'text'
  return null
}

/** The tables of a database: base tables only (no views, no SQLite virtual tables or their shadow tables). */
export async function readSchema(db: Queryable): Promise<SchemaInfo> {
  const engine = engineOf(db.connection)
  const names = engine === 'postgres' ? await postgresTables(db) : await sqliteTables(db)
  const tables = new Map<string, TableInfo>()
  for (const name of names.sort())
    tables.set(name, engine === 'postgres' ? await postgresTable(db, name) : await sqliteTable(db, name))
  return { engine, tables }
}

async function sqliteTables(db: Queryable): Promise<string[]> {
  const rows: { schema: string; name: string; type: string }[] = await db.query('PRAGMA table_list')
  return rows
    .filter((r) => r.schema === 'main' && r.type === 'table' && !r.name.startsWith('sqlite_'))
    .map((r) => r.name)
}

async function sqliteTable(db: Queryable, name: string): Promise<TableInfo> {
  const rows: { name: string; type: string; pk: number }[] = await db.query(`PRAGMA table_info(${quote(name)})`)
  const columns = rows.map((r) => column(name, r.name, r.type)).sort(byName)
  const primaryKey = rows
    .filter((r) => r.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((r) => columns.find((c) => c.name === r.name)!)
  const [{ sql } = { sql: '' }]: { sql: string }[] = await db.query(
    "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
    [name],
  )
  const autoincrement = /\bAUTOINCREMENT\b/i.test(sql) && primaryKey.length === 1
  return {
    name,
    columns,
    primaryKey: checkedKey(name, primaryKey),
    counter: autoincrement ? { column: primaryKey[0]!.name, sequence: null } : null,
  }
}

async function postgresTables(db: Queryable): Promise<string[]> {
  const rows: { name: string }[] = await db.query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
  )
  return rows.map((r) => r.name)
}

async function postgresTable(db: Queryable, name: string): Promise<TableInfo> {
  const rows: { name: string; type: string }[] = await db.query(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1`,
    [name],
  )
  const columns = rows.map((r) => column(name, r.name, r.type)).sort(byName)
  const keyRows: { name: string }[] = await db.query(
    `SELECT a.attname AS name FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = to_regclass($1) AND i.indisprimary
     ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [quote(name)],
  )
  const primaryKey = checkedKey(
    name,
    keyRows.map((k) => columns.find((c) => c.name === k.name)!),
  )
  let counter: TableInfo['counter'] = null
  if (primaryKey.length === 1 && primaryKey[0]!.kind === 'integer') {
    const [serial]: { sequence: string | null }[] = await db.query(
      'SELECT pg_get_serial_sequence($1, $2) AS sequence',
      [quote(name), primaryKey[0]!.name],
    )
    if (serial?.sequence) counter = { column: primaryKey[0]!.name, sequence: serial.sequence }
  }
  return { name, columns, primaryKey, counter }
}

function column(table: string, name: string, declared: string): ColumnInfo {
  const kind = columnKind(declared)
  if (!kind) throw new Error(`${table}.${name}: the copier does not know how to compare type "${declared}"`)
  return { name, kind }
}

/** Rows are read in key order, so that both engines give them in the same order: a table needs a key. */
function checkedKey(table: string, key: ColumnInfo[]): ColumnInfo[] {
  if (key.length === 0) throw new Error(`${table} has no primary key: its rows cannot be read in a fixed order`)
  return key
}

const byName = (a: ColumnInfo, b: ColumnInfo) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

/** An identifier in double quotes (both engines), inner quotes doubled. */
export const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`
