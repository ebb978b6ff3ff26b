import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { appealSearchText } from '@shared/domain/search'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { postgresDataSource } from '../../src/main/db/postgres'
import { parameter } from '../../src/main/db/dialect'
import { useCleanup } from '../helpers/cleanup'
import { userContext } from '../helpers/context'
import { startTestCore } from '../helpers/core'
import { ENGINES, postgresDatabase } from '../helpers/engines'
import { migrateTarget } from '../helpers/migratedDatabase'

/**
 * Migration 0016 on a version-14 database holding appeals as 0002 left their search text
 * (number, applicant, summary): afterwards every row also has its personal search text, the
 * number's count and the external number are found, and a clerk finds an appeal by phone, IIN
 * and address while a press officer does not; on SQLite through the two-column full-text index
 * the runner rebuilt, on PostgreSQL through the new column.
 */

const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'

type Row = [
  reg: string,
  external: string | null,
  name: string,
  iin: string | null,
  phone: string | null,
  address: string | null,
]
const ROWS: Row[] = [
  ['2026-000001', null, 'Сейітқали Бақытжан', '900515301234', '+7 701 123 45 67', 'Қарабас ауылы, Абай көшесі, 12'],
  ['2026-000002', 'ӨТ-2025-00412', 'Жұмабекова Айгүл', null, '8 (777) 555-00-11', null],
  ['2026-000003', null, 'Өмірбеков Қайрат', null, null, null],
]

async function openTarget(target: string): Promise<DataSource> {
  const dataSource = target.startsWith('postgres://')
    ? postgresDataSource(target)
    : new DataSource({ type: 'better-sqlite3', database: target, entities: [], synchronize: false })
  return dataSource.initialize()
}

async function version14Database(target: string): Promise<void> {
  await migrateTarget(
    target,
    MIGRATIONS.filter((m) => m.version <= 14),
  )
  const db = await openTarget(target)
  try {
    for (const [i, [reg, external, name, iin, phone, address]] of ROWS.entries()) {
      const params = [
        `00000000-0000-0000-0000-00000000000${i}`,
        reg,
        external,
        name,
        iin,
        phone,
        address,
        appealSearchText(reg, name, 'Су құбыры'),
        STAMP,
        STAMP,
      ]
      const p = params.map((_, k) => parameter(db, k))
      await db.query(
        `INSERT INTO appeals (uuid, reg_number, external_number, received_at, registered_on, channel, appeal_type, sector_id,
           applicant_kind, applicant_name, applicant_id_number, applicant_phone, applicant_address, summary, status, due_on,
           review_due_on, search_text, created_at, updated_at)
         SELECT ${p[0]}, ${p[1]}, ${p[2]}, '2026-01-22T12:00', '2026-01-22', 'reception', 'request', s.id, 'individual',
           ${p[3]}, ${p[4]}, ${p[5]}, ${p[6]}, 'Су құбыры', 'registered', '2026-02-12', '2026-02-12', ${p[7]}, ${p[8]}, ${p[9]}
         FROM sectors s WHERE s.code = 'social'`,
        params,
      )
    }
    await db.query('INSERT INTO appeal_counters (year, last_number) VALUES (2026, 3)')
  } finally {
    await db.destroy()
  }
}

describe.each(ENGINES)('migration 0016 on a version-14 %s database holding rows', (engine) => {
  it('fills both search texts and the search finds personal data for a clerk only', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const target = engine === 'postgres' ? await postgresDatabase() : file
    await version14Database(target)
    await migrateTarget(target, MIGRATIONS)

    const db = await openTarget(target)
    const texts: { reg_number: string; search_text: string; personal_search_text: string }[] = await db.query(
      'SELECT reg_number, search_text, personal_search_text FROM appeals ORDER BY id',
    )
    await db.destroy()
    expect(texts).toEqual([
      {
        reg_number: '2026-000001',
        search_text: '2026-000001 1 сейиткали бакытжан су кубыры',
        personal_search_text:
          '900515301234 7011234567 011234567 11234567 1234567 234567 34567 4567 карабас ауылы, абай кошеси, 12',
      },
      {
        reg_number: '2026-000002',
        search_text: '2026-000002 2 от-2025-00412 412 жумабекова айгул су кубыры',
        personal_search_text: '7775550011 775550011 75550011 5550011 550011 50011 0011',
      },
      { reg_number: '2026-000003', search_text: '2026-000003 3 омирбеков кайрат су кубыры', personal_search_text: '' },
    ])

    const core = await startTestCore(file, engine === 'postgres' ? { postgresUrl: target } : {})
    try {
      const found = async (role: 'clerk' | 'press', query: string) => {
        const result = await core.dispatch(
          'appeals.list',
          { query, sort: 'regNumber', order: 'asc' },
          userContext(role),
        )
        if (!result.ok) throw new Error(JSON.stringify(result.error))
        const page = result.data as { rows: { regNumber: string }[]; total: number }
        expect(page.total).toBe(page.rows.length)
        return page.rows.map((r) => r.regNumber.slice(-1)).join('')
      }
      for (const [query, clerk, press] of [
        ['87011234567', '1', ''],
        ['0011', '2', ''],
        ['900515', '1', ''],
        ['абай', '1', ''],
        ['412', '2', '2'],
        ['кайрат', '3', '3'],
        ['су кубыры', '123', '123'],
      ] as const) {
        expect(await found('clerk', query), `${query} as a clerk`).toBe(clerk)
        expect(await found('press', query), `${query} as press`).toBe(press)
      }
      // a new registration is indexed by the triggers the runner installed
      const created = await core.dispatch(
        'appeals.create',
        {
          receivedAt: '2026-02-02T10:00',
          channel: 'reception',
          appealType: 'application',
          sectorId: (await core.database.dataSource.query("SELECT id FROM sectors WHERE code = 'housing'"))[0].id,
          applicant: {
            kind: 'individual',
            surname: 'Ахметов',
            firstName: 'Серік',
            patronymic: null,
            iin: null,
            phone: '+7 705 222 33 44',
            address: null,
          },
          summary: 'Жол',
        },
        userContext('clerk'),
      )
      expect(created.ok, JSON.stringify(created)).toBe(true)
      expect(await found('clerk', '3344')).toBe('4')
    } finally {
      await core.close()
    }
  })
})
