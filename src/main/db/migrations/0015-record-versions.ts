import { TableColumn, type QueryRunner } from 'typeorm'
import type { Migration } from './types'

/**
 * A version number on the records several desks edit (appeals, report meetings, the measures
 * promised at them), for optimistic locking: an edit names the version it was made on and is
 * written only while the row still has it, bumping it. Existing rows start at 1. On SQLite,
 * adding a column rebuilds `appeals`, which drops its triggers; the runner puts the derived
 * tables' triggers back after the last migration of the run.
 */
export const recordVersions: Migration = {
  version: 15,
  name: 'record-versions',
  async up(qr: QueryRunner) {
    for (const table of ['appeals', 'report_meetings', 'meeting_measures'])
      await qr.addColumn(table, new TableColumn({ name: 'version', type: 'integer', isNullable: false, default: 1 }))
  },
}
