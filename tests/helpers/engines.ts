import { randomBytes } from 'node:crypto'
import { Client } from 'pg'
import { afterAll, inject } from 'vitest'
import type { Engine } from '../../src/main/db/dialect'

export { ENGINES, type Engine } from '../../src/main/db/dialect'

/**
 * A database of the file's own on the run's PostgreSQL server (tests/helpers/postgresServer.ts),
 * dropped when the file's tests are done. Each call makes a new one: a test that needs an
 * empty database asks again.
 */
export async function postgresDatabase(): Promise<string> {
  const admin = new URL(inject('postgresAdmin'))
  const name = `t_${randomBytes(6).toString('hex')}`
  await adminQuery(admin, `CREATE DATABASE ${name}`)
  made.push(name)
  const url = new URL(admin)
  url.pathname = `/${name}`
  return url.toString()
}

const made: string[] = []

afterAll(async () => {
  if (made.length === 0) return
  const admin = new URL(inject('postgresAdmin'))
  // WITH (FORCE): a connection a failed test left open must not keep the database.
  await Promise.all(made.splice(0).map((name) => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)))
})

async function adminQuery(admin: URL, sql: string): Promise<void> {
  const client = new Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Where a test's database lives on an engine: SQLite's file in the test's folder, or a new PostgreSQL database. */
export async function databaseFor(engine: Engine): Promise<{ postgresUrl?: string }> {
  return engine === 'postgres' ? { postgresUrl: await postgresDatabase() } : {}
}
