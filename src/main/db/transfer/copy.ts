import { DERIVED_TABLES } from '../derived'
import type { DerivedTable } from '../derived/derivedTable'
import { TableChecksum } from './canonical'
import { deferForeignKeys } from './constraints'
import { counterHighWater, setCounter } from './counters'
import type { Queryable } from '../queryable'
import { insertRows, readInKeyOrder, rowsPerInsert } from './rows'
import { quote, readSchema, type SchemaInfo, type TableInfo } from './schema'

/** One table of a copy: its rows and checksum on each side. */
export interface TableReport {
  table: string
  sourceRows: number
  targetRows: number
  sourceChecksum: string
  targetChecksum: string
  match: boolean
  /** Computed again on the target from its appeals (db/derived/), then compared, not copied. */
  derived: boolean
}

export interface CopyOptions {
  /** Rows read from the source per page (default 2000). */
  readBatch?: number
  /** Called after each batch is written (progress; the tests inject a failure here). */
  onBatch?: (table: string, rowsSoFar: number) => Promise<void> | void
}

/**
 * Tables whose rows are not copied (emptied on the target, left out of the comparison):
 * `attachment_blobs` is where a backup file carries its attachments' bytes. A working database
 * keeps it empty and its bytes in the attachments folder (migration 0018): a restore onto the
 * server puts them there (move/carryAttachments.ts), a server backup packs them after the copy
 * (backup/attachmentBlobs.ts).
 */
export const NOT_COPIED: ReadonlySet<string> = new Set(['attachment_blobs'])

/** The two databases cannot be copied into one another (another version, another table set). */
export class TransferRefusal extends Error {
  override readonly name = 'TransferRefusal'
}

/**
 * Copies every table of `source` into `target`, both at the same schema version, and compares
 * them. Runs inside the transactions its caller holds: the source's (a snapshot) and the
 * target's (all of it, or nothing). The target's rows are replaced (what its migrations seeded:
 * sectors, calendar, settings; NOT_COPIED's are only emptied); tables are discovered from the schema, every column copied,
 * foreign keys checked at the end (constraints.ts); id counters carried over (counters.ts); the
 * tables derived from appeals (db/derived/) computed again on the target and compared with the
 * source's; then every table read back from the target and its count and checksum
 * (canonical.ts) compared with the source's.
 */
export async function copyTables(
  source: Queryable,
  target: Queryable,
  options: CopyOptions = {},
): Promise<TableReport[]> {
  const readBatch = options.readBatch ?? 2000
  const [from, to] = [await readSchema(source), await readSchema(target)]
  await sameVersion(source, target)
  const derivedNames = new Set(DERIVED_TABLES.map((d) => d.table))
  const copied = [...to.tables.values()].filter((t) => !derivedNames.has(t.name) && !NOT_COPIED.has(t.name))
  sameTables(from, to, derivedNames)

  const keys = await deferForeignKeys(target)
  await emptyTables(target, to, [...to.tables.keys()])
  const reports: TableReport[] = []
  for (const table of copied) {
    const sourceTable = from.tables.get(table.name)!
    const sum = new TableChecksum(table.columns)
    let pending: Record<string, unknown>[] = []
    const flush = async () => {
      for (let i = 0; i < pending.length; i += rowsPerInsert(table))
        await insertRows(target, table, pending.slice(i, i + rowsPerInsert(table)))
      pending = []
      await options.onBatch?.(table.name, sum.rows)
    }
    await readInKeyOrder(source, sourceTable, readBatch, async (rows) => {
      for (const row of rows) sum.add(row)
      pending = rows
      await flush()
    })
    await setCounter(target, to, table, await counterHighWater(source, from, sourceTable))
    reports.push({
      ...(await checksumOf(target, table)),
      table: table.name,
      ...sourceSide(sum),
      match: false,
      derived: false,
    })
  }
  for (const derived of DERIVED_TABLES) {
    if (!to.tables.has(derived.table)) continue
    for (const sql of rederiveStatements(derived, to)) await target.query(sql)
    const table = to.tables.get(derived.table)!
    if (!from.tables.has(derived.table)) continue
    const before = await checksumOf(source, from.tables.get(derived.table)!)
    const after = await checksumOf(target, table)
    reports.push({
      table: derived.table,
      sourceRows: before.targetRows,
      sourceChecksum: before.targetChecksum,
      targetRows: after.targetRows,
      targetChecksum: after.targetChecksum,
      match: false,
      derived: true,
    })
  }
  await keys.restore()
  return reports.map((r) => ({
    ...r,
    match: r.sourceRows === r.targetRows && r.sourceChecksum === r.targetChecksum,
  }))
}

