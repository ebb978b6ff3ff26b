import type { QueryRunner } from 'typeorm'

/**
 * Inserts plain rows (column name → value) into a table, for seeds in migrations. It must not
 * go through entities: a migration describes the schema as it was when it was written, and
 * the entities describe it as it is now. Placeholders come from the driver, so the same
 * migration runs on SQLite (?) and PostgreSQL ($1).
 */
export async function insertRows(qr: QueryRunner, table: string, rows: Record<string, unknown>[]): Promise<void> {
  const driver = qr.connection.driver
  for (const row of rows) {
    const columns = Object.keys(row)
    const sql =
      `INSERT INTO ${driver.escape(table)} (${columns.map((c) => driver.escape(c)).join(', ')}) ` +
      `VALUES (${columns.map((c, i) => driver.createParameter(c, i)).join(', ')})`
    await qr.query(sql, Object.values(row).map((v) => (typeof v === 'boolean' ? (driver.options.type === 'postgres' ? v : Number(v)) : v)))
  }
}
