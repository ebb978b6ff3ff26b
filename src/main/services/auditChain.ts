import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm'
import type { AuditFindingKind } from '@shared/api/contract'
import { parameter } from '../db/dialect'
import { auditKeyId, keyedAuditHash, type HashedFields } from './auditHash'
import type { AuditChange } from './audit'
import type { AuditKeyProvider } from './auditKey'
import { compareHead, HeadStore, type ChainLink } from './auditHead'
import type { CallContext } from './context'
import { transaction } from '../db/transaction'

/** Settings key of where keyed history begins and which key signs it first. */
export const CHAIN_SETTING = 'audit.chain'

export interface ChainMarker {
  /** The first entry id signed with a key; entries before it carry the older plain SHA-256 chain. */
  keyedFrom: number
  keyId: string
}

/** Entries the chain writes about itself: entity 'audit', id 'chain'. */
export const CHAIN_ENTITY = { entity: 'audit', entityId: 'chain' } as const

/** Where a key begins to sign the chain (action 'anchor'; the field says why). */
export type AnchorReason = 'upgrade' | 'keyMissing' | 'keyChanged'

/** The program itself, writing at start: no person and no door are acting. */
const START: CallContext = { operator: null, door: 'desktop' }

const chains = new WeakMap<DataSource, AuditChain>()

/**
 * A transaction that holds the history (PostgreSQL: its lock) or wrote entries: the committed
 * end it follows (read under the lock), its own end once it wrote some, whether that end is
 * known (not after a savepoint rolled some back: read again), and whether its pending head is
 * flushed.
 */
interface Writer {
  base: ChainLink | null
  end: ChainLink | null
  known: boolean
  flushed: boolean
}

/** The chain of the database a manager works on; recordAudit signs with its key. */
export function auditChainOf(db: DataSource): AuditChain {
  const chain = chains.get(db)
  if (!chain) throw new Error('the audit chain of this database was not opened (openAuditChain)')
  return chain
}

/**
 * The keyed hash chain of one open database: signs entries with the key, and keeps the head
 * file in step with every commit that wrote history (see ChainHead for the order of writes).
 */
export class AuditChain implements EntitySubscriberInterface {
  readonly keyId: string
  /** The last entry committed, as this process knows it. */
  private committed: ChainLink | null = null
  /**
   * The transactions under way that wrote history: on PostgreSQL several transactions run at
   * once, so this is kept per query runner, not for "the" transaction.
   */
  private writers = new Map<QueryRunner, Writer>()
  /** The hash of the last entry this process wrote (committed or in the transaction under way). */
  private tail: string | null = null

  constructor(
    private readonly db: DataSource,
    private readonly key: Buffer,
    readonly head: HeadStore,
    readonly keyDir: string,
    private readonly log: (message: string, error: unknown) => void,
  ) {
    this.keyId = auditKeyId(key)
  }

  hash(prevHash: string, entry: HashedFields): string {
    return keyedAuditHash(this.key, prevHash, entry)
  }

  /**
   * The entry a transaction's next entries follow, when it already holds the history (it read
   * the tail under the lock, or wrote entries, whose last only it can see and which the lock it
   * holds keeps the end); undefined when the tail must be read.
   */
  tailOf(manager: EntityManager): ChainLink | null | undefined {
    const runner = manager.queryRunner
    const writer = runner?.isTransactionActive ? this.writers.get(runner) : undefined
    return writer?.known ? (writer.end ?? writer.base) : undefined
  }

  /** The transaction has read the tail under the history lock (lockHistory): held to its commit. */
  locked(manager: EntityManager, tail: ChainLink | null): void {
    const runner = manager.queryRunner
    if (runner?.isTransactionActive && !this.writers.has(runner))
      this.writers.set(runner, { base: tail, end: null, known: true, flushed: false })
  }

  /**
   * Before a write: when the database's last entry is not the last this process wrote, another
   * process wrote in between (web mode and the desktop on one computer, each with a key of its
   * own when the desktop made its key first). If that process signs with another key, an anchor
   * entry says where this key takes over, so neither door finds the other's entries broken,
   * only signed with a key it does not hold.
   */
  async takeOver(manager: EntityManager, last: ChainLink | null): Promise<AuditChange[]> {
    if (last === null || last.hash === this.tail) return []
    const marker = await readMarker(manager)
    const signing = marker ? await signingKeyId(manager, marker) : this.keyId
    return signing === this.keyId ? [] : [anchorEntry('keyChanged', last, signing, this.keyId)]
  }

  /**
   * recordAudit has written entries with this manager, chained to `base` (the database's end
   * as read under the history lock, or the transaction's own last entry) and ending with `end`:
   * the head follows at commit.
   */
  async written(manager: EntityManager, base: ChainLink | null, end: ChainLink): Promise<void> {
    this.tail = end.hash
    const runner = manager.queryRunner
    if (!runner?.isTransactionActive) return this.settle() // written outside a transaction: already committed
    const writer = this.writers.get(runner)
    // the first tail read in the transaction says where the committed database ends
    this.writers.set(runner, { base: writer ? writer.base : base, end, known: true, flushed: false })
  }

