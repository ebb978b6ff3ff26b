import type { DataSource } from 'typeorm'

/**
 * What raw SQL goes through (the table copier, verifying the history): a QueryRunner (inside a transaction it holds) or
 * an EntityManager; both answer raw SQL and name their data source, hence their engine.
 */
export interface Queryable {
  readonly connection: DataSource
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of any table
  query(sql: string, parameters?: unknown[]): Promise<any>
}
