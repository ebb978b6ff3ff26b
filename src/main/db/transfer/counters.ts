import type { Queryable } from '../queryable'
import { quote, type SchemaInfo, type TableInfo } from './schema'

/**
 * The highest id a table's counter has given: its largest key, or more when rows were deleted
 * (SQLite's sqlite_sequence, a PostgreSQL sequence's last value). Carried over so that the
 * target never gives a deleted appeal's id again: the history names records by id.
 */
export async function counterHighWater(db: Queryable, schema: SchemaInfo, table: TableInfo): Promise<number> {
  const key = table.primaryKey.length === 1 && table.primaryKey[0]!.kind === 'integer' ? table.primaryKey[0]! : null
  if (!key) return 0
  const column = quote(key.name)
  const [max]: { top: number | null }[] = await db.query(`SELECT MAX(${column}) AS top FROM ${quote(table.name)}`)
  let used = Number(max?.top ?? 0)
  if (!table.counter) return used
  if (schema.engine === 'sqlite') {
    const [row]: { seq: number }[] = await db.query('SELECT seq FROM sqlite_sequence WHERE name = ?', [table.name])
    used = Math.max(used, Number(row?.seq ?? 0))
  } else if (table.counter.sequence) {
    const [row]: { last: number; called: boolean }[] = await db.query(
      `SELECT last_value AS last, is_called AS called FROM ${table.counter.sequence}`,
    )
    if (row?.called) used = Math.max(used, Number(row.last))
  }
  return used
}

/** Sets the target's counter so its next id follows `used`. */
export async function setCounter(db: Queryable, schema: SchemaInfo, table: TableInfo, used: number): Promise<void> {
  if (!table.counter) return
  if (schema.engine === 'postgres') {
    if (!table.counter.sequence) return
    await db.query(
      'SELECT setval($1, $2, $3)',
      used > 0 ? [table.counter.sequence, used, true] : [table.counter.sequence, 1, false],
    )
    return
  }
  if (used === 0) return
  await db.query('DELETE FROM sqlite_sequence WHERE name = ?', [table.name])
  await db.query('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)', [table.name, used])
}
