import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { AuditHeadState } from '@shared/api/contract'
import { ensurePrivateDir } from './auditKey'
import { writeFileDurably } from './durableFile'

/** An entry of the chain: its id and hash. */
export interface ChainLink {
  id: number
  hash: string
}

/**
 * The chain's head as kept outside the database: the last committed entry, and while a write
 * is being committed, the entry it ends with (`pending`). The order of a write is: the head
 * with `pending` is flushed to disk, the database commits, the head without `pending` is
 * written. A crash anywhere leaves the database ending at `last` (not committed) or at
 * `pending` (committed), both of which the head accepts, so a crash is never taken for
 * tampering; a database ending anywhere else was changed behind the program's back.
 */
export interface ChainHead {
  database: string
  last: ChainLink | null
  pending: ChainLink | null
  at: string
}

/** What the head says of the database's last entry (explained with the type in the contract). */
export type HeadState = AuditHeadState

/** The head file of one database file, in the key folder (one folder serves every data folder). */
export class HeadStore {
  readonly file: string

  constructor(
    private readonly dir: string,
    private readonly databaseFile: string,
  ) {
    const name = createHash('sha256').update(resolve(databaseFile)).digest('hex').slice(0, 16)
    this.file = join(dir, 'heads', `${name}.json`)
  }

  read(): ChainHead | null {
    if (!existsSync(this.file)) return null
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as ChainHead
    } catch {
      return null // cut short or edited: as good as missing, and reported as such
    }
  }

  write(last: ChainLink | null, pending: ChainLink | null = null): void {
    ensurePrivateDir(join(this.dir, 'heads'))
    const head: ChainHead = { database: resolve(this.databaseFile), last, pending, at: new Date().toISOString() }
    writeFileDurably(this.file, `${JSON.stringify(head)}\n`)
  }
}

/**
 * Compares the head with the database: its last entry, and the hash of the entry at the
 * head's id (`hashAt`), looked up only when needed.
 */
export function compareHead(
  head: ChainHead | null,
  databaseLast: ChainLink | null,
  hashAt: (id: number) => string | null,
): HeadState {
  if (!head) return 'missing'
  const same = (a: ChainLink | null, b: ChainLink | null) =>
    a === null ? b === null : b !== null && a.id === b.id && a.hash === b.hash
  if (same(head.last, databaseLast) || (head.pending && same(head.pending, databaseLast))) return 'ok'
  const headId = head.last?.id ?? 0
  if ((databaseLast?.id ?? 0) < headId) return 'tailRemoved'
  if (head.last && hashAt(head.last.id) !== head.last.hash) return 'mismatch'
  return 'behind'
}
