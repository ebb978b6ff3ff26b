import { TableColumn, type QueryRunner } from 'typeorm'
import type { Migration } from './types'

/**
 * A staff member's position in Russian beside the one kept so far (Kazakh), so that a Russian
 * receipt or report names the position in Russian. The common civil-service titles are filled
 * in from their Kazakh wording; any other position waits for the office to type it (Settings →
 * Staff), and a Russian paper leaves the position out meanwhile rather than print it in Kazakh.
 * `staff` only: `appeals` is not rebuilt.
 */
export const staffPositionRu: Migration = {
  version: 11,
  name: 'staff-position-ru',
  async up(qr: QueryRunner) {
    await qr.addColumn(
      'staff',
      new TableColumn({ name: 'position_ru', type: 'varchar', length: '200', isNullable: true }),
    )
    for (const [kk, ru] of Object.entries(KNOWN_POSITIONS)) {
      // The driver writes the parameters its own way (? on SQLite, $1 on PostgreSQL).
      const [sql, parameters] = qr.connection.driver.escapeQueryWithParameters(
        'UPDATE staff SET position_ru = :ru WHERE trim(position) = :kk',
        { ru, kk },
        {},
      )
      await qr.query(sql, parameters)
    }
  },
}

/** Civil-service titles of an akimat's staff, Kazakh → Russian. */
const KNOWN_POSITIONS: Record<string, string> = {
  'Бас маман': 'Главный специалист',
  'Жетекші маман': 'Ведущий специалист',
  Маман: 'Специалист',
  'Бөлім басшысы': 'Руководитель отдела',
  'Сектор меңгерушісі': 'Заведующий сектором',
  'Әкім аппаратының басшысы': 'Руководитель аппарата акима',
  'Әкімнің орынбасары': 'Заместитель акима',
  'Ауыл әкімі': 'Аким села',
  'Аудан әкімі': 'Аким района',
}
