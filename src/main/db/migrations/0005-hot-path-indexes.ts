import { TableIndex, type QueryRunner } from 'typeorm'
import type { Migration } from './types'

/**
 * Indexes for the hot queries at district scale (docs/PERFORMANCE.md has the measurements and
 * the plans; tests/integration/query-plans.test.ts keeps them).
 *
 * - (registered_on, sector_id, status, received_at) replaces (registered_on, sector_id), its
 *   prefix: a period + sector + status list is counted and paged inside the index instead of
 *   reading every appeal of the year (1M appeals: 200 ms → 40 ms). Sector-by-year, the dashboard
 *   and the register keep their plans on it (same leading columns).
 * - (status, due_on, executor_id) replaces (status, due_on), its prefix: an executor's open or
 *   overdue appeals are counted inside the index.
 * - (locality_id, registered_on, sector_id, status, channel, appeal_type): a list of one okrug or
 *   village, with any of the other catalog filters, is counted inside the index (okrug + channel
 *   + type at 1M: 1.3 s → 15 ms; a village + a sector: 1.1 s → 3 ms). Its page is chosen by
 *   AppealQueries (walking the sort's index when the matches are many).
 * - A partial index of report-meeting questions (about 8% of appeals) for the default
 *   sector-by-year report: ten years at 1M in 24 ms instead of 1.3 s. Only a literal
 *   `channel = 'report_meeting'` in the query can use it (PostgreSQL has partial indexes too).
 *
 * The wider indexes replace their prefixes rather than adding to them: every index costs every
 * insert one more b-tree (the locality one is the only new full index). Creating and dropping indexes does not rebuild `appeals`, so its
 * full-text triggers stay as they are.
 */
export const hotPathIndexes: Migration = {
  version: 5,
  name: 'hot-path-indexes',
  async up(qr: QueryRunner) {
    await qr.dropIndex('appeals', 'idx_appeals_registered_sector')
    await qr.createIndex(
      'appeals',
      new TableIndex({
        name: 'idx_appeals_registered_sector_status',
        columnNames: ['registered_on', 'sector_id', 'status', 'received_at'],
      }),
    )
    await qr.dropIndex('appeals', 'idx_appeals_status_due')
    await qr.createIndex(
      'appeals',
      new TableIndex({ name: 'idx_appeals_status_due_executor', columnNames: ['status', 'due_on', 'executor_id'] }),
    )
    await qr.createIndex(
      'appeals',
      new TableIndex({
        name: 'idx_appeals_locality_filters',
        columnNames: ['locality_id', 'registered_on', 'sector_id', 'status', 'channel', 'appeal_type'],
      }),
    )
    await qr.createIndex(
      'appeals',
      new TableIndex({
        name: 'idx_appeals_meeting_questions',
        columnNames: ['registered_on', 'sector_id'],
        where: "channel = 'report_meeting'",
      }),
    )
  },
}
