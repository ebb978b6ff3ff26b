import type { DataSource, EntityManager } from 'typeorm'

/** The isolation levels a caller may ask for (PostgreSQL's default, READ COMMITTED, otherwise). */
export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE'

/**
 * SQLSTATEs after which PostgreSQL asks the client to run the whole transaction again:
 * serialization_failure (a concurrent update under REPEATABLE READ or SERIALIZABLE) and
 * deadlock_detected (two transactions waiting on each other's rows; one is cancelled).
 * SQLite never raises them: its calls run one at a time.
 */
const RETRYABLE_STATES: ReadonlySet<string> = new Set(['40001', '40P01'])

/** Attempts in all, the first included: a few retries settle what two or three desks collide on. */
export const TRANSACTION_ATTEMPTS = 4

/** The SQLSTATE of a driver error, whether thrown as it is or wrapped by TypeORM. */
function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const own = (error as { code?: unknown }).code
  if (typeof own === 'string') return own
  const driverError = (error as { driverError?: { code?: unknown } }).driverError
  return typeof driverError?.code === 'string' ? driverError.code : undefined
}

export function isRetryable(error: unknown): boolean {
  const state = sqlState(error)
  return state !== undefined && RETRYABLE_STATES.has(state)
}

/** A short random wait that grows with each attempt, so two colliding desks do not collide again in step. */
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.round((2 + Math.random() * 8) * attempt)))

/**
 * Runs `work` in a transaction on a query runner of its own (never the data source's shared
 * manager), committed when it resolves, rolled back when it throws. A serialization failure or
 * a deadlock rolls it back and runs `work` again, up to TRANSACTION_ATTEMPTS times in all, so
 * `work` must do nothing outside the database that it cannot repeat. Every service's
 * transaction goes through here.
 */
export async function transaction<T>(
  db: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  isolation?: IsolationLevel,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return isolation ? await db.transaction(isolation, work) : await db.transaction(work)
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isRetryable(error)) throw error
      await pause(attempt)
    }
  }
}
