import { TableIndex, type QueryRunner } from 'typeorm'
import type { Migration } from './types'

/**
 * An appeal entered by mistake is annulled (status 'annulled'), not deleted: its number stays
 * taken and its history whole. A partial index holds the annulled few, so the lists' "annulled
 * only" filter and the search count's correction read nothing else. Creating an index does not
 * rebuild `appeals`; this run also brings the runner's current triggers of the yearly counts,
 * which no longer count annulled rows, and computes the counts again.
 */
export const annulledAppeals: Migration = {
  version: 12,
  name: 'annulled-appeals',
  async up(qr: QueryRunner) {
    await qr.createIndex(
      'appeals',
      new TableIndex({ name: 'idx_appeals_annulled', columnNames: ['id'], where: "status = 'annulled'" }),
    )
  },
}