  /** Writes the head as the database ends now. */
  async settle(): Promise<void> {
    this.committed = await lastEntry(this.db.manager)
    this.tail = this.committed?.hash ?? null
    this.head.write(this.committed)
  }

  /**
   * Before the commit: the head names the entry this write ends with, flushed to disk, and the
   * committed end it follows (read under the history lock, held from the entries' writing to
   * the commit, so no other transaction commits entries in between: db/dialect.ts). A crash
   * then leaves the database at one of the two. Both are known from recordAudit: no statement
   * here. The flush holds the thread (a few milliseconds): every other writer waits for this
   * commit anyway, and a flush handed to libuv's threads came back 30 ms later on a loaded
   * machine, all of it inside the section writers pass one at a time (measured, load bench).
   */
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner
    const writer = this.writers.get(runner)
    // a savepoint released inside the transaction is not the commit
    if (!writer || (runner as unknown as { transactionDepth: number }).transactionDepth > 1) return
    if (!writer.known) writer.end = await lastEntry(runner.manager)
    if (!writer.end) return // held the lock, wrote nothing
    writer.flushed = true
    this.head.write(writer.base, writer.end)
  }

  /** After the commit: the head without the pending entry. A failure here leaves a head a crash could leave, so it is logged, not thrown. */
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner
    if (runner.isTransactionActive) return
    const writer = this.writers.get(runner)
    this.writers.delete(runner)
    if (!writer?.end) return
    // Another transaction may have committed after this one and been told first: the head never goes back.
    if (this.committed && this.committed.id >= writer.end.id) return
    this.committed = writer.end
    try {
      // A crash may lose it: the pending head stands. Another transaction's pending end,
      // flushed already (its commit told before this one's), stays named.
      this.head.write(this.committed, this.flushedEnd(), false)
    } catch (error) {
      this.log('The history head was not updated after a commit; the next write updates it', error)
    }
  }

  afterTransactionRollback(event: TransactionCommitEvent): void {
    const runner = event.queryRunner
    const writer = this.writers.get(runner)
    if (!writer) return
    if (runner.isTransactionActive) {
      writer.known = false // a savepoint rolled back: the entries it held are gone, the end is read again
      return
    }
    this.writers.delete(runner)
    // its entries are gone; a transaction that only held the lock leaves the tail as it was
    if (writer.end && this.tail === writer.end.hash) this.tail = this.committed?.hash ?? null
  }

  /** The end of a transaction whose pending head is flushed and whose commit is not yet told. */
  private flushedEnd(): ChainLink | null {
    let end: ChainLink | null = null
    for (const { flushed, end: its } of this.writers.values())
      if (flushed && its && (!end || its.id > end.id)) end = its
    return end
  }

  /** Remembers the database's end as it was opened. */
  start(last: ChainLink | null): void {
    this.committed = last
    this.tail = last?.hash ?? null
  }
}

export interface OpenChainOptions {
  keys: AuditKeyProvider
  databaseFile: string
  /**
   * The file was just replaced on purpose (a restore or its undo): the head belongs to the
   * database that was there, so it is not compared; the restore writes its own entry.
   */
  replaced?: boolean
  log: (message: string, error: unknown) => void
  /** Writes entries with the chain (recordAudit; passed in to keep the modules acyclic). */
  record: (manager: EntityManager, ctx: CallContext, changes: AuditChange[]) => Promise<unknown>
}

/**
 * Opens the chain of a database at start (and after a restore), before any call is served:
 * loads or makes the key, starts keyed history where it has not begun (a new database: from
 * its first entry; an older one: with an anchor entry that records the old chain's last hash),
 * and writes into the history what it finds wrong, so that it is reported by every later
 * "Verify history", however the head moves on:
 * - the key is missing although keyed history exists. The program still starts: an office
 *   has appeals to register and deadlines that run whatever happened to a file, and refusing
 *   to start would punish the office, not whoever removed the key. A new key is made, an anchor
 *   entry says so, and the entries signed with the lost key are reported as unverifiable;
 * - the head does not fit the database (see HeadState): a finding entry records both ends.
 */
