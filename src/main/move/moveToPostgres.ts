import type { AuditVerification } from '@shared/api/contract'
import type { QueryRunner } from 'typeorm'
import { MIGRATIONS } from '../db/migrations'
import { applyMigrations } from '../db/migrate'
import { postgresDataSource } from '../db/postgres'
import { withoutPassword } from '../db/postgresUrl'
import { nonEmptyObjects } from '../db/transfer/emptyDatabase'
import { transferDatabase, type TransferResult } from '../db/transfer/transfer'
import type { CopyOptions } from '../db/transfer/copy'
import { lastEntry } from '../services/auditChain'
import { auditKeyId, keyedAuditHash } from '../services/auditHash'
import { HeadStore } from '../services/auditHead'
import { verifyAuditTrail, type ChainVerifier } from '../services/auditVerify'
import { MoveRefusal, openSqliteSource } from './sqliteSource'
import { carryAttachments, verifyCarried, type AttachmentFolders, type CarriedFiles } from './carryAttachments'

export interface MoveOptions extends CopyOptions {
  /** The office's SQLite file (a data folder's akimat.sqlite, or a backup file). */
  sourceFile: string
  postgresUrl: string
  /** The history key's folder (resolveKeyDir: $AKIMAT_KEY_DIR or the user's profile); only read. */
  keyDir: string
  /** The history key kept there, or null when none is (its entries can then only have their links checked). */
  key: Buffer | null
  /** Where the attachments' bytes come from and go (carryAttachments.ts). */
  attachments: AttachmentFolders
  nativeBinding?: string
}

export interface MoveResult extends TransferResult {
  /** "Verify history" on the source and, in the copy's transaction, on the target. */
  history: { source: AuditVerification; target: AuditVerification } | null
  /** The attachments' files put into the server's folder, once the tables matched and the history verified. */
  attachments: CarriedFiles | null
}

/**
 * Moves a one-PC office into an empty PostgreSQL database: the target's schema made by the
 * migrations, every table copied and compared, and the history verified on the target with the
 * same key, all in ONE transaction on the target, committed only when every table matches and
 * the history verifies as on the source. Then, still before the commit, the attachments' bytes
 * the copied rows name go into the server's attachments folder, every one checked against its
 * hash before the first is written, and each row's blob is read back there (carryAttachments.ts):
 * rows never reach the server naming files it lacks. Anything else rolls back: the target is
 * left empty, as it was. A killed move leaves an open transaction that PostgreSQL rolls back when the
 * connection drops, so the next run finds the target empty again (no flag, nothing to clear);
 * its folder may keep blobs no row names, which the server's start collects.
 * The source is opened read-only and never migrated (sqliteSource.ts).
 *
 * After the commit, the history's head for the new database is written into the key folder
 * (named by the address without its password, as the server's core names it), so the server's
 * first start finds the head it expects.
 */
export async function moveToPostgres(options: MoveOptions): Promise<MoveResult> {
  const target = postgresDataSource(options.postgresUrl)
  await target.initialize()
  try {
    const found = await nonEmptyObjects(target.manager)
    if (found.length > 0)
      throw new MoveRefusal(
        `the target database is not empty (${found.slice(0, 5).join(', ')}${found.length > 5 ? `, … ${found.length} in all` : ''}): give an empty database`,
      )
    const source = await openSqliteSource(options.sourceFile, options.nativeBinding)
    try {
      const verifier = (databaseFile: string): ChainVerifier => ({
        keyId: options.key ? auditKeyId(options.key) : null,
        hash: (prev, entry) => keyedAuditHash(options.key!, prev, entry),
        head: new HeadStore(options.keyDir, databaseFile),
        keyDir: options.keyDir,
      })
      const targetHead = new HeadStore(options.keyDir, withoutPassword(options.postgresUrl))
      let history: MoveResult['history'] = null
      let attachments: CarriedFiles | null = null
      const result = await transferDatabase(source, target, {
        ...options,
        prepare: (qr) => applyMigrations(qr, MIGRATIONS),
        check: async (to: QueryRunner, from: QueryRunner) => {
          history = {
            source: await verifyAuditTrail(from, verifier(options.sourceFile)),
            target: await verifyAuditTrail(to, verifier(withoutPassword(options.postgresUrl))),
          }
          if (!historyCarried(history.source, history.target)) return false
          attachments = await carryAttachments(from, options.attachments)
          await verifyCarried(to, options.attachments.to)
          return true
        },
        // the head names the end the commit brings (as AuditChain does around a commit)
        beforeCommit: async (to) => targetHead.write(null, await lastEntry(to.manager)),
      })
      if (result.committed) targetHead.write(await lastEntry(target.manager), null)
      return { ...result, history, attachments }
    } finally {
      await source.destroy()
    }
  } finally {
    await target.destroy()
  }
}

/**
 * The target's history verifies as the source's does: no broken link on either, the same
 * entries, the same ones left unverifiable (signed with a key this computer does not hold).
 */
export function historyCarried(source: AuditVerification, target: AuditVerification): boolean {
  return (
    source.firstBroken === null &&
    target.firstBroken === null &&
    source.entries === target.entries &&
    JSON.stringify(source.unverifiable) === JSON.stringify(target.unverifiable)
  )
}
