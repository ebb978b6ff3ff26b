import { createHash, type Hash } from 'node:crypto'
import type { Engine } from '../dialect'
import type { ColumnInfo, ColumnKind } from './schema'

/**
 * The canonical form of a value, the same whichever engine it was read from:
 * - null: JSON null (an absent value and an empty text stay different);
 * - boolean: true / false (SQLite keeps 1 / 0, PostgreSQL a boolean);
 * - integer: the number (bigint counts come back as numbers on both: db/postgres.ts);
 * - real: the number as JavaScript writes it (its shortest round-trip form);
 * - date: its text, YYYY-MM-DD (PostgreSQL's date is read as text: db/postgres.ts);
 * - text: the text exactly, no trimming or Unicode normalisation;
 * - blob: { "hex": "…" }, the bytes in lower-case hex.
 */
export function canonicalValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null
  switch (kind) {
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 't' || value === 'true'
    case 'integer':
    case 'real':
      return typeof value === 'bigint' ? value.toString() : Number(value)
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
    case 'text':
      return typeof value === 'string' ? value : String(value)
    case 'blob':
      return { hex: Buffer.isBuffer(value) ? value.toString('hex') : Buffer.from(String(value)).toString('hex') }
  }
}

/**
 * A table's checksum: SHA-256 over its rows in primary-key order, each row the JSON array of
 * its canonical values in column-name order, followed by a line feed.
 */
export class TableChecksum {
  private readonly hash: Hash = createHash('sha256')
  rows = 0

  constructor(private readonly columns: readonly ColumnInfo[]) {}

  add(row: Record<string, unknown>): void {
    this.hash.update(`${JSON.stringify(this.columns.map((c) => canonicalValue(c.kind, row[c.name])))}\n`)
    this.rows += 1
  }

  digest(): string {
    return this.hash.digest('hex')
  }
}

/** A value as the target engine takes it: better-sqlite3 binds no booleans, PostgreSQL's boolean wants one. */
export function valueFor(engine: Engine, kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (kind === 'boolean') {
    const truth = canonicalValue('boolean', value) as boolean
    return engine === 'sqlite' ? (truth ? 1 : 0) : truth
  }
  if (kind === 'date' && value instanceof Date) return value.toISOString().slice(0, 10)
  return value
}
