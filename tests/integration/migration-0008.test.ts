import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import { useCleanup } from '../helpers/cleanup'
import { insertMeetingWithTwoQuestions } from '../helpers/olderDatabase'
import { ADMIN_ACCOUNT, OFFICE_NAMES, openOffice } from '../helpers/auth'

/**
 * Migration 0008 (users) on a version-7 database of an office that worked before sign-in: a
 * staff list, a meeting with its questions, their history. Nothing is lost; the first start
 * asks for an administrator (no account exists) and offers the staff list to link them to;
 * the linked administrator is then who accepts appeals.
 */

const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'

async function version7Database(): Promise<string> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  try {
    expect(await migrate(dataSource, MIGRATIONS.slice(0, 7))).toEqual([1, 2, 3, 4, 5, 6, 7])
    await insertMeetingWithTwoQuestions(dataSource, STAMP)
    for (const [name, active] of [
      ['Жұмағалиева Әсем Серікқызы', 1],
      ['Ахметов Болат', 1],
      ['Бұрынғы Қызметкер', 0],
    ] as const) {
      await dataSource.query(
        `INSERT INTO staff (full_name, position, department, is_executor, active, created_at, updated_at) VALUES (?, 'Маман', NULL, 1, ?, ?, ?)`,
        [name, active, STAMP, STAMP],
      )
    }
    await dataSource.query(
      `INSERT INTO audit_entries (at, operator, entity, entity_id, action, field, old_value, new_value, prev_hash, hash)
       VALUES (?, 'Жұмағалиева Әсем Серікқызы', 'appeal', '1', 'create', NULL, NULL, '{}', NULL, NULL)`,
      [STAMP],
    )
    return file
  } finally {
    await dataSource.destroy()
  }
}

describe('migration 0008 on a version-7 database of an office that worked before sign-in', { timeout: 30_000 }, () => {
  it('keeps everything, asks for an administrator, offers the active staff to link them to', async () => {
    const file = await version7Database()
    const office = await openOffice(cleanup, { file })

    const status = await office.ok('auth.status', {}, null)
    expect(status).toMatchObject({ setupNeeded: true, user: null })
    expect(status.setupStaff.map((s) => s.fullName)).toEqual(['Ахметов Болат', 'Жұмағалиева Әсем Серікқызы'])
    expect(await office.fail('meetings.get', { id: 1 }, null)).toMatchObject({ code: 'signed_out' })

    const asem = status.setupStaff.find((s) => s.fullName === ADMIN_ACCOUNT.fullName)!
    const done = await office.ok(
      'auth.setup',
      { office: OFFICE_NAMES, admin: { ...ADMIN_ACCOUNT, staffId: asem.id } },
      null,
    )
    const session = done.session!
    expect(done.user).toMatchObject({ role: 'administrator', staffId: asem.id })
    expect((await office.ok('app.info', {}, session)).schemaVersion).toBe(LATEST_SCHEMA_VERSION)

    // The old data, as it was.
    expect(await office.ok('meetings.get', { id: 1 }, session)).toMatchObject({
      heldOn: '2026-01-22',
      questionsCount: 2,
    })
    expect((await office.ok('staff.list', { includeInactive: true }, session)).map((s) => s.fullName)).toEqual([
      'Ахметов Болат',
      'Бұрынғы Қызметкер',
      'Жұмағалиева Әсем Серікқызы',
    ])
    const history = await office.sql<{ operator: string; entity: string; action: string }>(
      'SELECT operator, entity, action FROM audit_entries ORDER BY id',
    )
    expect(history[0]).toEqual({ operator: ADMIN_ACCOUNT.fullName, entity: 'appeal', action: 'create' })
    expect(history.slice(1).map((h) => `${h.entity}.${h.action}`)).toEqual(
      expect.arrayContaining(['user.create', 'user.sign_in']),
    )

    // The linked administrator accepts appeals under their staff name and position.
    const meeting = await office.ok('meetings.get', { id: 1 }, session)
    const appeal = await office.ok('appeals.get', { id: meeting.questions[0]!.id }, session)
    expect(appeal.regNumber).toMatch(/^2026-00000[12]$/)

    // The table: unique folded username, the staff link's foreign key.
    const [table] = await office.sql<{ sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'",
    )
    expect(table!.sql).toContain('UNIQUE ("username_key")')
    const keys = await office.sql<{ table: string; from: string; on_delete: string }>('PRAGMA foreign_key_list(users)')
    expect(keys.map((k) => [k.from, k.table, k.on_delete])).toEqual([['staff_id', 'staff', 'SET NULL']])
    expect(await office.sql('PRAGMA foreign_key_check')).toEqual([])
  })
})
