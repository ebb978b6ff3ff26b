import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { ENGINES, postgresDatabase } from '../helpers/engines'
import { insertVersion1Rows, migrateTarget } from '../helpers/migratedDatabase'
import { DataSource } from 'typeorm'
import { postgresDataSource } from '../../src/main/db/postgres'
import { parameter } from '../../src/main/db/dialect'

/**
 * Migration 0015 on a version-14 database holding an appeal, a report meeting and a measure
 * (on both engines): the rows come through, each with version 1, and the first edit of each
 * makes it 2.
 */

const cleanup = useCleanup()
const STAMP = '2025-03-01T08:00:00.000Z'
const bareSqlite = (file: string) =>
  new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })

describe.each(ENGINES)('migration 0015 on %s', (engine) => {
  it('gives every appeal, meeting and measure version 1, and an edit bumps it', async () => {
    const dir = cleanup.tempDir()
    const file = join(dir, 'akimat.sqlite')
    const target = engine === 'postgres' ? await postgresDatabase() : file
    await migrateTarget(target, MIGRATIONS.slice(0, 1))
    await insertVersion1Rows(target)
    await migrateTarget(
      target,
      MIGRATIONS.filter((m) => m.version <= 14),
    )
    // a measure promised at the meeting, as version 14 stored it
    const db = engine === 'postgres' ? postgresDataSource(target) : bareSqlite(file)
    await db.initialize()
    const p = (i: number) => parameter(db, i)
    const before = await db.query('SELECT id, reg_number, summary FROM appeals ORDER BY id')
    expect(before.length).toBeGreaterThan(0)
    await db.query(
      `INSERT INTO meeting_measures (uuid, meeting_id, text, responsible, due_on, created_at, updated_at)
       VALUES ('0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f', 1, 'Жолды жөндеу', 'Аудандық ТҮКШ', '2025-06-01', ${p(0)}, ${p(1)})`,
      [STAMP, STAMP],
    )
    await db.destroy()

    const desk = await openDesk(cleanup, {
      now: '2025-03-10T10:00:00',
      file,
      postgresUrl: engine === 'postgres' ? target : undefined,
    })
    for (const table of ['appeals', 'report_meetings', 'meeting_measures']) {
      const versions = await desk.sql<{ version: number }>(`SELECT DISTINCT version FROM ${table}`)
      expect(
        versions.map((v) => Number(v.version)),
        table,
      ).toEqual([1])
    }
    expect(await desk.sql('SELECT id, reg_number, summary FROM appeals ORDER BY id')).toEqual(before)

    const [appeal] = await desk.sql<{ id: number }>('SELECT id FROM appeals ORDER BY id LIMIT 1')
    const card = await desk.ok('appeals.get', { id: Number(appeal!.id) })
    expect(card.version).toBe(1)
    const moved = await desk.ok('appeals.transition', { id: card.id, version: 1, to: 'in_progress' })
    expect(moved.version).toBe(2)
    const [measure] = (await desk.ok('meetings.get', { id: 1 })).measures
    expect(measure!.version).toBe(1)
  })
})
