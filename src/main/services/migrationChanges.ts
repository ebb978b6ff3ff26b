import type { DataSource, EntityManager } from 'typeorm'
import type { AuditChange } from './audit'
import type { CallContext } from './context'
import { transaction } from '../db/transaction'

/** The program itself, upgrading the database: no operator. */
const UPGRADE: CallContext = { operator: null, door: 'desktop' }

/**
 * Moves the row changes a data migration left in `migration_changes` (migration 0014 and later)
 * into the history, one entry per changed field (action `migrate`), and names the changed
 * records in the log. A migration runs before the history's key is
 * loaded, so it cannot sign entries itself; this runs right after the chain is opened, in one
 * transaction with the clearing of the table, so each change is recorded exactly once.
 */
export async function recordMigrationChanges(
  db: DataSource,
  record: (manager: EntityManager, ctx: CallContext, changes: AuditChange[]) => Promise<unknown>,
  log: (message: string, error: unknown) => void,
): Promise<number> {
  const runner = db.createQueryRunner()
  try {
    if (!(await runner.hasTable('migration_changes'))) return 0
  } finally {
    await runner.release()
  }
  return transaction(db, async (manager) => {
    const rows: {
      id: number
      version: number
      entity: string
      entity_id: string
      field: string
      old_value: string | null
      new_value: string | null
    }[] = await manager.query('SELECT * FROM migration_changes ORDER BY id')
    if (rows.length === 0) return 0
    await record(
      manager,
      UPGRADE,
      rows.map((r) => ({
        entity: r.entity,
        entityId: r.entity_id,
        action: 'migrate',
        field: r.field,
        oldValue: r.old_value,
        newValue: r.new_value,
      })),
    )
    await manager.query('DELETE FROM migration_changes')
    const byVersion = new Map<number, Set<string>>()
    for (const r of rows) {
      const ids = byVersion.get(r.version) ?? new Set<string>()
      byVersion.set(r.version, ids.add(`${r.entity} ${r.entity_id}`))
    }
    for (const [version, ids] of byVersion)
      log(`Migration ${version} changed ${ids.size} record(s): ${[...ids].join(', ')} (written into the history)`, null)
    return rows.length
  })
}
