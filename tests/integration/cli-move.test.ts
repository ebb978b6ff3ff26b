import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Client } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { holdBuiltApp } from '../helpers/buildLock'
import { postgresDatabase } from '../helpers/engines'
import { startTestCore } from '../helpers/core'
import { attachScanAndLetter, type AttachedFiles } from '../helpers/attachedFiles'
import { fileKeyProvider } from '../../src/main/services/auditKey'
import { BlobStore } from '../../src/main/services/attachments/blobStore'

/**
 * `npm run cli -- move-to-postgres` as an office runs it (the built out/main/cli.js): the
 * table printed and exit 0; a target that is not empty refused with exit 1; a move killed
 * half-way (SIGKILL while its transaction is writing) leaves the target empty, and the next run
 * moves the office into it; the attached files go into the server's folder (its default for
 * that --db in the user data folder, or --attachments), and a backup --db carries them.
 */
const ROOT = join(__dirname, '../..')
const KEY_DIR = mkdtempSync(join(tmpdir(), 'akimat-move-keys-'))
const DATA = join(mkdtempSync(join(tmpdir(), 'akimat-move-cli-')), 'data')
// the user data folder of the command line (on Linux): the server's attachments folders go under it
const USER_CONFIG = join(DATA, '..', 'config')
const env = { ...process.env, AKIMAT_KEY_DIR: KEY_DIR, XDG_CONFIG_HOME: USER_CONFIG }
let files: AttachedFiles

let release: (() => void) | undefined
beforeAll(async () => {
  release = await holdBuiltApp()
  expect(cli('sample', '--data', DATA).status).toBe(0)
  const core = await startTestCore(join(DATA, 'akimat.sqlite'), { auditKeys: fileKeyProvider(KEY_DIR) })
  try {
    files = await attachScanAndLetter(core)
  } finally {
    await core.close()
  }
}, 900_000)
afterAll(() => {
  release?.()
  rmSync(KEY_DIR, { recursive: true, force: true })
  rmSync(join(DATA, '..'), { recursive: true, force: true })
})

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'out/main/cli.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
    env,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

async function tablesIn(url: string): Promise<number> {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
    )
    return rows[0].n as number
  } finally {
    await client.end()
  }
}

describe('npm run cli -- move-to-postgres', () => {
  it('prints every table with its counts and a checksum match, then refuses to move twice', async () => {
    const before = sha256(join(DATA, 'akimat.sqlite'))
    const url = await postgresDatabase()
    const moved = cli('move-to-postgres', '--data', DATA, '--db', url)
    expect(moved.stderr).toBe('')
    expect(moved.status).toBe(0)
    expect(moved.stdout).toMatch(/^table\s+\| rows source \| rows target \| checksum match$/m)
    expect(moved.stdout).toMatch(/^appeals\s+\|\s+(\d{3,}) \|\s+\1 \| yes$/m)
    expect(moved.stdout).toMatch(/^appeal_year_counts \(computed again\)\s+\|\s+(\d+) \|\s+\1 \| yes$/m)
    expect(moved.stdout).not.toMatch(/\| NO/)
    expect(moved.stdout).toMatch(/History: \d+ entries verified on the target/)
    expect(sha256(join(DATA, 'akimat.sqlite'))).toBe(before)
    // the files, into the folder the server started with this --db reads
    const address = new URL(url)
    const folder = join(
      USER_CONFIG,
      'Akimat Desk',
      'server-attachments',
      `${address.hostname}-${address.port}-${address.pathname.slice(1)}`,
    )
    const sizes = Object.values(files.bytes).reduce((sum, b) => sum + b.length, 0)
    expect(moved.stdout).toContain(`Attachments: 2 files, ${sizes} bytes (`)
    expect(moved.stdout).toContain(`read back in ${folder}\n`)
    const store = new BlobStore(folder)
    for (const [sha256, content] of Object.entries(files.bytes)) expect(store.read(sha256)?.equals(content)).toBe(true)

    const again = cli('move-to-postgres', '--data', DATA, '--db', url)
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/the target database is not empty \(table appeal_counters/)

    // The server's database backed up from the command line: a SQLite backup file with the office's appeals.
    const out = join(DATA, '..', 'server-copy.sqlite')
    const backup = cli('backup', '--out', out, '--db', url)
    expect(backup.stderr).toBe('')
    expect(backup.status).toBe(0)
    // an embedded server's folder is named with --attachments; a folder without the files fails the backup
    const named = cli('backup', '--out', `${out}-named`, '--db', url, '--attachments', folder)
    expect(named.status).toBe(0)
    const empty = cli('backup', '--out', `${out}-empty`, '--db', url, '--attachments', join(DATA, '..', 'nowhere'))
    expect(empty.status).toBe(1)
    expect(empty.stderr).toMatch(/The content of «(scan\.png|reply\.pdf)» is missing or damaged/)
    expect(existsSync(`${out}-empty`)).toBe(false)
    const copy = new BetterSqlite3(out, { readonly: true })
    const source = new BetterSqlite3(join(DATA, 'akimat.sqlite'), { readonly: true })
    try {
      const count = (db: BetterSqlite3.Database) =>
        (db.prepare('SELECT count(*) AS n FROM appeals').get() as { n: number }).n
      expect(count(copy)).toBe(count(source))
      const carried = copy.prepare('SELECT sha256 FROM attachment_blobs ORDER BY sha256').pluck().all()
      expect(carried).toEqual(Object.keys(files.bytes).sort())
    } finally {
      copy.close()
      source.close()
    }
  })

  it('a move killed half-way leaves the target empty, and the next run moves the office into it', async () => {
    const url = await postgresDatabase()
    const database = new URL(url).pathname.slice(1)
    const child = spawn(
      process.execPath,
      [join(ROOT, 'out/main/cli.js'), 'move-to-postgres', '--data', DATA, '--db', url],
      {
        cwd: ROOT,
        env,
        stdio: 'ignore',
      },
    )
    const watcher = new Client({ connectionString: url })
    await watcher.connect()
    try {
      // killed once its transaction has written something (the schema, then rows), before it commits
      let writing = false
      for (let i = 0; i < 600 && !writing && child.exitCode === null; i += 1) {
        const { rows } = await watcher.query(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()',
          [database],
        )
        writing = rows[0].n > 0
        if (!writing) await new Promise((resolve) => setTimeout(resolve, 20))
      }
      expect(writing).toBe(true)
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
      // the server ends the dropped connection's transaction; wait until it has
      for (let i = 0; i < 100; i += 1) {
        const { rows } = await watcher.query(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [database],
        )
        if (rows[0].n === 0) break
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    } finally {
      await watcher.end()
    }
    expect(await tablesIn(url)).toBe(0)
    const moved = cli('move-to-postgres', '--data', DATA, '--db', url)
    expect(moved.status).toBe(0)
    expect(await tablesIn(url)).toBeGreaterThan(15)
  })
})