function sourceSide(sum: TableChecksum): Pick<TableReport, 'sourceRows' | 'sourceChecksum'> {
  return { sourceRows: sum.rows, sourceChecksum: sum.digest() }
}

/** A table's count and checksum, read in key order. */
export async function checksumOf(
  db: Queryable,
  table: TableInfo,
): Promise<Pick<TableReport, 'targetRows' | 'targetChecksum'>> {
  const sum = new TableChecksum(table.columns)
  await readInKeyOrder(db, table, 5000, (rows) => rows.forEach((row) => sum.add(row)))
  return { targetRows: sum.rows, targetChecksum: sum.digest() }
}

/** Every table of a database with its count and checksum (for a restore or a backup checked afterwards). */
export async function checksumsOf(db: Queryable): Promise<Map<string, { rows: number; checksum: string }>> {
  const schema = await readSchema(db)
  const sums = new Map<string, { rows: number; checksum: string }>()
  for (const table of schema.tables.values()) {
    const { targetRows, targetChecksum } = await checksumOf(db, table)
    sums.set(table.name, { rows: targetRows, checksum: targetChecksum })
  }
  return sums
}

function rederiveStatements(derived: DerivedTable, schema: SchemaInfo): readonly string[] {
  return schema.engine === 'postgres' ? (derived.postgres?.rederive ?? []) : derived.rederive
}

async function emptyTables(db: Queryable, schema: SchemaInfo, names: string[]): Promise<void> {
  if (names.length === 0) return
  if (schema.engine === 'postgres') {
    // One statement for all: TRUNCATE checks that every referencing table is in it, fires no row triggers.
    await db.query(`TRUNCATE ${names.map(quote).join(', ')}`)
    return
  }
  for (const name of names) {
    const [row]: { one: number }[] = await db.query(`SELECT 1 AS one FROM ${quote(name)} LIMIT 1`)
    // only tables holding rows: audit_entries refuses DELETE by trigger, and a new one is empty
    if (row) await db.query(`DELETE FROM ${quote(name)}`)
  }
}

async function sameVersion(source: Queryable, target: Queryable): Promise<void> {
  const version = async (db: Queryable) =>
    Number(((await db.query('SELECT MAX(version) AS v FROM schema_migrations')) as { v: number }[])[0]?.v ?? 0)
  const [a, b] = [await version(source), await version(target)]
  if (a !== b) throw new TransferRefusal(`the source is at schema version ${a}, the target at ${b}`)
}

/** The same tables with the same columns of the same kinds on both sides (the derived ones aside). */
function sameTables(from: SchemaInfo, to: SchemaInfo, derived: Set<string>): void {
  const names = (s: SchemaInfo) => [...s.tables.keys()].filter((n) => !derived.has(n))
  const [a, b] = [names(from), names(to)]
  const missing = b.filter((n) => !from.tables.has(n))
  const extra = a.filter((n) => !to.tables.has(n))
  if (missing.length > 0 || extra.length > 0)
    throw new TransferRefusal(
      `the two schemas differ: only in the target ${missing.join(', ') || '-'}; only in the source ${extra.join(', ') || '-'}`,
    )
  for (const name of b) {
    const describe = (t: TableInfo) => t.columns.map((c) => `${c.name}:${c.kind}`).join(',')
    const [s, t] = [from.tables.get(name)!, to.tables.get(name)!]
    if (describe(s) !== describe(t))
      throw new TransferRefusal(`table ${name} differs: source (${describe(s)}), target (${describe(t)})`)
  }
}
