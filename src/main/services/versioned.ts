import type { EntityManager, EntitySchema } from 'typeorm'
import { DomainError } from '@shared/api/errors'
import { parameter } from '../db/dialect'

/** A row edited under optimistic locking: appeals, report meetings, meeting measures (migration 0015). */
export interface VersionedRow {
  id: number
  version: number
  updatedAt: string
}

/**
 * Who changed the record last and when, for the stale edit's message: the latest history entry
 * that changed it (a reveal or an export only read it), else the row's own updated_at.
 */
async function lastChange(
  manager: EntityManager,
  auditEntity: string,
  id: number,
): Promise<{ who: string | null; at: string | null }> {
  const p = (i: number) => parameter(manager.connection, i)
  const [entry] = (await manager.query(
    `SELECT operator, at FROM audit_entries WHERE entity = ${p(0)} AND entity_id = ${p(1)}
       AND action NOT IN ('reveal', 'export') ORDER BY id DESC LIMIT 1`,
    [auditEntity, String(id)],
  )) as { operator: string | null; at: string }[]
  return { who: entry?.operator ?? null, at: entry?.at ?? null }
}

/**
 * The refusal of an edit made on an older version than the record now has: code `conflict`,
 * and an issue naming who changed it last and when (`at` an ISO instant, shown in the reader's
 * time format).
 */
export async function staleEdit(
  manager: EntityManager,
  auditEntity: string,
  row: Pick<VersionedRow, 'id' | 'updatedAt'>,
): Promise<DomainError> {
  const last = await lastChange(manager, auditEntity, row.id)
  const at = last.at ?? row.updatedAt
  return new DomainError('conflict', 'errors.staleEdit', [
    last.who
      ? { path: [], messageKey: 'errors.staleEditBy', params: { who: last.who, at } }
      : { path: [], messageKey: 'errors.staleEditAt', params: { at } },
  ])
}

/**
 * Refuses an edit named for another version than the row read in the transaction holds. A
 * caller that names none (null: the command line, a script) edits the row as it stands.
 */
export async function checkVersion<R extends VersionedRow>(
  manager: EntityManager,
  auditEntity: string,
  row: R,
  expected: number | null,
): Promise<R> {
  if (expected !== null && expected !== row.version) throw await staleEdit(manager, auditEntity, row)
  return row
}

/**
 * Writes `after` over the row read as `before`, only while the row still has `before`'s version
 * (`UPDATE … WHERE id = ? AND version = ?`), and bumps it. Another desk's edit committed since
 * the read (on PostgreSQL, where calls run side by side) leaves zero rows changed: the edit is
 * refused as stale and nothing is written. Returns the row as written.
 */
export async function writeVersioned<R extends VersionedRow>(
  manager: EntityManager,
  entity: EntitySchema<R>,
  auditEntity: string,
  before: R,
  after: R,
): Promise<R> {
  const { id: _id, version: _version, ...values } = after
  const version = before.version + 1
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...values, version } as never)
    .where('id = :id AND version = :version', { id: before.id, version: before.version })
    .execute()
  if (result.affected === 0) throw await staleEdit(manager, auditEntity, before)
  return { ...after, version }
}
