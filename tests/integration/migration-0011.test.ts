import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/main/db/migrate'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { staffPositionRu } from '../../src/main/db/migrations/0011-staff-position-ru'
import { useCleanup } from '../helpers/cleanup'

/**
 * Migration 0011 (a staff member's position in Russian) on a database of the version before it
 * holding staff: every row is kept; a common civil-service title gets its Russian wording, any
 * other position waits for the office to type it (null).
 */

const cleanup = useCleanup()
const STAMP = '2026-02-02T06:00:00.000Z'

describe('migration 0011 on a database holding staff', () => {
  it('keeps every member and fills the Russian position of the known titles only', async () => {
    const file = join(cleanup.tempDir(), 'akimat.sqlite')
    const db = new DataSource({ type: 'better-sqlite3', database: file, entities: [], synchronize: false })
    await db.initialize()
    try {
      const before = MIGRATIONS.indexOf(staffPositionRu)
      await migrate(db, MIGRATIONS.slice(0, before))
      const insert =
        'INSERT INTO staff (full_name, position, department, is_executor, active, created_at, updated_at) VALUES (?, ?, ?, 1, 1, ?, ?)'
      await db.query(insert, ['Жұмағалиева Әсем Серікқызы', 'Бас маман', null, STAMP, STAMP])
      await db.query(insert, ['Оспанов Ержан Болатұлы', ' Бөлім басшысы ', 'ТКШ', STAMP, STAMP])
      await db.query(insert, ['Сәрсенбаева Айгүл', 'Іс жүргізуші', null, STAMP, STAMP])

      expect(await migrate(db, MIGRATIONS.slice(0, before + 1))).toEqual([staffPositionRu.version])
      expect(await db.query('SELECT full_name, position, position_ru, department FROM staff ORDER BY id')).toEqual([
        {
          full_name: 'Жұмағалиева Әсем Серікқызы',
          position: 'Бас маман',
          position_ru: 'Главный специалист',
          department: null,
        },
        {
          full_name: 'Оспанов Ержан Болатұлы',
          position: ' Бөлім басшысы ',
          position_ru: 'Руководитель отдела',
          department: 'ТКШ',
        },
        { full_name: 'Сәрсенбаева Айгүл', position: 'Іс жүргізуші', position_ru: null, department: null },
      ])
    } finally {
      await db.destroy()
    }
  })
})
