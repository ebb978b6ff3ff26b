import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Client } from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ReportModel } from '@shared/reports/model'
import { startCore, type Core } from '../../src/main/core'
import { withoutPassword } from '../../src/main/db/postgresUrl'
import { postgresDataSource } from '../../src/main/db/postgres'
import { nonEmptyObjects } from '../../src/main/db/transfer/emptyDatabase'
import { moveToPostgres, type MoveOptions } from '../../src/main/move/moveToPostgres'
import { MoveRefusal } from '../../src/main/move/sqliteSource'
import { attachmentsDirBeside } from '../../src/main/paths'
import { BlobStore } from '../../src/main/services/attachments/blobStore'
import { translate } from '@shared/i18n'
import { DomainError } from '@shared/api/errors'
import { fileKeyProvider } from '../../src/main/services/auditKey'
import { ADMIN } from '../helpers/context'
import { startTestCore, testCoreOptions, testKeyDir } from '../helpers/core'
import { postgresDatabase } from '../helpers/engines'
import { useFileTempDirs } from '../helpers/cleanup'
import { fillEmptyTables } from '../helpers/everyTable'
import { appealInput } from '../helpers/appeals'
import { migrateFile } from '../helpers/migratedDatabase'
import { attachScanAndLetter, expectFilesOpen, type AttachedFiles } from '../helpers/attachedFiles'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'

/**
 * Moving a one-PC office (the sample district, every table holding rows) into an empty
 * PostgreSQL database: counts and checksums equal, the history verifying there with the same
 * key, the reports giving the same model, the attachments' files in the server's folder opening
 * with the same hash, the source file's bytes unchanged; a target that is not empty refused with
 * nothing changed; a failure half-way leaving the target empty; an attachment the PC's folder
 * lost or altered refusing the move with nothing written.
 */
const NOW = () => new Date('2026-11-27T10:00:00')
const REPORTS = [
  { kind: 'quarterly', quarter: '2023-Q2', localityId: null },
  { kind: 'sector-by-year', from: 2021, to: 2026, source: 'all', localityId: null },
] as const

let file: string
let files: AttachedFiles
const models: ReportModel[] = []

const tempDir = useFileTempDirs()

beforeAll(async () => {
  file = join(tempDir('akimat-move-'), 'data', 'akimat.sqlite')
  const core = await startTestCore(file, { clock: NOW })
  expect(await core.dispatch('sample.load', {}, ADMIN)).toMatchObject({ ok: true })
  for (const params of REPORTS) models.push(await build(core, params))
  files = await attachScanAndLetter(core)
  await core.close()
  // attachment_blobs too: rows a working database never holds, which no move carries
  expect(fillEmptyTables(file).sort()).toEqual([
    'attachment_blobs',
    'consolidation_conflicts',
    'consolidation_sources',
    'import_fingerprints',
    'migration_changes',
    'users',
  ])
}, 300_000)

async function build(core: Core, params: (typeof REPORTS)[number]): Promise<ReportModel> {
  const result = await core.dispatch('reports.build', { lang: 'kk', params }, ADMIN)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.data as ReportModel
}

const sha256 = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')
const keyDir = () => testKeyDir(file)
/** A server's attachments folder of its own for each target. */
const serverFolder = () => new BlobStore(join(tempDir('akimat-move-server-'), 'attachments'))
const move = (postgresUrl: string, extra: Partial<MoveOptions> = {}) =>
  moveToPostgres({
    sourceFile: file,
    postgresUrl,
    keyDir: keyDir(),
    key: fileKeyProvider(keyDir()).load(),
    attachments: { from: new BlobStore(attachmentsDirBeside(file)), to: serverFolder() },
    ...extra,
  })

async function objectsIn(url: string): Promise<string[]> {
  const db = postgresDataSource(url)
  await db.initialize()
  try {
    return await nonEmptyObjects(db.manager)
  } finally {
    await db.destroy()
  }
}

