import { randomBytes, randomUUID } from 'node:crypto'
import { Client } from 'pg'
import { afterAll, inject } from 'vitest'
import type { Engine } from '../../src/main/db/dialect'

export { ENGINES, type Engine } from '../../src/main/db/dialect'

/**
 * A database of the file's own on the run's PostgreSQL server (tests/helpers/postgresServer.ts),
 * dropped when the file's tests are done. Each call makes a new one: a test that needs an
 * empty database asks again. `migrated` copies the run's migrated template instead of starting
 * empty; the copy gets an office identity of its own, as a database migrated by itself would.
 */
export async function postgresDatabase(options: { migrated?: boolean } = {}): Promise<string> {
  const admin = new URL(inject('postgresAdmin'))
  const name = `t_${randomBytes(6).toString('hex')}`
  const template = options.migrated ? ` TEMPLATE ${inject('postgresMigrated')}` : ''
  await adminQuery(admin, `CREATE DATABASE ${name}${template}`)
  made.push(name)
  const url = new URL(admin)
  url.pathname = `/${name}`
  if (options.migrated)
    await adminQuery(url, `UPDATE settings SET value = $1 WHERE key = 'office.uuid'`, [JSON.stringify(randomUUID())])
  return url.toString()
}

const made: string[] = []

afterAll(async () => {
  if (made.length === 0) return
  const admin = new URL(inject('postgresAdmin'))
  // WITH (FORCE): a connection a failed test left open must not keep the database.
  await Promise.all(made.splice(0).map((name) => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)))
})

async function adminQuery(admin: URL, sql: string, params: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(sql, params)
  } finally {
    await client.end()
  }
}

/**
 * Where a test desk's database lives on an engine: SQLite's file in the test's folder, or a
 * new PostgreSQL database already migrated (the desk's start finds nothing left to apply).
 */
export async function databaseFor(engine: Engine): Promise<{ postgresUrl?: string }> {
  return engine === 'postgres' ? { postgresUrl: await postgresDatabase({ migrated: true }) } : {}
}
