import { engineOf, parameter } from '../dialect'
import { valueFor } from './canonical'
import type { Queryable } from '../queryable'
import { quote, type ColumnInfo, type TableInfo } from './schema'

type Row = Record<string, unknown>

/**
 * The key in an ORDER BY or a comparison: PostgreSQL's text compares by the database's
 * collation (often en_US), SQLite's by bytes; "C" is byte order on PostgreSQL too, so both read
 * text keys in the same order.
 */
function keyTerm(db: Queryable, column: ColumnInfo): string {
  const name = quote(column.name)
  return engineOf(db.connection) === 'postgres' && column.kind === 'text' ? `${name} COLLATE "C"` : name
}

/**
 * Reads a table's rows in primary-key order, `batch` at a time, each page starting after the
 * last key of the one before (a key comparison, so a million rows cost no OFFSET scans).
 */
export async function readInKeyOrder(
  db: Queryable,
  table: TableInfo,
  batch: number,
  use: (rows: Row[]) => Promise<void> | void,
): Promise<void> {
  const columns = table.columns.map((c) => quote(c.name)).join(', ')
  const order = table.primaryKey.map((c) => keyTerm(db, c)).join(', ')
  const keys = table.primaryKey
  let after: unknown[] | null = null
  for (;;) {
    const params: unknown[] = after ?? []
    let where = ''
    if (after) {
      const placeholders = keys.map((_, i) => parameter(db.connection, i))
      where =
        keys.length === 1
          ? `WHERE ${keyTerm(db, keys[0]!)} > ${placeholders[0]}`
          : `WHERE (${keys.map((c) => keyTerm(db, c)).join(', ')}) > (${placeholders.join(', ')})`
    }
    const rows: Row[] = await db.query(
      `SELECT ${columns} FROM ${quote(table.name)} ${where} ORDER BY ${order} LIMIT ${batch}`,
      params,
    )
    if (rows.length === 0) return
    await use(rows)
    if (rows.length < batch) return
    const last = rows.at(-1)!
    after = keys.map((c) => last[c.name])
  }
}

/** Rows per INSERT: as many as stay under both engines' limit on parameters (SQLite 32766, PostgreSQL 65535). */
export const rowsPerInsert = (table: TableInfo): number =>
  Math.max(1, Math.min(500, Math.floor(30_000 / table.columns.length)))

/** Inserts rows as they were read, every column given (ids included). */
export async function insertRows(db: Queryable, table: TableInfo, rows: Row[]): Promise<void> {
  if (rows.length === 0) return
  const engine = engineOf(db.connection)
  const names = table.columns.map((c) => quote(c.name)).join(', ')
  const params: unknown[] = []
  const tuples = rows.map((row) => {
    const marks = table.columns.map((c) => {
      params.push(valueFor(engine, c.kind, row[c.name]))
      return parameter(db.connection, params.length - 1)
    })
    return `(${marks.join(', ')})`
  })
  await db.query(`INSERT INTO ${quote(table.name)} (${names}) VALUES ${tuples.join(', ')}`, params)
}
