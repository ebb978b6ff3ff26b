import type { EntityManager } from 'typeorm'
import { engineOf } from './dialect'

/**
 * Runs statements without parameters in order and returns the rows of each, in one round trip
 * to PostgreSQL where a transaction's connection is at hand: its simple query protocol takes
 * several statements at once, and under READ COMMITTED each still reads with a snapshot of its
 * own, taken when it starts (so a read after a lock sees what committed before the lock was
 * granted). On the server every round trip in a section that writers pass one at a time (the
 * history lock) is paid again by every writer queued behind it. SQLite runs them one by one:
 * it has no round trip to save. Callers put only numbers of their own into the text.
 */
export async function inOneRoundTrip(manager: EntityManager, statements: readonly string[]): Promise<unknown[][]> {
  const runner = manager.queryRunner
  if (engineOf(manager.connection) !== 'postgres' || !runner?.isTransactionActive || statements.length < 2) {
    const results: unknown[][] = []
    for (const sql of statements) results.push((await manager.query(sql)) as unknown[])
    return results
  }
  // the transaction's own pooled connection (a pg client): TypeORM's query keeps one result only
  const client = (await runner.connect()) as { query: (sql: string) => Promise<{ rows: unknown[] }[]> }
  return (await client.query(statements.join(';\n'))).map((result) => result.rows)
}
