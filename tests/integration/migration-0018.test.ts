import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { openDesk } from '../helpers/appeals'
import { base64, pngFile } from '../helpers/attachmentFiles'
import { useCleanup } from '../helpers/cleanup'
import { ENGINES, postgresDatabase } from '../helpers/engines'
import { insertVersion1Rows, migrateTarget } from '../helpers/migratedDatabase'

/**
 * Migration 0018 on a version-16 database holding appeals and a meeting (on both engines): the
 * rows come through unchanged, the new tables start empty, and a file attaches to an appeal
 * that was there before.
 */

const cleanup = useCleanup()

describe.each(ENGINES)('migration 0018 on %s', (engine) => {
  it('adds empty attachment tables beside the rows, and an old appeal takes a file', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const target = engine === 'postgres' ? await postgresDatabase() : file
    await migrateTarget(target, MIGRATIONS.slice(0, 1))
    await insertVersion1Rows(target)
    await migrateTarget(
      target,
      MIGRATIONS.filter((m) => m.version <= 16),
    )
    const desk0 = await openDesk(cleanup, {
      now: '2025-03-10T10:00:00',
      file,
      postgresUrl: engine === 'postgres' ? target : undefined,
    })
    expect(desk0.core.database.schemaVersion).toBe(18)
    const appeals = await desk0.sql<{ id: number }>('SELECT id FROM appeals ORDER BY id')
    expect(appeals.length).toBeGreaterThan(0)
    for (const table of ['attachments', 'attachment_blobs'])
      expect(Number((await desk0.sql<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n)).toBe(0)
    const added = await desk0.ok('attachments.add', {
      ownerKind: 'appeal',
      ownerId: Number(appeals[0]!.id),
      fileName: 'old-letter.png',
      base64: base64(pngFile()),
    })
    expect(await desk0.ok('attachments.list', { ownerKind: 'appeal', ownerId: Number(appeals[0]!.id) })).toEqual([
      added,
    ])
  })
})
