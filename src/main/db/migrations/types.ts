import type { QueryRunner } from 'typeorm'

/**
 * A schema change. `version` is its number in the explicit list (1, 2, 3, … without gaps);
 * `up` runs inside the one transaction that applies all pending migrations. Migrations use
 * the QueryRunner's portable operations (createTable, addColumn, …) so that the same list
 * serves SQLite and PostgreSQL.
 */
export interface Migration {
  version: number
  name: string
  up(queryRunner: QueryRunner): Promise<void>
}
