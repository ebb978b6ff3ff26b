/**
 * `npm run cli -- backup|restore`: a backup of a data folder into a file, and a restore from
 * one, with the office passphrase read from standard input (never from the arguments, which
 * other users of the computer can see in the process list).
 */
import type { ApiError } from '@shared/api/errors'
import { DomainError } from '@shared/api/errors'
import type { Core } from './core'
import type { CallContext } from './services/context'

export const BACKUP_USAGE = `  npm run cli -- backup --out FILE [--passphrase-stdin] (--data DIR | --db URL [--attachments DIR])
                      a backup of the data folder (or the office server's database, as a SQLite
                      backup file), attached files included, into FILE; with the passphrase from
                      standard input it is encrypted (required when the office has a passphrase set)
  npm run cli -- restore --from FILE [--passphrase-stdin] --data DIR
                      replaces the data folder's database with a backup (the current one is
                      kept in its backups folder); an encrypted backup needs its passphrase`

/** The flag each field of a backup call came from, to name it in a refusal. */
export const BACKUP_FLAGS: Record<string, string> = {
  file: '--from',
  folder: '--out',
  passphrase: '--passphrase-stdin',
  current: '--passphrase-stdin',
}

/** A backup into `out`: encrypted with the office passphrase when one is set (it must be given), or with the one given. */
export async function runBackup(
  core: Core,
  out: string,
  passphrase: string | null,
  refused: (error: ApiError) => number,
): Promise<number> {
  try {
    const office = await core.services.passphrase.forCopy(passphrase)
    const made = await core.services.backup.exportTo(out, office ?? passphrase)
    console.log(`Wrote ${made.file}${(office ?? passphrase) ? ' (encrypted)' : ''}`)
    return 0
  } catch (error) {
    if (error instanceof DomainError) return refused(error.toApiError())
    throw error
  }
}

/** A restore from `from`, through the API's checks: a wrong passphrase or an altered file is refused, nothing changed. */
export async function runRestore(
  core: Core,
  from: string,
  passphrase: string | null,
  call: CallContext,
  refused: (error: ApiError) => number,
): Promise<number> {
  // Typed by whoever may open the data folder: as a path picked in the desktop's dialog.
  core.services.backup.chosen.allow(from)
  const result = await core.dispatch('backup.restore', { file: from, passphrase }, call)
  if (!result.ok) return refused(result.error)
  const { restored, aside } = result.data as { restored: { counts: { appeals: number } }; aside: string }
  console.log(`Restored ${from}: ${restored.counts.appeals} appeals; the replaced database is kept at ${aside}`)
  return 0
}