describe('move-to-postgres', () => {
  it('copies every table with equal counts and checksums, the history verifies there, the source is unchanged', async () => {
    const before = sha256(file)
    const url = await postgresDatabase()
    const folder = serverFolder()
    const result = await move(url, { attachments: { from: new BlobStore(attachmentsDirBeside(file)), to: folder } })

    expect(result.committed).toBe(true)
    expect(result.tables.length).toBeGreaterThanOrEqual(17)
    for (const table of result.tables) {
      expect(table, table.table).toMatchObject({ match: true })
      expect(table.sourceRows, table.table).toBeGreaterThan(0)
      expect(table.targetChecksum).toBe(table.sourceChecksum)
    }
    expect(result.tables.find((t) => t.table === 'appeal_year_counts')).toMatchObject({ derived: true, match: true })
    expect(result.tables.map((t) => t.table)).not.toContain('attachment_blobs')
    const sizes = Object.values(files.bytes).reduce((sum, b) => sum + b.length, 0)
    expect(result.attachments).toEqual({ files: 2, bytes: sizes, folder: folder.dir })
    expect(result.history!.target).toMatchObject({ firstBroken: null, unverifiable: [] })
    expect(result.history!.target.entries).toBe(result.history!.source.entries)
    expect(result.history!.target.entries).toBeGreaterThan(1000)
    expect(sha256(file)).toBe(before)

    // The server's core, named by its address as the CLI and web mode name it, with the same key.
    const server = await startCore({
      ...testCoreOptions(withoutPassword(url), { clock: NOW, postgresUrl: url, attachmentsDir: folder.dir }),
      auditKeys: fileKeyProvider(keyDir()),
    })
    try {
      const verified = await server.dispatch('audit.verify', {}, ADMIN)
      expect(verified).toMatchObject({
        ok: true,
        data: { firstBroken: null, unverifiable: [], findings: [], head: { state: 'ok' } },
      })
      for (const [i, params] of REPORTS.entries()) expect(await build(server, params)).toEqual(models[i])
      // the files are in the server's folder, not in its database
      await expectFilesOpen(server, files)
      expect(await server.database.dataSource.query('SELECT sha256 FROM attachment_blobs')).toEqual([])
      // The counters came along: the next appeal takes the next id and the year's next number.
      const query = async (sql: string) => ((await server.database.dataSource.query(sql)) as { n: number }[])[0]!.n
      const top = await query('SELECT MAX(id) AS n FROM appeals')
      const sector = await query('SELECT MIN(id) AS n FROM sectors')
      const made = await server.dispatch('appeals.create', appealInput(sector), ADMIN)
      expect(made).toMatchObject({ ok: true, data: { id: top + 1 } })
    } finally {
      await server.close()
    }
  })

  it('refuses a target that is not empty, changing nothing there', async () => {
    const url = await postgresDatabase()
    const client = new Client({ connectionString: url })
    await client.connect()
    try {
      await client.query('CREATE TABLE notes (id integer PRIMARY KEY, text varchar(20))')
      await client.query("INSERT INTO notes VALUES (1, 'kept')")
      await expect(move(url)).rejects.toThrow(MoveRefusal)
      await expect(move(url)).rejects.toThrow(/not empty \(table notes\)/)
      expect(await objectsIn(url)).toEqual(['table notes'])
      expect((await client.query('SELECT * FROM notes')).rows).toEqual([{ id: 1, text: 'kept' }])
    } finally {
      await client.end()
    }
    // an empty table is enough; so is an office already moved there
    const moved = await postgresDatabase()
    expect((await move(moved)).committed).toBe(true)
    await expect(move(moved)).rejects.toThrow(/not empty \(table appeal_counters/)
  })

  it('refuses a data folder from an older version, changing neither side', async () => {
    const older = join(tempDir('akimat-move-older-'), 'akimat.sqlite')
    await migrateFile(older, MIGRATIONS.slice(0, -1))
    const before = sha256(older)
    const url = await postgresDatabase()
    await expect(move(url, { sourceFile: older })).rejects.toThrow(
      new RegExp(
        `schema version ${LATEST_SCHEMA_VERSION - 1}, this program at ${LATEST_SCHEMA_VERSION}: start the program once`,
      ),
    )
    expect(sha256(older)).toBe(before)
    expect(await objectsIn(url)).toEqual([])
  })

  it('a failure half-way through the copy leaves the target empty, and the next run uses it', async () => {
    const url = await postgresDatabase()
    const failing = move(url, {
      readBatch: 100,
      onBatch: (table, rows) => {
        if (table === 'audit_entries' && rows >= 500) throw new Error('disk full (injected)')
      },
    })
    await expect(failing).rejects.toThrow('disk full (injected)')
    expect(await objectsIn(url)).toEqual([])
    expect((await move(url)).committed).toBe(true)
  })

  it('refuses a PC whose attachments folder lost or altered a file, writing nothing on either side', async () => {
    const [, altered] = Object.keys(files.bytes).sort()
    // a copy of the PC's folder missing one file and holding the other with its last byte changed
    const pc = new BlobStore(join(tempDir('akimat-move-pc-'), 'attachments'))
    const bytes = Buffer.from(files.bytes[altered!]!)
    bytes[bytes.length - 1]! ^= 1
    pc.putAs(altered!, bytes)
    const url = await postgresDatabase()
    const folder = serverFolder()
    const error = await move(url, { attachments: { from: pc, to: folder } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    const issue = (error as DomainError).toApiError().issues[0]!
    expect(issue).toMatchObject({ messageKey: 'attachments.errors.damaged', params: { count: 2 } })
    expect(['scan.png', 'reply.pdf']).toContain(issue.params!.name)
    for (const lang of ['kk', 'ru', 'en'] as const)
      expect(translate(lang, issue.messageKey, issue.params)).toContain(String(issue.params!.name))
    expect(await objectsIn(url)).toEqual([])
    expect(existsSync(folder.dir)).toBe(false)
  })
})
