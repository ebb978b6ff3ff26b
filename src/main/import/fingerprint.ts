import { createHash } from 'node:crypto'
import type { EntityManager } from 'typeorm'

/**
 * A row's fingerprint: SHA-256 of what identifies the appeal it records, normalized (folded
 * case and Kazakh letters, collapsed spaces): the received date and time, the applicant's name
 * and IIN/BIN, the summary and the office's own number. Catalog choices (sector, locality,
 * type) are left out on purpose: mapping a sector differently the second time must not make
 * the same row new.
 */
export function rowFingerprint(identity: string[]): string {
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex')
}

const LOOKUP_CHUNK = 500

/** `count` parameter placeholders in the driver's syntax ('?' on SQLite, '$n' on PostgreSQL), from `start`. */
function placeholders(manager: EntityManager, start: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => manager.connection.driver.createParameter(`p${start + i}`, start + i))
}

/** Which of these fingerprints were imported before. */
export async function knownFingerprints(manager: EntityManager, fingerprints: string[]): Promise<Set<string>> {
  const known = new Set<string>()
  for (let i = 0; i < fingerprints.length; i += LOOKUP_CHUNK) {
    const chunk = fingerprints.slice(i, i + LOOKUP_CHUNK)
    const rows: { fingerprint: string }[] = await manager.query(
      `SELECT fingerprint FROM import_fingerprints WHERE fingerprint IN (${placeholders(manager, 0, chunk.length).join(', ')})`,
      chunk,
    )
    for (const row of rows) known.add(row.fingerprint)
  }
  return known
}

/** Records the fingerprints of imported rows, in the importing transaction. */
export async function saveFingerprints(
  manager: EntityManager,
  rows: { fingerprint: string; appealId: number }[],
  fileName: string,
  at: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += LOOKUP_CHUNK) {
    const chunk = rows.slice(i, i + LOOKUP_CHUNK)
    const tuples = chunk.map((_, j) => `(${placeholders(manager, j * 4, 4).join(', ')})`)
    await manager.query(
      `INSERT INTO import_fingerprints (fingerprint, appeal_id, file_name, imported_at) VALUES ${tuples.join(', ')}`,
      chunk.flatMap((r) => [r.fingerprint, r.appealId, fileName, at]),
    )
  }
}
