import { describe, expect, it } from 'vitest'
import { canonicalValue, TableChecksum, valueFor } from '../../src/main/db/transfer/canonical'
import { columnKind, type ColumnInfo } from '../../src/main/db/transfer/schema'

/** The copier's canonical encoding: the same data read from either engine gives the same checksum. */
const COLUMNS: ColumnInfo[] = [
  { name: 'active', kind: 'boolean' },
  { name: 'data', kind: 'blob' },
  { name: 'held_on', kind: 'date' },
  { name: 'id', kind: 'integer' },
  { name: 'share', kind: 'real' },
  { name: 'summary', kind: 'text' },
]

const checksum = (...rows: Record<string, unknown>[]) => {
  const sum = new TableChecksum(COLUMNS)
  rows.forEach((row) => sum.add(row))
  return sum.digest()
}

describe('canonical values and table checksums', () => {
  const fromSqlite = {
    active: 1,
    data: Buffer.from([0, 255]),
    held_on: '2025-03-14',
    id: 7,
    share: 0.1,
    summary: 'Қайрат',
  }
  const fromPostgres = {
    summary: 'Қайрат',
    share: 0.1,
    id: 7,
    held_on: '2025-03-14',
    data: Buffer.from([0, 255]),
    active: true,
  }

  it('gives the same checksum for a row as SQLite and PostgreSQL return it', () => {
    expect(checksum(fromSqlite)).toBe(checksum(fromPostgres))
    expect(checksum({ ...fromSqlite, active: 0 })).toBe(checksum({ ...fromPostgres, active: false }))
  })

  it('tells apart what differs: a value, NULL from empty text, the rows order', () => {
    expect(checksum({ ...fromSqlite, summary: 'Кайрат' })).not.toBe(checksum(fromSqlite))
    expect(checksum({ ...fromSqlite, summary: null })).not.toBe(checksum({ ...fromSqlite, summary: '' }))
    expect(checksum({ ...fromSqlite, active: 0 })).not.toBe(checksum(fromSqlite))
    const other = { ...fromSqlite, id: 8 }
    expect(checksum(fromSqlite, other)).not.toBe(checksum(other, fromSqlite))
  })

  it('writes booleans as each engine takes them, and maps declared types to kinds', () => {
    expect(valueFor('sqlite', 'boolean', true)).toBe(1)
    expect(valueFor('postgres', 'boolean', 0)).toBe(false)
    expect(canonicalValue('blob', Buffer.from('ab'))).toEqual({ hex: '6162' })
    expect(
      ['varchar(32)', 'character varying', 'integer', 'boolean', 'date', 'text', 'bytea', 'double precision'].map(
        columnKind,
      ),
    ).toEqual(['text', 'text', 'integer', 'boolean', 'date', 'text', 'blob', 'real'])
    expect(columnKind('timestamp with time zone')).toBeNull()
  })
})
