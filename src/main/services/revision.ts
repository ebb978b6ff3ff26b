import type { DataSource } from 'typeorm'
import type { DataRevision } from '@shared/api/contract'

/**
 * The data's revision: the last history entry's id. Every write records history in its own
 * transaction (services/audit.ts), so the number moves with every committed change and with
 * nothing else but reads that are recorded (a reveal). One look-up of the primary key's end,
 * cheap enough for every open page to ask every second and a half.
 */
export async function dataRevision(db: DataSource): Promise<DataRevision> {
  const [row] = (await db.query('SELECT MAX(id) AS revision FROM audit_entries')) as { revision: number | null }[]
  return { revision: Number(row?.revision ?? 0) }
}
