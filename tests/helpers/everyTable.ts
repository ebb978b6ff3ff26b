import Database from 'better-sqlite3'

/**
 * Gives every table of an SQLite file that holds no rows two of them: one with a value in every
 * column (Kazakh letters, quotes, a line break; true booleans; dates) and one with NULL wherever
 * the column allows it. For the tables the sample district leaves empty (accounts, packages,
 * fingerprints, migration changes), so that a copy is tested on every table and every kind of
 * value whatever wrote them. A foreign key takes the smallest id of the table it names.
 */
export function fillEmptyTables(file: string): string[] {
  const db = new Database(file)
  const filled: string[] = []
  try {
    const tables = (db.prepare('PRAGMA table_list').all() as { schema: string; name: string; type: string }[])
      .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
      .map((t) => t.name)
    for (const table of tables) {
      if (db.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get()) continue
      const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as {
        name: string
        type: string
        notnull: number
        pk: number
      }[]
      const keys = new Map(
        (db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { from: string; table: string; to: string }[]).map(
          (k) => [k.from, k],
        ),
      )
      for (const full of [true, false]) {
        const values = columns.map((c, i) => {
          const key = keys.get(c.name)
          if (key)
            return db
              .prepare(`SELECT MIN("${key.to ?? 'id'}") FROM "${key.table}"`)
              .pluck()
              .get() as number
          if (!full && !c.notnull && !c.pk) return null
          const type = c.type.toLowerCase()
          if (type.includes('bool')) return full ? 1 : 0
          if (type.startsWith('int')) return (full ? 1000 : 2000) + i
          if (type === 'date') return full ? '2026-02-28' : '2024-02-29'
          // within the declared length: SQLite does not check it, PostgreSQL does
          const length = Number(/\((\d+)\)/.exec(type)?.[1] ?? 1000)
          return (full ? `Қ"Ө'ң\nж${i}` : `r2-${i}`).slice(0, length)
        })
        db.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        ).run(...values)
      }
      filled.push(table)
    }
  } finally {
    db.close()
  }
  return filled
}
