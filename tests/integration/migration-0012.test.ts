import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/main/db/migrate'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { APPEAL_YEAR_COUNTS } from '../../src/main/db/derived/appealYearCounts'
import { openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { insertMeetingWithTwoQuestions } from '../helpers/olderDatabase'

/**
 * Migration 0012 on a version-7 database holding two meeting questions of 2026: the rows come
 * through unchanged, the index of annulled entries exists, and the run brings the yearly counts'
 * current triggers (which leave annulled entries out): the counts are 2 after the upgrade and 1
 * once the head annuls one question.
 */

const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'

describe('migration 0012 on a version-7 database holding two questions', () => {
  it('keeps them, adds the index and the current triggers, and an annulment takes one out of the counts', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
    await dataSource.initialize()
    expect(await migrate(dataSource, MIGRATIONS.slice(0, 7))).toEqual([1, 2, 3, 4, 5, 6, 7])
    await insertMeetingWithTwoQuestions(dataSource, STAMP)
    const before = await dataSource.query('SELECT id, reg_number, status FROM appeals ORDER BY id')
    await dataSource.destroy()

    const desk = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file })
    expect(await desk.sql('SELECT id, reg_number, status FROM appeals ORDER BY id')).toEqual(before)
    const index = await desk.sql<{ sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'idx_appeals_annulled'")
    expect(index[0]!.sql).toContain("WHERE status = 'annulled'")
    const triggers = await desk.sql<{ name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'appeal_year_counts_%' ORDER BY name",
    )
    expect(Object.fromEntries(triggers.map((t) => [t.name, t.sql]))).toEqual(APPEAL_YEAR_COUNTS.triggers)
    const counted = async () =>
      Number((await desk.sql<{ n: number }>('SELECT SUM(n) AS n FROM appeal_year_counts WHERE year = 2026'))[0]!.n)
    expect(await counted()).toBe(2)

    const result = await desk.core.dispatch(
      'appeals.annul',
      { id: 1, reason: 'Екі рет енгізілген' },
      {
        operator: 'Әкім',
        door: 'web',
        user: { id: 1, username: 'head', fullName: 'Әкім', role: 'head', staffId: null },
      },
    )
    expect(result.ok).toBe(true)
    expect(await counted()).toBe(1)
  })
})
