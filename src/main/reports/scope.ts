import type { DataSource, SelectQueryBuilder } from 'typeorm'
import { LocalityEntity } from '../db/entities'

/**
 * Limits an appeals query (alias `a`) to a locality: the locality itself and, for a rural
 * okrug, its settlements.
 */
export async function localityScope(
  db: DataSource,
  query: SelectQueryBuilder<object>,
  localityId: number | null,
): Promise<void> {
  if (localityId === null) return
  query.andWhere('a.locality_id IN (:...localityIds)', { localityIds: await localityScopeIds(db, localityId) })
}

/** The ids of a locality's scope: the locality itself and, for a rural okrug, its settlements. */
export async function localityScopeIds(db: DataSource, localityId: number): Promise<number[]> {
  const children = await db.getRepository(LocalityEntity).find({ where: { parentId: localityId } })
  return [localityId, ...children.map((c) => c.id)]
}
