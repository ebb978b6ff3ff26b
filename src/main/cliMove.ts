/**
 * `npm run cli -- move-to-postgres` and `restore --db`: an office's SQLite database (a data
 * folder's, or a backup file) copied into an empty PostgreSQL database, table by table, with
 * the comparison printed. Messages in English, as the rest of the command line's own output.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DomainError, type ApiError } from '@shared/api/errors'
import type { MoveResult } from './move/moveToPostgres'

export const MOVE_USAGE = `  npm run cli -- move-to-postgres --data DIR --db URL [--attachments DIR]
                      copies the data folder's database into an EMPTY PostgreSQL database
                      (the office server's), compares every table and verifies the history
                      there with this computer's history key, and its attachments into the
                      server's attachments folder for that database; the data folder is not changed
  npm run cli -- restore --from FILE [--passphrase-stdin] --db URL [--attachments DIR]
                      restores a backup (a PC's or the server's) into an EMPTY PostgreSQL database,
                      its attachments into the server's attachments folder for that database`

export interface MoveArgs {
  sourceFile: string
  postgresUrl: string
  keyDir: string
  /** The data folder's attachments (a move); null for a backup file, which carries its own (a restore). */
  sourceAttachmentsDir: string | null
  /** The server's attachments folder for the target database (resolveServerAttachmentsDir). */
  attachmentsDir: string
  /** The passphrase of an encrypted backup (restore only). */
  passphrase?: string | null
}

/** Runs the move or the restore and prints its table; 0 only when every table matched, the history verified and the files are there. */
export async function runMove(args: MoveArgs, refused: (error: ApiError) => number): Promise<number> {
  const [{ moveToPostgres }, { MoveRefusal }, { fileKeyProvider }, cipher, { decryptionRefusal }, { BlobStore }] =
    await Promise.all([
      import('./move/moveToPostgres'),
      import('./move/sqliteSource'),
      import('./services/auditKey'),
      import('./encryption/fileCipher'),
      import('./encryption/officePassphrase'),
      import('./services/attachments/blobStore'),
    ])
  let sourceFile = args.sourceFile
  let temporary: string | null = null
  try {
    if (await cipher.isEncryptedFile(sourceFile)) {
      if (!args.passphrase) {
        console.error('Error: the backup is encrypted: give its passphrase on standard input with --passphrase-stdin')
        return 1
      }
      temporary = mkdtempSync(join(tmpdir(), 'akimat-restore-'))
      sourceFile = join(temporary, 'backup.sqlite')
      try {
        await cipher.decryptFile(args.sourceFile, sourceFile, args.passphrase)
      } catch (error) {
        const refusal = decryptionRefusal(error, 'file')
        if (refusal instanceof DomainError) return refused(refusal.toApiError())
        throw refusal
      }
    }
    const result = await moveToPostgres({
      sourceFile,
      postgresUrl: args.postgresUrl,
      keyDir: args.keyDir,
      key: fileKeyProvider(args.keyDir).load(),
      attachments: {
        from: args.sourceAttachmentsDir === null ? null : new BlobStore(args.sourceAttachmentsDir),
        to: new BlobStore(args.attachmentsDir),
      },
    })
    printResult(result, args)
    return result.committed ? 0 : 1
  } catch (error) {
    if (error instanceof MoveRefusal) {
      console.error(`Error: ${error.message}. Nothing was written.`)
      return 1
    }
    if (error instanceof DomainError) {
      // an attachment missing or altered in the source: every file was checked before any was written
      refused(error.toApiError())
      console.error('Nothing was written: the target database is left as it was (empty).')
      return 1
    }
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`)
    console.error('Nothing was written: the target database is left as it was (empty).')
    return 1
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true })
  }
}

function printResult(result: MoveResult, args: MoveArgs): void {
  const rows = result.tables.map((t) => [
    t.derived ? `${t.table} (computed again)` : t.table,
    String(t.sourceRows),
    String(t.targetRows),
    t.match ? 'yes' : 'NO',
  ])
  const header = ['table', 'rows source', 'rows target', 'checksum match']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : i === 3 ? c : c.padStart(widths[i]!))).join(' | ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  for (const row of rows) console.log(line(row))
  if (result.attachments) {
    const { files, bytes, folder } = result.attachments
    console.log(
      `Attachments: ${files} file${files === 1 ? '' : 's'}, ${bytes} bytes (${readableSize(bytes)}), each checked against its SHA-256 and read back in ${folder}`,
    )
  }
  const history = result.history
  if (history) {
    const unverifiable = history.target.unverifiable.reduce((n, r) => n + r.toId - r.fromId + 1, 0)
    const broken = history.target.firstBroken ?? history.source.firstBroken
    console.log(
      broken
        ? `History: BROKEN at entry ${broken.id} (${broken.entity} ${broken.entityId}, ${broken.at})`
        : `History: ${history.target.entries} entries verified on the target with the key in ${args.keyDir}` +
            (unverifiable > 0
              ? `; ${unverifiable} signed with a key this computer does not hold (their links checked only)`
              : ''),
    )
  }
  if (result.committed)
    console.log(
      `Copied into ${new URL(args.postgresUrl).pathname.slice(1)}. Serve it with --db and the same history key folder (AKIMAT_KEY_DIR=${args.keyDir}).`,
    )
  else console.error('Error: the copy did not match. Nothing was written: the target database is left empty.')
}

/** A size as people read it: 1.3 KB, 240.5 MB, 3.1 GB. */
function readableSize(bytes: number): string {
  const units = ['KB', 'MB', 'GB']
  let size = bytes / 1024
  let unit = 0
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024
    unit++
  }
  return `${size.toFixed(1)} ${units[unit]}`
}
