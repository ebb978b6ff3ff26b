import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import type { AuditVerification } from '@shared/api/contract'
import { migrate } from '../../src/main/db/migrate'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { auditHash, GENESIS_HASH } from '../../src/main/services/auditHash'
import { openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { appendPlainAuditEntries, insertMeetingWithTwoQuestions } from '../helpers/olderDatabase'

/**
 * An office upgrading: its database holds history chained by plain SHA-256, part of it built by
 * migration 0003 over entries from before the chain existed, part written by the program after
 * it. The first start with keyed history keeps every entry, verifies them as before, and
 * re-anchors: one entry records the old chain's last hash and is the first one signed with the key.
 */
const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'

async function olderOfficeDatabase(): Promise<{ file: string; lastPlainHash: string }> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  try {
    // before the chain: two entries without hashes, which migration 0003 chains
    await migrate(dataSource, MIGRATIONS.slice(0, 2))
    for (const id of ['1', '2']) {
      await dataSource.query(
        `INSERT INTO audit_entries (at, operator, entity, entity_id, action, field, old_value, new_value)
         VALUES (?, 'Тест Операторов', 'sector', ?, 'update', 'nameKk', '"Ескі"', '"Жаңа"')`,
        [STAMP, id],
      )
    }
    await migrate(dataSource)
    await insertMeetingWithTwoQuestions(dataSource, STAMP)
    // then three written by the program, chained as it did then
    const lastPlainHash = await appendPlainAuditEntries(
      dataSource,
      ['1', '2', '1'].map((entityId, i) => ({
        at: `2026-02-0${3 + i}T06:00:00.000Z`,
        operator: 'Жұмағалиева Әсем',
        entity: 'appeal',
        entityId,
        field: 'summary',
        oldValue: '"Көпір"',
        newValue: `"Көпірді жөндеу ${i}"`,
      })),
    )
    return { file, lastPlainHash }
  } finally {
    await dataSource.destroy()
  }
}

interface Entry {
  id: number
  entity: string
  action: string
  field: string | null
  old_value: string | null
  prev_hash: string
  hash: string
}

describe('keyed history on a database holding an older plain chain', () => {
  it('keeps and verifies the old entries, and re-anchors once where keyed history begins', async () => {
    const { file, lastPlainHash } = await olderOfficeDatabase()
    const desk = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file })
    const rows = await desk.sql<Entry>(
      'SELECT id, entity, action, field, old_value, prev_hash, hash FROM audit_entries ORDER BY id',
    )
    // 5 old entries, the anchor, then the desk's operator (staff.create)
    expect(rows.slice(0, 5).map((r) => r.entity)).toEqual(['sector', 'sector', 'appeal', 'appeal', 'appeal'])
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH)
    const anchor = rows[5]!
    expect(anchor).toMatchObject({ entity: 'audit', action: 'anchor', field: 'upgrade', prev_hash: lastPlainHash })
    expect(JSON.parse(anchor.old_value!)).toEqual({ last: { id: 5, hash: lastPlainHash }, keyId: null })

    const report = await desk.ok('audit.verify', {})
    expect(report).toMatchObject({
      entries: rows.length,
      firstBroken: null,
      legacyEntries: 5,
      keyedFrom: { id: 6 },
      findings: [],
      unverifiable: [],
      head: { state: 'ok', lastId: rows.length },
    })
    // the old meeting and its questions came through
    expect((await desk.ok('meetings.get', { id: 1 })).questionsCount).toBe(2)

    // a second start does not anchor again
    await desk.core.close()
    const again = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file })
    expect(await again.sql("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'anchor'")).toEqual([{ n: 1 }])
    expect(await again.ok('audit.verify', {})).toMatchObject({
      firstBroken: null,
      legacyEntries: 5,
      keyedFrom: { id: 6 },
    })
  })

  it('names an old entry edited afterwards, and the anchor when the whole old chain is recomputed', async () => {
    const { file } = await olderOfficeDatabase()
    const desk = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file })
    await desk.core.close()
    const db = new Database(file)
    db.exec('DROP TRIGGER audit_entries_no_update')
    db.prepare('UPDATE audit_entries SET new_value = ? WHERE id = 4').run('"Басқа"')
    db.close()
    const edited = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file })
    expect(await edited.ok('audit.verify', {})).toMatchObject({ firstBroken: { id: 4 } })
    await edited.core.close()

    // whoever edits can recompute the plain chain: the anchor, signed with the key, holds its end
    const raw = new Database(file)
    const old = raw.prepare('SELECT * FROM audit_entries WHERE id <= 5 ORDER BY id').all() as Record<string, string>[]
    let prev = GENESIS_HASH
    for (const row of old) {
      const hash = auditHash(prev, {
        at: row.at!,
        operator: row.operator ?? null,
        entity: row.entity!,
        entityId: row.entity_id!,
        action: row.action!,
        field: row.field ?? null,
        oldValue: row.old_value ?? null,
        newValue: row.new_value ?? null,
      })
      raw.prepare('UPDATE audit_entries SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id)
      prev = hash
    }
    raw.close()
    const recomputed = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file })
    expect(((await recomputed.ok('audit.verify', {})) as AuditVerification).firstBroken).toMatchObject({
      id: 6,
      entity: 'audit',
    })
  })
})
