import { In, type DataSource, type EntityManager } from 'typeorm'
import type {
  ApiParsedInput,
  ApplicantDuplicates,
  ApplicantVariant,
  DuplicateMatch,
  MergeResult,
} from '@shared/api/contract'
import { DomainError, type FieldIssue } from '@shared/api/errors'
import { can } from '@shared/auth/permissions'
import { maskIin } from '@shared/domain/personalData'
import { appealSearchColumns } from '@shared/domain/search'
import { AppealEntity, type AppealRow } from '../../db/entities'
import { transaction } from '../../db/transaction'
import { actorOf, fieldChanges, recordAudit, type AuditChange } from '../audit'
import type { CallContext } from '../context'
import { requirePersonalData } from '../personalData'
import { checkVersion, writeVersioned } from '../versioned'
import type { ReadDay } from './mapping'
import { storedNameKey } from './nameOnRecord'
import type { AppealQueries } from './queries'

/** The action of a merge's history entries: one per changed field of each appeal, and the merge's own. */
export const MERGE_ACTION = 'merge' as const

/** The columns a merge gives every appeal: who the applicant is, not where their answer went. */
const IDENTITY_FIELDS = [
  'applicantName',
  'applicantSurname',
  'applicantFirstName',
  'applicantPatronymic',
  'applicantIdNumber',
] as const satisfies (keyof AppealRow)[]

type NamedRow = AppealRow & { applicantKind: 'individual' | 'organisation' }

const isNamed = (row: AppealRow): row is NamedRow =>
  row.applicantKind === 'individual' || row.applicantKind === 'organisation'

const invalid = (issues: FieldIssue[]) => new DomainError('validation', 'errors.validation', issues)

/** One spelling exactly as stored: the name parts and the IIN/BIN. */
const spellingOf = (row: AppealRow) =>
  JSON.stringify([row.applicantKind, ...IDENTITY_FIELDS.map((field) => row[field])])

/**
 * The applicant's other spellings: appeals with the same IIN/BIN under another name (the key
 * nameOnRecord compares), and appeals under the same folded name (surname and first name, or
 * the organisation's name) with another IIN/BIN or none. Annulled entries do not count. The
 * IIN/BIN is one indexed look-up; the name goes through the list's own search (a few hundred
 * matches at most) and is compared by its key here.
 */
export async function applicantDuplicates(
  db: DataSource,
  queries: AppealQueries,
  on: ReadDay,
  id: number,
): Promise<ApplicantDuplicates> {
  const repository = db.getRepository(AppealEntity)
  const own = await repository.findOne({ where: { id } })
  if (!own) throw new DomainError('not_found', 'errors.appealNotFound')
  if (!isNamed(own)) return { variants: [] }
  const key = storedNameKey(own)
  const sameNumber = own.applicantIdNumber
    ? await repository.find({ select: { id: true }, where: { applicantIdNumber: own.applicantIdNumber } })
    : []
  const words =
    own.applicantKind === 'individual'
      ? `${own.applicantSurname ?? own.applicantName ?? ''} ${own.applicantFirstName ?? ''}`
      : (own.applicantName ?? '')
  const byName = await queries.list(
    { query: words.slice(0, 200), from: null, to: null, sort: 'receivedAt', order: 'desc', offset: 0, limit: 500 },
    on,
  )
  const ids = [...new Set([own.id, ...sameNumber.map((row) => row.id), ...byName.rows.map((row) => row.id)])]
  const rows = (await repository.findBy({ id: In(ids) })).filter(
    (row) =>
      row.status !== 'annulled' &&
      row.applicantKind === own.applicantKind &&
      (storedNameKey(row) === key ||
        (own.applicantIdNumber !== null && row.applicantIdNumber === own.applicantIdNumber)),
  )
  const ownSpelling = spellingOf(own)
  const groups = new Map<string, AppealRow[]>()
  for (const row of rows) groups.set(spellingOf(row), [...(groups.get(spellingOf(row)) ?? []), row])
  const variants = [...groups.entries()].map(([spelling, members]): ApplicantVariant & { latest: string } => {
    members.sort((a, b) => b.registeredOn.localeCompare(a.registeredOn) || b.id - a.id)
    const first = members[0]!
    const match: DuplicateMatch =
      spelling === ownSpelling
        ? 'self'
        : own.applicantIdNumber !== null && first.applicantIdNumber === own.applicantIdNumber
          ? 'idNumber'
          : 'name'
    return {
      kind: own.applicantKind,
      name: first.applicantName ?? '',
      idNumber: first.applicantIdNumber && maskIin(first.applicantIdNumber),
      match,
      appeals: members.map((row) => ({
        id: row.id,
        regNumber: row.regNumber,
        registeredOn: row.registeredOn,
        version: row.version,
      })),
      latest: `${first.registeredOn}|${String(first.id).padStart(12, '0')}`,
    }
  })
  variants.sort((a, b) => Number(b.match === 'self') - Number(a.match === 'self') || b.latest.localeCompare(a.latest))
  return { variants: variants.map(({ latest: _latest, ...variant }) => variant) }
}

