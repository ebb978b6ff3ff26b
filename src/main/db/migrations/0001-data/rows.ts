import type { QueryRunner } from 'typeorm'

/**
 * Plain-row writes for migrations (seeds, backfills). They must not go through entities: a
 * migration describes the schema as it was when it was written, the entities describe it as
 * it is now. Placeholders come from the driver, so the same migration runs on SQLite (?) and
 * PostgreSQL ($1); booleans are 0/1 on SQLite.
 *
 * Frozen with migration 0001 (0002 and 0003 use it too): what these functions write is part
 * of what those migrations do, so they never change. A later migration that needs another
 * kind of write brings its own in its own data folder.
 */
function toParameter(qr: QueryRunner, value: unknown): unknown {
  if (typeof value === 'boolean' && qr.connection.options.type !== 'postgres') return Number(value)
  return value
}

export async function insertRows(qr: QueryRunner, table: string, rows: Record<string, unknown>[]): Promise<void> {
  const driver = qr.connection.driver
  for (const row of rows) {
    const columns = Object.keys(row)
    const sql =
      `INSERT INTO ${driver.escape(table)} (${columns.map((c) => driver.escape(c)).join(', ')}) ` +
      `VALUES (${columns.map((c, i) => driver.createParameter(c, i)).join(', ')})`
    await qr.query(
      sql,
      Object.values(row).map((v) => toParameter(qr, v)),
    )
  }
}

export async function updateRow(
  qr: QueryRunner,
  table: string,
  id: number,
  values: Record<string, unknown>,
): Promise<void> {
  const driver = qr.connection.driver
  const columns = Object.keys(values)
  const sql =
    `UPDATE ${driver.escape(table)} SET ${columns.map((c, i) => `${driver.escape(c)} = ${driver.createParameter(c, i)}`).join(', ')} ` +
    `WHERE ${driver.escape('id')} = ${driver.createParameter('id', columns.length)}`
  await qr.query(sql, [...Object.values(values).map((v) => toParameter(qr, v)), id])
}
