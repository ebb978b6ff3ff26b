import type { AuditFindingKind, AuditVerification } from '@shared/api/contract'
import { parameter } from '../db/dialect'
import type { Queryable } from '../db/queryable'
import { CHAIN_ENTITY, type ChainMarker, CHAIN_SETTING } from './auditChain'
import { auditHash, GENESIS_HASH, type HashedFields } from './auditHash'
import { compareHead, type ChainHead } from './auditHead'

/**
 * What verifying needs of a chain: the key held here (its id and the keyed hash; no key: every
 * keyed entry's link is checked only), the head kept outside the database, and the key folder
 * to name. An open AuditChain is one; moving an office builds one from the key file alone.
 */
export interface ChainVerifier {
  readonly keyId: string | null
  hash(prevHash: string, entry: HashedFields): string
  readonly head: { read(): ChainHead | null }
  readonly keyDir: string
}

/** Entries read per query: the walk holds one page at a time. */
const PAGE = 2000

interface Row {
  id: number
  at: string
  operator: string | null
  entity: string
  entity_id: string
  action: string
  field: string | null
  old_value: string | null
  new_value: string | null
  prev_hash: string | null
  hash: string | null
}

const fieldsOf = (row: Row): HashedFields => ({
  at: row.at,
  operator: row.operator,
  entity: row.entity,
  entityId: row.entity_id,
  action: row.action,
  field: row.field,
  oldValue: row.old_value,
  newValue: row.new_value,
})

const isAnchor = (row: Pick<Row, 'entity' | 'entity_id' | 'action'>) =>
  row.entity === CHAIN_ENTITY.entity && row.entity_id === CHAIN_ENTITY.entityId && row.action === 'anchor'

/**
 * "Verify history": walks the audit trail in order and recomputes every link: entries before
 * keyed history with the older plain SHA-256, later ones with the key (each anchor entry says
 * which key signs from there on). An entry whose stored previous hash is not the hash of the
 * entry before it (one was removed or inserted), or whose own hash does not match its fields
 * (it was changed), is the first broken link. Entries signed with a key this computer does not
 * hold have their links checked only, and are reported as unverifiable. Then the head kept
 * outside the database is compared with the database's end, and what starts found wrong (the
 * finding and anchor entries) is listed. Reads a page of entries at a time (either engine), so a
 * long history need not fit in memory.
 */
export async function verifyAuditTrail(db: Queryable, chain: ChainVerifier): Promise<AuditVerification> {
  const p = (i: number) => parameter(db.connection, i)
  const [markerRow] = (await db.query(`SELECT value FROM settings WHERE key = ${p(0)}`, [CHAIN_SETTING])) as {
    value: string
  }[]
  const marker = markerRow ? (JSON.parse(markerRow.value) as ChainMarker) : null
  const keyedFrom = marker?.keyedFrom ?? Number.POSITIVE_INFINITY
  let signing = marker?.keyId ?? null

  const report: AuditVerification = {
    entries: 0,
    firstBroken: null,
    keyedFrom: null,
    legacyEntries: 0,
    head: { state: 'ok', headId: null, lastId: null },
    findings: [],
    unverifiable: [],
    keyFolder: chain.keyDir,
  }
  let prev = GENESIS_HASH
  let previousId: number | null = null
  let after = 0
  walk: for (;;) {
    const page = (await db.query(
      `SELECT id, at, operator, entity, entity_id, action, field, old_value, new_value, prev_hash, hash FROM audit_entries WHERE id > ${p(0)} ORDER BY id LIMIT ${PAGE}`,
      [after],
    )) as Row[]
    for (const row of page) {
      row.id = Number(row.id)
      report.entries += 1
      const keyed = row.id >= keyedFrom
      if (!keyed) report.legacyEntries += 1
      else report.keyedFrom ??= { id: row.id, at: row.at }
      if (keyed && isAnchor(row)) signing = keyIdOf(row.new_value)
      let expected: string
      if (!keyed) expected = auditHash(prev, fieldsOf(row))
      else if (chain.keyId !== null && signing === chain.keyId) expected = chain.hash(prev, fieldsOf(row))
      else {
        expected = row.hash ?? ''
        const open = report.unverifiable.at(-1)
        if (open && open.toId === previousId) open.toId = row.id
        else report.unverifiable.push({ fromId: row.id, toId: row.id })
      }
      if (row.prev_hash !== prev || row.hash !== expected) {
        report.firstBroken = { id: row.id, at: row.at, entity: row.entity, entityId: row.entity_id }
        break walk
      }
      prev = expected
      previousId = row.id
    }
    if (page.length < PAGE) break
    after = page.at(-1)!.id
  }

  const [lastRow] = (await db.query('SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1')) as {
    id: number
    hash: string
  }[]
  const last = lastRow ? { id: Number(lastRow.id), hash: lastRow.hash } : null
  const head = chain.head.read()
  // looked up first: compareHead asks synchronously
  const [atHead] = head?.last
    ? ((await db.query(`SELECT hash FROM audit_entries WHERE id = ${p(0)}`, [head.last.id])) as { hash: string }[])
    : []
  report.head = {
    state: compareHead(head, last, () => atHead?.hash ?? null),
    headId: head?.last?.id ?? null,
    lastId: last?.id ?? null,
  }
  report.findings = await findingsOf(db)
  return report
}

function keyIdOf(newValue: string | null): string | null {
  try {
    return (JSON.parse(newValue ?? 'null') as { keyId?: string } | null)?.keyId ?? null
  } catch {
    return null
  }
}

/** The chain's own entries that report a problem: a key lost or changed, a head that did not match. */
async function findingsOf(db: Queryable): Promise<AuditVerification['findings']> {
  const p = (i: number) => parameter(db.connection, i)
  const rows = (await db.query(
    `SELECT id, at, action, field, old_value, new_value FROM audit_entries WHERE entity = ${p(0)} AND entity_id = ${p(1)} AND action IN ('anchor', 'finding') ORDER BY id`,
    [CHAIN_ENTITY.entity, CHAIN_ENTITY.entityId],
  )) as Pick<Row, 'id' | 'at' | 'action' | 'field' | 'old_value' | 'new_value'>[]
  return rows
    .filter((row) => row.field !== 'upgrade')
    .map((row) => {
      const before = safeJson(row.old_value) as { last?: { id: number } | null } | null
      const after = safeJson(row.new_value) as { last?: { id: number } | null } | null
      return {
        id: Number(row.id),
        at: row.at,
        kind: row.field as AuditFindingKind,
        headId: row.action === 'finding' ? (before?.last?.id ?? null) : null,
        lastId: row.action === 'finding' ? (after?.last?.id ?? null) : (before?.last?.id ?? null),
      }
    })
}

function safeJson(value: string | null): unknown {
  try {
    return JSON.parse(value ?? 'null')
  } catch {
    return null
  }
}
