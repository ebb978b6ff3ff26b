/**
 * Backups with attachments: 5,000 scans of ~200 KB each (random bytes behind a PNG signature:
 * scans barely compress, and random bytes not at all, so the sizes are the worst case) attached
 * to the bench's appeals, then "back up now" through the API: the database copied by SQLite's
 * backup API and every referenced blob read, checked against its hash and written into the
 * backup file. Printed: the time and size without and with the attachments, and the time of
 * one attach through the API. Raw: copying the database file and the attachments folder file
 * by file (what a side-folder backup would cost at least).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { BenchContext } from './context'
import { stats, time } from './measure'

const COUNT = 5_000
const SCAN_BYTES = 200 * 1024
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

const scan = () => Buffer.concat([PNG, randomBytes(SCAN_BYTES - PNG.length)])
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`

export async function attachmentsCase(b: BenchContext): Promise<void> {
  if (!b.largest) return
  const appealIds = (b.raw.prepare('SELECT id FROM appeals ORDER BY id LIMIT 1000').pluck().all() as number[]) ?? []

  const before = Date.now()
  const plain = await b.call('backup.create', { folder: null })
  const plainMs = Date.now() - before

  // 100 attached through the API (decode, signature, hash, durable write, row, history) …
  const attach = await time(
    (i) =>
      b.call('attachments.add', {
        ownerKind: 'appeal',
        ownerId: appealIds[i % appealIds.length]!,
        fileName: `scan-${i}.png`,
        base64: scan().toString('base64'),
      }),
    { warmup: 0, runs: 100 },
  )
  // … and the rest straight into the store and the table, to keep the bench short
  const blobs = b.core.services.attachments.blobs
  const insert = b.raw.prepare(
    `INSERT INTO attachments (uuid, owner_kind, owner_id, file_name, media_type, size_bytes, sha256, added_by, added_at)
     VALUES (?, 'appeal', ?, ?, 'image/png', ?, ?, 'bench', ?)`,
  )
  const rows: unknown[][] = []
  for (let i = 100; i < COUNT; i++) {
    const bytes = scan()
    rows.push([
      randomUUID(),
      appealIds[i % appealIds.length],
      `scan-${i}.png`,
      bytes.length,
      blobs.put(bytes),
      new Date().toISOString(),
    ])
  }
  b.raw.transaction(() => rows.forEach((row) => insert.run(...row)))()

  const t = Date.now()
  const full = await b.call('backup.create', { folder: null })
  const fullMs = Date.now() - t
  b.log(
    `  attachments: backup without them ${(plainMs / 1000).toFixed(1)} s, ${mb(plain.sizeBytes)}; with ${COUNT.toLocaleString('en')} × ${SCAN_BYTES / 1024} KB ${(fullMs / 1000).toFixed(1)} s, ${mb(full.sizeBytes)}`,
  )

  // raw: the database file and the blob files copied one by one
  const copyDir = join(dirname(b.file), 'raw-copy')
  rmSync(copyDir, { recursive: true, force: true })
  mkdirSync(copyDir, { recursive: true })
  const r = Date.now()
  b.raw.pragma('wal_checkpoint(TRUNCATE)')
  copyFileSync(b.file, join(copyDir, 'akimat.sqlite'))
  let copied = statSync(b.file).size
  for (const fan of readdirSync(blobs.dir)) {
    mkdirSync(join(copyDir, fan))
    for (const name of readdirSync(join(blobs.dir, fan))) {
      copyFileSync(join(blobs.dir, fan, name), join(copyDir, fan, name))
      copied += statSync(join(blobs.dir, fan, name)).size
    }
  }
  const rawMs = Date.now() - r
  rmSync(copyDir, { recursive: true, force: true })
  for (const file of [plain.file, full.file]) rmSync(file, { force: true })

  b.results.push({
    size: b.label,
    operation: `backup with ${COUNT.toLocaleString('en')} attachments (${mb(full.sizeBytes)}; ${mb(plain.sizeBytes)} without: ${(plainMs / 1000).toFixed(1)} s)`,
    app: stats([fullMs]),
    raw: stats([rawMs]),
    baseline: `database file + ${COUNT} blob files copied (${mb(copied)})`,
    budget: null,
  })
  b.results.push({
    size: b.label,
    operation: `one ${SCAN_BYTES / 1024} KB attachment added through the API`,
    app: attach,
    raw: null,
    baseline: '',
    budget: null,
  })
}
