import type { DataSource, SelectQueryBuilder } from 'typeorm'
import { OPEN_STATUSES } from '@shared/domain/appeal'
import { COUNTED_SQL } from '../services/appeals/counted'
import { localityScope } from './scope'

/** Narrows an appeals query (alias `a`) to what a report counts. */
export type AppealScope = (query: SelectQueryBuilder<object>) => Promise<void>

/** Appeals registered in [from, to] (YYYY-MM-DD), in a locality and its settlements if given. */
export function registeredBetween(db: DataSource, from: string, to: string, localityId: number | null): AppealScope {
  return async (query) => {
    query.andWhere('a.registered_on BETWEEN :from AND :to', { from, to })
    await localityScope(db, query, localityId)
  }
}

/**
 * How an appeal stands, as one SQL expression over `a` for grouping: answered appeals by their
 * outcome; open ones split by their deadline against :today (overdue is computed on read,
 * never stored); left without consideration and withdrawn together as 'closed'.
 */
export const OUTCOME_GROUPS = [
  'satisfied',
  'explained',
  'refused',
  'redirected',
  'in_progress',
  'overdue',
  'closed',
] as const
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number]

const OPEN = OPEN_STATUSES.map((s) => `'${s}'`).join(', ')
export const OUTCOME_GROUP_SQL = `CASE
  WHEN a.status = 'answered' AND a.outcome IN ('satisfied_fully', 'satisfied_partly') THEN 'satisfied'
  WHEN a.status = 'answered' AND a.outcome = 'refused' THEN 'refused'
  WHEN a.status = 'answered' THEN 'explained'
  WHEN a.status = 'redirected' THEN 'redirected'
  WHEN a.status IN (${OPEN}) AND a.due_on < :today THEN 'overdue'
  WHEN a.status IN (${OPEN}) THEN 'in_progress'
  ELSE 'closed' END`

/**
 * Appeals counted in SQL, grouped by SQL expressions over `a` (constants of the code, never
 * user input); each key is the group's values joined by '|': "3|satisfied" → 12. Annulled
 * entries are never counted (COUNTED_SQL), whatever the scope.
 */
export async function countBy(
  db: DataSource,
  scope: AppealScope,
  groups: string[],
  params: Record<string, unknown> = {},
): Promise<Map<string, number>> {
  const query = db
    .createQueryBuilder()
    .select('COUNT(*)', 'n')
    .from('appeals', 'a')
    .where(COUNTED_SQL)
    .setParameters(params)
  groups.forEach((expression, i) => query.addSelect(expression, `k${i}`).addGroupBy(`k${i}`))
  await scope(query)
  const rows: Record<string, unknown>[] = await query.getRawMany()
  return new Map(rows.map((row) => [groups.map((_, i) => String(row[`k${i}`])).join('|'), Number(row.n)]))
}

/** How many appeals meet each condition (SQL over `a`), in one pass: { collective: 4, … }; annulled ones never. */
export async function countWhere<K extends string>(
  db: DataSource,
  scope: AppealScope,
  conditions: Record<K, string>,
): Promise<Record<K, number>> {
  const query = db.createQueryBuilder().select('COUNT(*)', 'n').from('appeals', 'a').where(COUNTED_SQL)
  for (const [name, condition] of Object.entries<string>(conditions))
    query.addSelect(`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`, name)
  await scope(query)
  const row: Record<string, unknown> = (await query.getRawOne()) ?? {}
  return Object.fromEntries(Object.keys(conditions).map((name) => [name, Number(row[name] ?? 0)])) as Record<K, number>
}
