import type { EntitySchemaColumnOptions } from 'typeorm'

/**
 * Column shapes shared by the entities. Every column names its type explicitly: esbuild
 * emits no decorator metadata, and the types are chosen to mean the same on SQLite and
 * PostgreSQL (the shared office server). Timestamps are ISO-8601 UTC strings in varchar,
 * which sort and compare correctly as text on both; calendar dates use `date`.
 */
export const idColumn: EntitySchemaColumnOptions = { type: 'integer', primary: true, generated: 'increment' }
export const timestampColumn = (name: string): EntitySchemaColumnOptions => ({ type: 'varchar', length: 32, name })
export const nameColumn = (name: string, nullable = false): EntitySchemaColumnOptions => ({
  type: 'varchar',
  length: 200,
  name,
  nullable,
})
