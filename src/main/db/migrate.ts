import { Table, type DataSource, type QueryRunner } from 'typeorm'
import { keepDerivedTables } from './derived'
import { engineOf } from './dialect'
import { MIGRATIONS, type Migration } from './migrations'

/** The database was written by a newer Akimat Desk: refuse to open it rather than damage it. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly appVersion: number,
  ) {
    super(`Database schema version ${databaseVersion} is newer than this program knows (${appVersion}).`)
    this.name = 'DatabaseTooNewError'
  }
}

const VERSION_TABLE = 'schema_migrations'

/** The schema version a database holds: the highest migration applied, 0 for a new file. */
export async function schemaVersion(dataSource: DataSource): Promise<number> {
  const qr = dataSource.createQueryRunner()
  try {
    if (!(await qr.hasTable(VERSION_TABLE))) return 0
    const rows: { version: number | null }[] = await qr.manager
      .createQueryBuilder()
      .select('MAX(version)', 'version')
      .from(VERSION_TABLE, 'm')
      .getRawMany()
    return Number(rows[0]?.version ?? 0)
  } finally {
    await qr.release()
  }
}

/**
 * Applies every pending migration in one transaction: all of them or, on any error, none.
 * A database with a version above the last known migration is refused before anything runs.
 *
 * The tables derived from `appeals` (the full-text index, the yearly counts: db/derived/) are
 * the runner's, not the migrations': a migration creates such a table, and after the last
 * pending migration, in the same transaction, the runner makes the triggers on `appeals` that
 * keep it the current definitions (db/derived/, the one place they are written) and computes
 * its contents again, wherever a trigger is missing or differs. On SQLite, TypeORM changes a
 * table's columns by rebuilding it, and dropping the old table drops its triggers: a migration
 * that rebuilds `appeals` needs to do nothing about it, the runner sees the triggers gone.
 *
 * The rule this gives for freezing: a shipped migration never changes (it imports nothing of
 * the app; what it needs is copied into its own 000N-data/ folder), but the derived tables'
 * triggers are not part of any migration, so a run of old migrations ends with today's
 * triggers. They are installed once, after the last migration, because today's definitions
 * are written for today's schema, not for the schema between two old migrations; until then a
 * migration must read `appeals` itself, not a derived table that a rebuild earlier in the
 * same run has left without triggers. A new definition reaches existing databases with the
 * next migration (a migration with nothing else to do is fine).
 *
 * On SQLite, foreign key enforcement cannot be switched inside a transaction, and a migration
 * that rebuilds a table would otherwise cascade or fail; so, as SQLite's documentation
 * prescribes, it is switched off around the transaction, `foreign_key_check` must come back
 * empty before commit, and enforcement is switched on again afterwards.
 */
export async function migrate(
  dataSource: DataSource,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const versions = migrations.map((m) => m.version)
  if (versions.some((v, i) => i > 0 && v <= versions[i - 1]!))
    throw new Error('Migrations must be listed in rising version order')
  const latest = versions.at(-1) ?? 0
  const current = await schemaVersion(dataSource)
  if (current > latest) throw new DatabaseTooNewError(current, latest)
  // By version, not by position: a list may skip a number (0010 lands before 0008 and 0009 merge in).
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return []

  const sqlite = engineOf(dataSource) === 'sqlite'
  const qr = dataSource.createQueryRunner()
  try {
    if (sqlite) await qr.query('PRAGMA foreign_keys = OFF')
    await qr.startTransaction()
    try {
      await applyMigrations(qr, pending)
      if (sqlite) {
        const broken: unknown[] = await qr.query('PRAGMA foreign_key_check')
        if (broken.length > 0) throw new Error(`Migration left ${broken.length} broken foreign key(s)`)
      }
      await qr.commitTransaction()
    } catch (error) {
      await qr.rollbackTransaction()
      throw error
    }
  } finally {
    if (sqlite) await qr.query('PRAGMA foreign_keys = ON')
    await qr.release()
  }
  return pending.map((m) => m.version)
}

/**
 * The migrations' part of a run, in the transaction `qr` holds: the version table when there is
 * none, each pending migration with its row, then the derived tables kept. `migrate` wraps it
 * in its own transaction; moving an office to PostgreSQL runs it in the transaction of the
 * whole copy, so a failed or killed move leaves no schema behind.
 */
export async function applyMigrations(qr: QueryRunner, pending: readonly Migration[]): Promise<void> {
  if (!(await qr.hasTable(VERSION_TABLE))) {
    await qr.createTable(
      new Table({
        name: VERSION_TABLE,
        columns: [
          { name: 'version', type: 'integer', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'applied_at', type: 'varchar', length: '32' },
        ],
      }),
    )
  }
  for (const migration of pending) {
    await migration.up(qr)
    await qr.manager
      .createQueryBuilder()
      .insert()
      .into(VERSION_TABLE, ['version', 'name', 'applied_at'])
      .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
      .execute()
  }
  await keepDerivedTables(qr)
}
