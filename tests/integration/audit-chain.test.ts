import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { useCleanup } from '../helpers/cleanup'
import { startTestCore } from '../helpers/core'
import { ADMIN } from '../helpers/context'

/**
 * The tamper-evident history: entries are chained by hashes, the database refuses to update or
 * delete them, and "Verify history" finds the first broken link when someone edits the file
 * behind the program's back (here: with the triggers dropped, as a person with a SQLite tool could).
 */
const cleanup = useCleanup()

async function desk() {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const core = await startTestCore(file)
  cleanup.defer(() => (core.database.dataSource.isInitialized ? core.close() : undefined))
  const call = async <T>(method: string, input: unknown = {}) => {
    const result = await core.dispatch(method, input, ADMIN)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    return result.data as T
  }
  // Five entries: a new sector (1), three renames (3) and a move (1).
  const sector = await call<{ id: number }>('sectors.create', {
    code: 'culture',
    nameKk: 'Мәдениет',
    nameRu: 'Культура',
    nameEn: 'Culture',
  })
  await call('sectors.update', {
    id: sector.id,
    nameKk: 'Мәдениет және спорт',
    nameRu: 'Культура и спорт',
    nameEn: 'Culture and sport',
    active: true,
  })
  await call('sectors.move', { id: sector.id, direction: 'up' })
  return { core, file, call }
}

describe('audit history', () => {
  it('chains every entry to the one before, and verifies whole', async () => {
    const { core, call } = await desk()
    const rows: { prev_hash: string; hash: string }[] = await core.database.dataSource.query(
      'SELECT prev_hash, hash FROM audit_entries ORDER BY id',
    )
    expect(rows.length).toBeGreaterThanOrEqual(5)
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64))
    rows.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(rows[i]!.hash))
    expect(await call('audit.verify')).toMatchObject({
      entries: rows.length,
      firstBroken: null,
      keyedFrom: { id: 1 },
      legacyEntries: 0,
      head: { state: 'ok', headId: rows.length, lastId: rows.length },
      findings: [],
      unverifiable: [],
    })
  })

  it('is append-only: the database refuses to update or delete an entry', async () => {
    const { core } = await desk()
    const sql = (q: string) => core.database.dataSource.query(q)
    await expect(sql("UPDATE audit_entries SET operator = 'someone else' WHERE id = 1")).rejects.toThrow(/append-only/)
    await expect(sql('DELETE FROM audit_entries WHERE id = 1')).rejects.toThrow(/append-only/)
  })

  it('finds the first broken link after an entry is changed behind its back', async () => {
    const { core, file } = await desk()
    await core.close()
    const raw = new Database(file)
    raw.exec('DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete')
    raw.prepare('UPDATE audit_entries SET new_value = \'"Басқа атау"\' WHERE id = 3').run()
    raw.close()
    const reopened = await startTestCore(file)
    cleanup.defer(() => reopened.close())
    const result = await reopened.dispatch('audit.verify', {}, ADMIN)
    expect(result.ok && result.data).toMatchObject({ firstBroken: { id: 3, entity: 'sector' } })
  })

  it('finds the link broken by a deleted entry', async () => {
    const { core, file } = await desk()
    await core.close()
    const raw = new Database(file)
    raw.exec('DROP TRIGGER audit_entries_no_delete')
    raw.prepare('DELETE FROM audit_entries WHERE id = 2').run()
    raw.close()
    const reopened = await startTestCore(file)
    cleanup.defer(() => reopened.close())
    const result = await reopened.dispatch('audit.verify', {}, ADMIN)
    expect(result.ok && result.data).toMatchObject({ firstBroken: { id: 3 } })
  })
})
