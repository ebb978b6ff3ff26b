import type { DataSource } from 'typeorm'
import { engineOf } from '../../src/main/db/dialect'

/**
 * A database's schema as both engines can say it, for the parity test: tables with their
 * columns (type, nullability, default), primary keys, unique column sets, foreign keys and
 * named indexes (with a partial index's condition). Types are mapped to the names the
 * migrations write (TypeORM keeps them on SQLite: `varchar(200)`, `integer`, `boolean`, `date`,
 * `text`); PostgreSQL's `character varying(200)` becomes `varchar(200)`. Defaults and index
 * conditions lose PostgreSQL's casts (`'office'::character varying` → `'office'`), booleans
 * become true/false (SQLite stores TypeORM's `true` as 1), and an identity column's sequence
 * becomes `generated`, as SQLite's AUTOINCREMENT does.
 */
export interface ColumnShape {
  type: string
  nullable: boolean
  default: string | null
}

export interface TableShape {
  columns: Record<string, ColumnShape>
  primaryKey: string[]
  unique: string[][]
  foreignKeys: string[]
  indexes: Record<string, { columns: string[]; unique: boolean; where: string | null }>
}

export type SchemaShape = Record<string, TableShape>

const normalizeCondition = (sql: string): string =>
  sql
    .replace(/::[a-z ]+(\([0-9]+\))?/g, '')
    .replace(/[()"\s]/g, '')
    .toLowerCase()

function normalizeDefault(value: string | null, type: string): string | null {
  if (value === null) return null
  const plain = value.replace(/::[a-z ]+(\([0-9]+\))?/g, '')
  if (type === 'boolean') return plain === '1' || plain === 'true' ? 'true' : 'false'
  if (/^nextval\(/.test(value)) return 'generated'
  return plain
}

export async function schemaShape(db: DataSource, skip: readonly string[]): Promise<SchemaShape> {
  return engineOf(db) === 'sqlite' ? sqliteShape(db, skip) : postgresShape(db, skip)
}

async function sqliteShape(db: DataSource, skip: readonly string[]): Promise<SchemaShape> {
  const tables: { name: string; sql: string }[] = await db.query(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  )
  const shape: SchemaShape = {}
  for (const { name, sql } of tables) {
    if (skip.some((s) => name.startsWith(s))) continue
    const columns: { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[] =
      await db.query(`PRAGMA table_info("${name}")`)
    const autoincrement = /AUTOINCREMENT/i.test(sql)
    const table: TableShape = { columns: {}, primaryKey: [], unique: [], foreignKeys: [], indexes: {} }
    for (const c of columns) {
      const type = c.type.toLowerCase()
      table.columns[c.name] = {
        type,
        nullable: c.notnull === 0 && c.pk === 0,
        default: c.pk > 0 && autoincrement ? 'generated' : normalizeDefault(c.dflt_value, type),
      }
    }
    table.primaryKey = columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name)
    const fks: { id: number; table: string; from: string; to: string; on_delete: string }[] = await db.query(
      `PRAGMA foreign_key_list("${name}")`,
    )
    table.foreignKeys = fks.map((f) => `${f.from} -> ${f.table}.${f.to} on delete ${f.on_delete.toLowerCase()}`).sort()
    const indexes: { name: string; unique: number; origin: string; partial: number }[] = await db.query(
      `PRAGMA index_list("${name}")`,
    )
    for (const index of indexes) {
      const cols: { seqno: number; name: string }[] = await db.query(`PRAGMA index_info("${index.name}")`)
      const columnNames = cols.sort((a, b) => a.seqno - b.seqno).map((c) => c.name)
      if (index.origin === 'pk') continue
      if (index.origin === 'u') {
        table.unique.push(columnNames)
        continue
      }
      const [indexRow] = (await db.query("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [
        index.name,
      ])) as { sql: string }[]
      const where = /\sWHERE\s(.*)$/is.exec(indexRow!.sql)?.[1] ?? null
      table.indexes[index.name] = {
        columns: columnNames,
        unique: index.unique === 1,
        where: where === null ? null : normalizeCondition(where),
      }
    }
    table.unique.sort()
    shape[name] = table
  }
  return shape
}

async function postgresShape(db: DataSource, skip: readonly string[]): Promise<SchemaShape> {
  const tables: { name: string }[] = await db.query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  )
  const shape: SchemaShape = {}
  for (const { name } of tables) {
    if (skip.some((s) => name.startsWith(s))) continue
    const columns: {
      name: string
      data_type: string
      length: number | null
      is_nullable: string
      column_default: string | null
    }[] = await db.query(
      `SELECT column_name AS name, data_type, character_maximum_length AS length, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [name],
    )
    const table: TableShape = { columns: {}, primaryKey: [], unique: [], foreignKeys: [], indexes: {} }
    for (const c of columns) {
      // SQLite's blob is PostgreSQL's bytea (migration 0018's attachment_blobs)
      const type =
        c.data_type === 'character varying' ? `varchar(${c.length})` : c.data_type === 'bytea' ? 'blob' : c.data_type
      table.columns[c.name] = {
        type,
        nullable: c.is_nullable === 'YES',
        default: normalizeDefault(c.column_default, type),
      }
    }
    const constraints: { name: string; type: string; definition: string; columns: string[] }[] = await db.query(
      `SELECT con.conname AS name, con.contype AS type, pg_get_constraintdef(con.oid) AS definition,
         array(SELECT att.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
       FROM pg_constraint con WHERE con.conrelid = $1::regclass`,
      [name],
    )
    const constraintNames = new Set(constraints.map((c) => c.name))
    for (const c of constraints) {
      if (c.type === 'p') table.primaryKey = c.columns
      if (c.type === 'u') table.unique.push(c.columns)
      if (c.type === 'f') {
        const m = /REFERENCES (\w+)\((\w+)\)(?: ON DELETE (SET NULL|CASCADE|RESTRICT))?/.exec(c.definition)!
        table.foreignKeys.push(`${c.columns[0]} -> ${m[1]}.${m[2]} on delete ${(m[3] ?? 'no action').toLowerCase()}`)
      }
    }
    table.foreignKeys.sort()
    table.unique.sort()
    const indexes: { name: string; definition: string }[] = await db.query(
      "SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1",
      [name],
    )
    for (const index of indexes) {
      if (constraintNames.has(index.name)) continue
      const m = /^CREATE (UNIQUE )?INDEX \S+ ON \S+ USING \w+ \((.*?)\)(?: WHERE (.*))?$/.exec(index.definition)!
      table.indexes[index.name] = {
        columns: m[2]!.split(',').map((c) => c.trim().replace(/"/g, '')),
        unique: Boolean(m[1]),
        where: m[3] === undefined ? null : normalizeCondition(m[3]),
      }
    }
    shape[name] = table
  }
  return shape
}
