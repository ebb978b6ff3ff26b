import { describe, expect, it } from 'vitest'
import { openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { transaction, TRANSACTION_ATTEMPTS } from '../../src/main/db/transaction'

/**
 * The transaction helper runs a transaction again after PostgreSQL refuses it for a
 * serialization failure (SQLSTATE 40001), a bounded number of times; other errors are not
 * retried. The conflict is forced: two SERIALIZABLE transactions read the same row, both wait
 * until the other has read it, then both write it.
 */

const cleanup = useCleanup()
const KEY = 'test.concurrentCounter'

/** Resolves for everyone once `count` callers have arrived. */
function barrier(count: number): () => Promise<void> {
  let arrived = 0
  let release!: () => void
  const all = new Promise<void>((resolve) => (release = resolve))
  return () => {
    arrived += 1
    if (arrived === count) release()
    return all
  }
}

describe('transactions on PostgreSQL', () => {
  it('retries a transaction refused for a serialization failure, and loses no increment', async () => {
    const desk = await openDesk(cleanup, { now: '2026-04-20', engine: 'postgres' })
    const db = desk.core.database.dataSource
    await db.query(`INSERT INTO settings (key, value, updated_at) VALUES ($1, '0', '2026-04-20T10:00:00Z')`, [KEY])
    const bothRead = barrier(2)
    let attempts = 0
    const increment = () =>
      transaction(
        db,
        async (manager) => {
          const first = ++attempts <= 2
          const [row] = (await manager.query('SELECT value FROM settings WHERE key = $1', [KEY])) as { value: string }[]
          if (first) await bothRead()
          await manager.query('UPDATE settings SET value = $1 WHERE key = $2', [String(Number(row!.value) + 1), KEY])
        },
        'SERIALIZABLE',
      )
    await Promise.all([increment(), increment()])
    expect(attempts).toBe(3)
    const [row] = (await db.query('SELECT value FROM settings WHERE key = $1', [KEY])) as { value: string }[]
    expect(row!.value).toBe('2')
  })

  it('gives up after a bounded number of attempts, and never retries other errors', async () => {
    const desk = await openDesk(cleanup, { now: '2026-04-20', engine: 'postgres' })
    const db = desk.core.database.dataSource
    let attempts = 0
    const refused = Object.assign(new Error('could not serialize access'), { code: '40001' })
    await expect(
      transaction(db, async () => {
        attempts += 1
        throw refused
      }),
    ).rejects.toBe(refused)
    expect(attempts).toBe(TRANSACTION_ATTEMPTS)

    attempts = 0
    await expect(
      transaction(db, async (manager) => {
        attempts += 1
        await manager.query('SELECT no_such_column FROM settings')
      }),
    ).rejects.toThrow(/no_such_column/)
    expect(attempts).toBe(1)
  })
})