export async function openAuditChain(db: DataSource, options: OpenChainOptions): Promise<AuditChain> {
  let key = options.keys.load()
  const keyMissing = key === null
  key ??= options.keys.create()
  const chain = new AuditChain(
    db,
    key,
    new HeadStore(options.keys.dir, options.databaseFile),
    options.keys.dir,
    options.log,
  )
  chains.set(db, chain)
  db.subscribers.push(chain)
  const marker = await readMarker(db.manager)
  const last = await lastEntry(db.manager)
  chain.start(last)
  const anchor = (reason: AnchorReason, previousKeyId: string | null) =>
    anchorEntry(reason, last, previousKeyId, chain.keyId)

  const entries: AuditChange[] = []
  if (!marker) {
    if (last) entries.push(anchor('upgrade', null))
  } else {
    const signing = await signingKeyId(db.manager, marker)
    if (signing !== chain.keyId) {
      entries.push(anchor(keyMissing ? 'keyMissing' : 'keyChanged', signing))
      if (keyMissing)
        options.log(`The history key was missing from ${options.keys.dir}; a new one signs from now on`, null)
    }
  }
  const head = chain.head.read()
  // A database without keyed history has no head yet, unless it replaced one that had.
  if (!options.replaced && (marker || head)) {
    // looked up first: compareHead asks synchronously, and PostgreSQL answers only asynchronously
    const headHash = head?.last ? await hashOf(db.manager, head.last.id) : null
    const state = compareHead(head, last, () => headHash)
    if (state !== 'ok' && !(state === 'missing' && keyMissing)) {
      entries.push({
        ...CHAIN_ENTITY,
        action: 'finding',
        field: FINDING_OF_STATE[state],
        oldValue: JSON.stringify(head ? { last: head.last, pending: head.pending } : null),
        newValue: JSON.stringify({ last }),
      })
      options.log(`The history does not match its head (${state}); written into the history`, null)
    }
  }
  if (entries.length === 0 && marker) {
    // a head left with a pending end (a crash) is brought up to date; a whole one is left alone
    if (head?.pending || head?.last?.id !== last?.id) await chain.settle()
    return chain
  }
  await transaction(db, async (manager) => {
    // every entry after the database's last one is keyed (ids grow; SQLite may skip some)
    if (!marker) await writeMarker(manager, { keyedFrom: (last?.id ?? 0) + 1, keyId: chain.keyId })
    if (entries.length > 0) await options.record(manager, START, entries)
  })
  if (entries.length === 0) await chain.settle()
  return chain
}

/** Where a key begins to sign: why, where the chain ended, and the key before and after. */
function anchorEntry(
  reason: AnchorReason,
  last: ChainLink | null,
  previousKeyId: string | null,
  keyId: string,
): AuditChange {
  return {
    ...CHAIN_ENTITY,
    action: 'anchor',
    field: reason,
    oldValue: JSON.stringify({ last, keyId: previousKeyId }),
    newValue: JSON.stringify({ keyId }),
  }
}

const FINDING_OF_STATE: Record<'missing' | 'tailRemoved' | 'mismatch' | 'behind', AuditFindingKind> = {
  missing: 'headMissing',
  tailRemoved: 'tailRemoved',
  mismatch: 'headMismatch',
  behind: 'headBehind',
}

export async function lastEntry(manager: EntityManager): Promise<ChainLink | null> {
  const [row] = (await manager.query('SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1')) as {
    id: number
    hash: string
  }[]
  return row ? { id: Number(row.id), hash: row.hash } : null
}

async function hashOf(manager: EntityManager, id: number): Promise<string | null> {
  const [row] = (await manager.query(`SELECT hash FROM audit_entries WHERE id = ${parameter(manager.connection, 0)}`, [
    id,
  ])) as { hash: string }[]
  return typeof row?.hash === 'string' ? row.hash : null
}

export async function readMarker(manager: EntityManager): Promise<ChainMarker | null> {
  const [row] = (await manager.query(`SELECT value FROM settings WHERE key = ${parameter(manager.connection, 0)}`, [
    CHAIN_SETTING,
  ])) as {
    value: string
  }[]
  return row ? (JSON.parse(row.value) as ChainMarker) : null
}

async function writeMarker(manager: EntityManager, marker: ChainMarker): Promise<void> {
  const p = (i: number) => parameter(manager.connection, i)
  await manager.query(`INSERT INTO settings (key, value, updated_at) VALUES (${p(0)}, ${p(1)}, ${p(2)})`, [
    CHAIN_SETTING,
    JSON.stringify(marker),
    new Date().toISOString(),
  ])
}

/** The key that signs the newest entries: the last anchor's, else the marker's. */
async function signingKeyId(manager: EntityManager, marker: ChainMarker): Promise<string> {
  const [row] = (await manager.query(
    `SELECT new_value FROM audit_entries WHERE entity = ${parameter(manager.connection, 0)} AND entity_id = ${parameter(manager.connection, 1)} AND action = 'anchor' ORDER BY id DESC LIMIT 1`,
    [CHAIN_ENTITY.entity, CHAIN_ENTITY.entityId],
  )) as { new_value: string }[]
  return row ? (JSON.parse(row.new_value) as { keyId: string }).keyId : marker.keyId
}
