import { createHash } from 'node:crypto'
import { closeSync, constants, existsSync, fdatasyncSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { AuditHeadState } from '@shared/api/contract'
import { ensurePrivateDir } from './auditKey'

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

/** Bytes of one slot: a head record and its checksum, padded (a record is ~300 bytes). */
const SLOT = 1024

interface Slot extends ChainHead {
  seq: number
}

/**
 * The head file of one database file, in the key folder (one folder serves every data folder).
 *
 * Two fixed slots written in turn, each record with a sequence number and a checksum; the
 * newest whole slot is the head. A write overwrites the older slot in place, so a write cut
 * short by a crash leaves the other one standing, and the file never changes size, so a flush
 * is one block (fdatasync) rather than a new file and a rename. Only the head naming the
 * pending end must reach the disk before the database commits; the one written after the
 * commit may be lost in a crash, which leaves the pending one, which accepts the committed end.
 * That is one flush per write, next to SQLite's own.
 */
export class HeadStore {
  readonly file: string
  private seq: number | null = null

  constructor(
    private readonly dir: string,
    private readonly databaseFile: string,
  ) {
    const name = createHash('sha256').update(databaseIdentity(databaseFile)).digest('hex').slice(0, 16)
    this.file = join(dir, 'heads', `${name}.head`)
  }

  read(): ChainHead | null {
    const slot = this.newest()
    if (!slot) return null
    const { seq: _seq, ...head } = slot
    return head
  }

  /** Writes the head; `durable`: flushed to the disk before returning (the one before a commit). */
  write(last: ChainLink | null, pending: ChainLink | null = null, durable = true): void {
    this.seq ??= this.newest()?.seq ?? 0
    this.seq += 1
    const record: Slot = {
      seq: this.seq,
      database: databaseIdentity(this.databaseFile).slice(-150), // for a person reading the file; the name is its hash
      last,
      pending,
      at: new Date().toISOString(),
    }
    const json = JSON.stringify(record)
    const bytes = Buffer.alloc(SLOT, ' ')
    bytes.write(`${json}\n${checksum(json)}\n`, 0, 'utf8')
    if (!existsSync(this.file)) ensurePrivateDir(join(this.dir, 'heads'))
    const fd = openSync(this.file, constants.O_RDWR | constants.O_CREAT, 0o600)
    try {
      writeSync(fd, bytes, 0, SLOT, (this.seq % 2) * SLOT)
      if (durable) fdatasyncSync(fd)
    } finally {
      closeSync(fd)
    }
  }

  /** The newest slot whose checksum holds, or null (no file, or nothing whole in it). */
  private newest(): Slot | null {
    if (!existsSync(this.file)) return null
    const content = readFileSync(this.file)
    let best: Slot | null = null
    for (let offset = 0; offset + SLOT <= content.length; offset += SLOT) {
      const [json, sum] = content
        .subarray(offset, offset + SLOT)
        .toString('utf8')
        .split('\n')
      if (!json || sum !== checksum(json)) continue
      try {
        const slot = JSON.parse(json) as Slot
        if (!best || slot.seq > best.seq) best = slot
      } catch {
        // not a record: as if the slot were empty
      }
    }
    return best
  }
}

const checksum = (json: string) => createHash('sha256').update(json).digest('hex').slice(0, 16)

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

/**
 * What names a database to its head: the SQLite file's full path, or the office server's
 * address (postgres://user@host:port/db, without the password) as it is: an address resolved
 * as a path would name another database from every working folder.
 */
function databaseIdentity(databaseFile: string): string {
  return databaseFile.includes('://') ? databaseFile : resolve(databaseFile)
}
