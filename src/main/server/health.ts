import type { Core } from '../core'
import { engineOf, type Engine } from '../db/dialect'
import type { HealthAnswer } from '../http/officeDoor'

/** A database that takes longer than this to answer `SELECT 1` is reported down. */
const DATABASE_TIMEOUT_MS = 3_000

/** GET /health: enough for a monitor or a service manager, and nothing about the office's data. */
export interface HealthReport {
  ok: boolean
  version: string
  engine: Engine
  database: 'up' | 'down'
  uptimeSeconds: number
}

/**
 * The office server's health: the core's version and engine, and whether the database answers
 * a query that reads nothing (`SELECT 1`), within a few seconds. 200 when it does, 503 when it
 * does not; no paths, addresses, counts or errors (those go to the server's log).
 */
export async function checkHealth(core: Core, startedAt: number, now = Date.now()): Promise<HealthAnswer> {
  const dataSource = core.database.dataSource
  let up = false
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      dataSource.query('SELECT 1'),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), DATABASE_TIMEOUT_MS))),
    ])
    up = true
  } catch (error) {
    console.error('health: the database did not answer', error instanceof Error ? error.message : error)
  } finally {
    clearTimeout(timer)
  }
  const body: HealthReport = {
    ok: up,
    version: core.version,
    engine: engineOf(dataSource),
    database: up ? 'up' : 'down',
    uptimeSeconds: Math.floor((now - startedAt) / 1000),
  }
  return { status: up ? 200 : 503, body }
}