/**
 * Gives every appeal named one applicant: the spelling of `nameFrom`, the IIN/BIN of
 * `idNumberFrom`, in one transaction. Each appeal must be at the version the clerk saw (else
 * `conflict`), stand (not annulled), be of the same kind, and be tied to the others by a shared
 * name or IIN/BIN; an IIN/BIN on record is never dropped for none. Each changed appeal gets
 * its version bumped and its before-values in its history (action `merge`); one more entry
 * records the merge as a whole: who, what was kept, and every appeal's values before.
 */
export async function mergeApplicants(
  db: DataSource,
  input: ApiParsedInput<'appeals.mergeApplicants'>,
  ctx: CallContext,
): Promise<MergeResult> {
  requirePersonalData(ctx)
  if (ctx.user && !can(ctx.user.role, 'appeals.write')) throw new DomainError('forbidden', 'errors.forbidden')
  const ids = input.appeals.map((appeal) => appeal.id)
  const issues: FieldIssue[] = []
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index)
      issues.push({ path: ['appeals', index, 'id'], messageKey: 'applicantMerge.errors.twice' })
  })
  for (const field of ['nameFrom', 'idNumberFrom'] as const)
    if (!ids.includes(input[field])) issues.push({ path: [field], messageKey: 'applicantMerge.errors.notAmong' })
  if (issues.length > 0) throw invalid(issues)

  return transaction(db, async (manager) => {
    const rows = await standingRows(manager, input.appeals)
    const nameRow = rows.find((row) => row.id === input.nameFrom)!
    const idRow = rows.find((row) => row.id === input.idNumberFrom)!
    checkMergeable(rows, nameRow, idRow)
    const kept: Pick<AppealRow, (typeof IDENTITY_FIELDS)[number]> = {
      applicantName: nameRow.applicantName,
      applicantSurname: nameRow.applicantSurname,
      applicantFirstName: nameRow.applicantFirstName,
      applicantPatronymic: nameRow.applicantPatronymic,
      applicantIdNumber: idRow.applicantIdNumber,
    }
    const updatedAt = new Date().toISOString()
    const changes: AuditChange[] = []
    const changed: AppealRow[] = []
    for (const before of rows) {
      const edited: AppealRow = { ...before, ...kept, updatedAt }
      const after: AppealRow = { ...edited, ...appealSearchColumns(edited) }
      if (fieldChanges('appeal', before.id, before, after, [...IDENTITY_FIELDS]).length === 0) continue
      await writeVersioned(manager, AppealEntity, 'appeal', before, after)
      // the card's history names the applicant as the list does; the parts are in the merge's own entry
      const shown = fieldChanges('appeal', before.id, before, after, ['applicantName', 'applicantIdNumber'])
      changes.push(...shown.map((change) => ({ ...change, action: MERGE_ACTION })))
      changed.push(before)
    }
    if (changed.length === 0) return { changed: [] }
    await recordAudit(manager, ctx, [...changes, mergeEntry(ctx, nameRow, kept, changed)])
    return { changed: changed.map((row) => row.id) }
  })
}

