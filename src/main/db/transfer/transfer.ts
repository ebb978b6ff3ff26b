import type { DataSource, QueryRunner } from 'typeorm'
import { engineOf } from '../dialect'
import { copyTables, type CopyOptions, type TableReport } from './copy'

export interface TransferOptions extends CopyOptions {
  /** Runs first in the target's transaction (the migrations that make an empty PostgreSQL database's schema). */
  prepare?: (target: QueryRunner) => Promise<void>
  /**
   * Runs after the copy, still in both transactions, when every table matched; returns whether
   * the copy may be committed (the move verifies the history here).
   */
  check?: (target: QueryRunner, source: QueryRunner, tables: TableReport[]) => Promise<boolean>
  /** Just before the commit (the history's head for the target is written here). */
  beforeCommit?: (target: QueryRunner) => Promise<void>
}

export interface TransferResult {
  tables: TableReport[]
  /** Every table matched and the check passed: the target's transaction was committed. */
  committed: boolean
}

/**
 * Copies `source` into `target` in one transaction on the target: committed only when every
 * table's count and checksum match (and `check` agrees), rolled back on any mismatch or error,
 * so the target is left as it was. A process killed half-way leaves an open transaction that
 * the server rolls back when the connection drops (PostgreSQL), or a journal that SQLite rolls
 * back at the next open. The source is read in one snapshot (a read-only repeatable-read
 * transaction on PostgreSQL: a live server goes on writing meanwhile; a read transaction on
 * SQLite), begun with plain statements rather than TypeORM's transaction calls, which would
 * tell the source's history chain (auditChain.ts, a subscriber) that a transaction ended.
 */
export async function transferDatabase(
  source: DataSource,
  target: DataSource,
  options: TransferOptions = {},
): Promise<TransferResult> {
  const from = source.createQueryRunner()
  const to = target.createQueryRunner()
  try {
    await from.connect()
    await from.query(
      engineOf(source) === 'postgres' ? 'START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN',
    )
    await to.startTransaction()
    try {
      await options.prepare?.(to)
      const tables = await copyTables(from, to, options)
      const committed = tables.every((t) => t.match) && (options.check ? await options.check(to, from, tables) : true)
      if (!committed) {
        await to.rollbackTransaction()
        return { tables, committed }
      }
      await options.beforeCommit?.(to)
      await to.commitTransaction()
      return { tables, committed }
    } catch (error) {
      if (to.isTransactionActive) await to.rollbackTransaction()
      throw error
    } finally {
      await from.query('ROLLBACK').catch(() => undefined)
    }
  } finally {
    await from.release()
    await to.release()
  }
}
