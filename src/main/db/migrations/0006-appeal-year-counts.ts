import { Table, type QueryRunner } from 'typeorm'
import type { Migration } from './types'

const integer = (name: string) => ({ name, type: 'integer', isPrimary: true })

/**
 * Appeals counted by registration year, sector, locality (0: none) and report meeting (1) or
 * not, for the sector-by-year report (ten years of a million appeals: a few thousand rows
 * summed instead of a million counted; docs/PERFORMANCE.md). Only the table: the migration
 * runner fills it from the existing rows and installs the triggers on `appeals` that keep it,
 * on either engine (db/derived/appealYearCounts.ts).
 */
export const appealYearCounts: Migration = {
  version: 6,
  name: 'appeal-year-counts',
  async up(qr: QueryRunner) {
    await qr.createTable(
      new Table({
        name: 'appeal_year_counts',
        columns: [
          integer('year'),
          integer('sector_id'),
          integer('locality_key'),
          integer('meeting'),
          { name: 'n', type: 'integer', isNullable: false },
        ],
      }),
    )
  },
}
