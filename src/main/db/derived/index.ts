import type { QueryRunner } from 'typeorm'
import { APPEAL_SEARCH } from './appealSearch'
import { APPEAL_YEAR_COUNTS } from './appealYearCounts'
import { keepDerivedTable, type DerivedTable } from './derivedTable'

/** Every table kept by triggers on `appeals`. */
export const DERIVED_TABLES: readonly DerivedTable[] = [APPEAL_SEARCH, APPEAL_YEAR_COUNTS]

/** Keeps every derived table the database has (either engine); returns the tables it had to restore. */
export async function keepDerivedTables(qr: QueryRunner): Promise<string[]> {
  const restored: string[] = []
  for (const derived of DERIVED_TABLES) if (await keepDerivedTable(qr, derived)) restored.push(derived.table)
  return restored
}
