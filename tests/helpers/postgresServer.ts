import type { TestProject } from 'vitest/node'
import { startTestPostgres } from './testPostgres'

/**
 * vitest's global setup for the integration tests: one PostgreSQL server (testPostgres.ts),
 * started once per run and stopped at the end. Each test file makes its own databases on it
 * (tests/helpers/engines.ts); the server's address is handed to the files as `postgresAdmin`.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the test server's maintenance database, from which test databases are made. */
    postgresAdmin: string
    /** A database on that server migrated to the latest version, copied for each test desk. */
    postgresMigrated: string
  }
}

const TEMPLATE = 'akimat_migrated'

/**
 * Runs the shipped migrations once into a template database. A test desk's database is then a
 * copy of it (CREATE DATABASE … TEMPLATE, tests/helpers/engines.ts): a few milliseconds instead
 * of the migrations' 0.8 s for each of the hundreds of desks a run opens. The migrations
 * themselves are still tested from an empty database (migrations-postgres, engines-parity).
 */
async function migratedTemplate(admin: string): Promise<string> {
  const { Client } = await import('pg')
  const client = new Client({ connectionString: admin })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${TEMPLATE}`)
  } finally {
    await client.end()
  }
  const { postgresDataSource } = await import('../../src/main/db/postgres')
  const { migrate } = await import('../../src/main/db/migrate')
  const { MIGRATIONS } = await import('../../src/main/db/migrations')
  const url = new URL(admin)
  url.pathname = `/${TEMPLATE}`
  // Closed before any copy is made: PostgreSQL copies a template only while no one is connected.
  const dataSource = postgresDataSource(url.toString())
  await dataSource.initialize()
  try {
    await migrate(dataSource, MIGRATIONS)
  } finally {
    await dataSource.destroy()
  }
  return TEMPLATE
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestPostgres()
  project.provide('postgresAdmin', server.admin)
  project.provide('postgresMigrated', await migratedTemplate(server.admin))
  return server.stop
}