/** The appeals as read in the transaction, each at the version named and standing. */
async function standingRows(
  manager: EntityManager,
  named: ApiParsedInput<'appeals.mergeApplicants'>['appeals'],
): Promise<AppealRow[]> {
  const found = await manager.getRepository(AppealEntity).findBy({ id: In(named.map((appeal) => appeal.id)) })
  const byId = new Map(found.map((row) => [row.id, row]))
  const rows: AppealRow[] = []
  const issues: FieldIssue[] = []
  for (const [index, { id, version }] of named.entries()) {
    const row = byId.get(id)
    if (!row) throw new DomainError('not_found', 'errors.appealNotFound')
    rows.push(await checkVersion(manager, 'appeal', row, version))
    if (row.status === 'annulled')
      issues.push({ path: ['appeals', index, 'id'], messageKey: 'validation.appealAnnulled' })
  }
  if (issues.length > 0) throw invalid(issues)
  return rows
}

/**
 * The merge is of one person: named applicants of one kind, each tied to the kept spelling
 * through shared names or IIN/BINs (Серик → Серік with the IIN → the IIN under a new surname),
 * and no IIN/BIN on record replaced by none.
 */
function checkMergeable(rows: AppealRow[], nameRow: AppealRow, idRow: AppealRow): void {
  const issues: FieldIssue[] = []
  rows.forEach((row, index) => {
    if (!isNamed(row) || row.applicantKind !== nameRow.applicantKind)
      issues.push({ path: ['appeals', index, 'id'], messageKey: 'applicantMerge.errors.otherKind' })
  })
  if (issues.length > 0) throw invalid(issues)
  if (idRow.applicantIdNumber === null && rows.some((row) => row.applicantIdNumber !== null))
    throw invalid([{ path: ['idNumberFrom'], messageKey: 'applicantMerge.errors.idNumberDropped' }])
  const tied = tiedTo(nameRow, rows)
  rows.forEach((row, index) => {
    if (!tied.has(row.id))
      issues.push({ path: ['appeals', index, 'id'], messageKey: 'applicantMerge.errors.unrelated' })
  })
  if (issues.length > 0) throw invalid(issues)
}

/** The appeals reached from `start` by steps between appeals that share a name key or an IIN/BIN. */
function tiedTo(start: AppealRow, rows: AppealRow[]): Set<number> {
  const reached = new Set([start.id])
  const names = new Set([storedNameKey(start)])
  const numbers = new Set(start.applicantIdNumber ? [start.applicantIdNumber] : [])
  let grew = true
  while (grew) {
    grew = false
    for (const row of rows) {
      if (reached.has(row.id)) continue
      const key = storedNameKey(row)
      if (!names.has(key) && !(row.applicantIdNumber && numbers.has(row.applicantIdNumber))) continue
      reached.add(row.id)
      names.add(key)
      if (row.applicantIdNumber) numbers.add(row.applicantIdNumber)
      grew = true
    }
  }
  return reached
}

/** The merge's own entry: who merged, what was kept, and each changed appeal's number, version and applicant before. */
function mergeEntry(
  ctx: CallContext,
  nameRow: AppealRow,
  kept: Pick<AppealRow, (typeof IDENTITY_FIELDS)[number]>,
  changed: AppealRow[],
): AuditChange {
  const identity = (row: Pick<AppealRow, (typeof IDENTITY_FIELDS)[number]>) => ({
    name: row.applicantName,
    surname: row.applicantSurname,
    firstName: row.applicantFirstName,
    patronymic: row.applicantPatronymic,
    // masked as every IIN/BIN in the history (audit.ts): it says which, never keeps a copy
    idNumber: row.applicantIdNumber && maskIin(row.applicantIdNumber),
  })
  return {
    entity: 'applicantMerge',
    entityId: String(nameRow.id),
    action: MERGE_ACTION,
    field: null,
    oldValue: null,
    newValue: JSON.stringify({
      by: actorOf(ctx),
      kept: identity(kept),
      appeals: changed.map((row) => ({
        id: row.id,
        regNumber: row.regNumber,
        version: row.version,
        before: identity(row),
      })),
    }),
  }
}
