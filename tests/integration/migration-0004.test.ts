import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { appealSearchText } from '@shared/domain/search'
import { migrate } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import { appealInput, openDesk } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { addOkrug, exportToFile, openOffice, packageInput } from '../helpers/consolidation'

/**
 * Migration 0004 (consolidation numbers) on a version-3 database holding an office's rows:
 * appeals (one of them already imported from an okrug, as version 3 could hold), two
 * consolidation sources and a conflict. Nothing may be lost, the sources get their codes in
 * the order they were imported, search keeps working, and the next import numbers on.
 */

const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'
const OKRUG_OFFICE = '9b2f3c1d-5e6a-4b7c-8d9e-0f1a2b3c4d5e'

async function version3Database(): Promise<string> {
  const file = join(cleanup.tempDir(), 'akimat.sqlite')
  const dataSource = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
  await dataSource.initialize()
  try {
    expect(await migrate(dataSource, MIGRATIONS.slice(0, 3))).toEqual([1, 2, 3])
    const q = (sql: string, params: unknown[] = []) => dataSource.query(sql, params)
    await q(
      `INSERT INTO localities (parent_id, kind, name_kk, name_ru, name_en, active, uuid, created_at, updated_at)
       VALUES (NULL, 'okrug', 'Қарабас ауылдық округі', 'Карабасский сельский округ', NULL, 1, '0c5e2f9a-1b3d-4e6f-8a7b-9c0d1e2f3a4b', ?, ?)`,
      [STAMP, STAMP],
    )
    const appeal = (uuid: string, regNumber: string, summary: string, origin: string | null) =>
      q(
        `INSERT INTO appeals (uuid, reg_number, received_at, registered_on, channel, appeal_type, sector_id, locality_id,
           applicant_kind, applicant_name, summary, status, due_on, review_due_on, search_text, origin_office_uuid, imported_version, created_at, updated_at)
         SELECT ?, ?, '2026-02-02T10:00', '2026-02-02', 'reception', 'request', s.id, 1, 'individual', 'Сейітқали Бақытжан', ?, 'registered',
           '2026-02-23', '2026-02-23', ?, ?, ?, ?, ? FROM sectors s WHERE s.code = 'housing'`,
        [
          uuid,
          regNumber,
          summary,
          appealSearchText(regNumber, 'Сейітқали Бақытжан', summary),
          origin,
          origin ? STAMP : null,
          STAMP,
          STAMP,
        ],
      )
    await appeal('6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', '2026-000001', 'Көшеде жарық жоқ', null)
    await appeal('7b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e', 'ok-2026-000001', 'Шатыр ағады', OKRUG_OFFICE)
    await q('INSERT INTO appeal_counters (year, last_number) VALUES (2026, 1)')
    await q(
      `INSERT INTO consolidation_sources (office_uuid, name_kk, name_ru, last_exported_at, last_checksum, imported_at) VALUES
       ('b0000000-0000-4000-8000-000000000002', 'Екінші', 'Второй', ?, ?, '2026-02-03T00:00:00.000Z'),
       (?, 'Бірінші', 'Первый', ?, ?, '2026-02-01T00:00:00.000Z')`,
      [STAMP, 'a'.repeat(64), OKRUG_OFFICE, STAMP, 'b'.repeat(64)],
    )
    await q(
      `INSERT INTO consolidation_conflicts (office_uuid, entity, uuid, local_value, incoming_value, created_at) VALUES (?, 'appeal', ?, '{}', '{}', ?)`,
      [OKRUG_OFFICE, '7b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e', STAMP],
    )
    return file
  } finally {
    await dataSource.destroy()
  }
}

describe('migration 0004 on a version-3 database holding rows', () => {
  it('keeps every row, numbers the sources in import order, and keeps search and numbering working', async () => {
    const file = await version3Database()
    const desk = await openDesk(cleanup, { now: '2026-04-10T10:00:00', file })
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(4)
    expect((await desk.ok('app.info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION)

    expect(
      await desk.sql(
        'SELECT reg_number, summary, origin_office_uuid, origin_reg_number, origin_executor_name FROM appeals ORDER BY id',
      ),
    ).toEqual([
      {
        reg_number: '2026-000001',
        summary: 'Көшеде жарық жоқ',
        origin_office_uuid: null,
        origin_reg_number: null,
        origin_executor_name: null,
      },
      {
        reg_number: 'ok-2026-000001',
        summary: 'Шатыр ағады',
        origin_office_uuid: OKRUG_OFFICE,
        origin_reg_number: null,
        origin_executor_name: null,
      },
    ])
    expect(await desk.sql('SELECT name_kk, code FROM consolidation_sources ORDER BY code')).toEqual([
      { name_kk: 'Бірінші', code: 1 },
      { name_kk: 'Екінші', code: 2 },
    ])
    expect(await desk.count('audit_entries')).toBeGreaterThan(0) // the desk's operator, at least
    expect(await desk.sql('SELECT COUNT(*) AS n FROM consolidation_conflicts')).toEqual([{ n: 1 }])

    // search over old rows and new ones: the full-text triggers survived the rebuild of appeals
    const search = async (query: string) => (await desk.ok('appeals.list', { query })).rows.map((r) => r.regNumber)
    expect(await search('Сейиткали')).toEqual(['ok-2026-000001', '2026-000001'])
    const triggers = await desk.sql<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'appeals' ORDER BY name",
    )
    expect(triggers.map((t) => t.name)).toEqual([
      'appeal_year_counts_delete',
      'appeal_year_counts_insert',
      'appeal_year_counts_update', // since migration 0006
      'appeals_fts_delete',
      'appeals_fts_insert',
      'appeals_fts_update',
    ])
    await desk.ok('appeals.create', appealInput(await desk.sector('land'), { summary: 'Жайылым бөлінбеген' }))
    expect(await search('жайылым')).toEqual(['2026-000002'])

    // a third source gets the next code
    const okrug = await openOffice(
      cleanup,
      'Ақтоғай ауылдық округі әкімінің аппараты',
      'Аппарат акима Актогайского сельского округа',
    )
    const places = await addOkrug(okrug, 'Ақтоғай ауылдық округі', ['Ақтоғай ауылы'])
    await okrug.ok('appeals.create', appealInput(await okrug.sector('housing'), { localityId: places.settlements[0] }))
    const { file: packageFile } = await exportToFile(okrug, cleanup.tempDir())
    expect((await desk.ok('consolidation.importPackage', packageInput(packageFile))).sourceCode).toBe(3)
    expect(await search('3/2026-000001')).toEqual(['3/2026-000001'])
    // the unique index on the codes holds
    await expect(desk.sql("UPDATE consolidation_sources SET code = 1 WHERE name_kk = 'Екінші'")).rejects.toThrow(
      /UNIQUE/,
    )
  })
})
