import type { EntityManager } from 'typeorm'
import { DomainError, type FieldIssue } from '@shared/api/errors'
import type { Appeal } from '@shared/api/contract'
import { isTrue } from './mapping'

/** The catalog references an appeal may carry; each one is checked before anything is written. */
export interface AppealReferences {
  sectorId: number
  localityId: number | null
  meetingId: number | null
  executorId: number | null
  repeatedOfId: number | null
}

/** What the same look-up tells about the references, for the card of the appeal (see AppealService.create). */
export interface ReferenceFacts {
  /** The executor's full name (null without an executor). */
  executorName: string | null
  /** The number of the appeal this one repeats. */
  repeatedOfNumber: string | null
  /** The staff member who accepted it (the operator), when asked for. */
  acceptedBy: Appeal['acceptedBy']
  /** The full name of the staff member who signed the answer, when asked for. */
  signatoryName: string | null
}

/** Besides the check: where its issues go, what the appeal had before, and who else to name for the card. */
export interface ReferenceOptions {
  /** Places the issue on the right field, e.g. ['questions', 3] in the meeting grid. */
  pathPrefix?: (string | number)[]
  /** The references the appeal already had: an unchanged one is not refused for being deactivated since. */
  unchanged?: Partial<AppealReferences>
  /** The staff member who accepted the appeal (the operator registering it). */
  acceptedById?: number | null
  /** The staff member who signed the answer. */
  signatoryId?: number | null
}

interface ReferenceRow {
  sector_id: unknown
  sector_active: unknown
  executor_id: unknown
  executor_active: unknown
  executor_name: string | null
  locality_id: unknown
  meeting_id: unknown
  repeated_of_id: unknown
  repeated_of_number: string | null
  accepted_by_id: unknown
  accepted_by_name: string | null
  accepted_by_position: string | null
  accepted_by_position_ru: string | null
  signatory_name: string | null
}

/**
 * One statement for every reference: a primary-key look-up per catalog, each joined to a single
 * row, so a reference that is not there reads as NULL. The text is the same on every call (the
 * driver keeps it prepared). Nothing is cached between calls: a sector or an executor
 * deactivated a moment ago is refused at once.
 */
function referencesSql(manager: EntityManager): string {
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i)
  return `SELECT s.id AS sector_id, s.active AS sector_active,
    ex.id AS executor_id, ex.active AS executor_active, ex.full_name AS executor_name,
    l.id AS locality_id, m.id AS meeting_id, r.id AS repeated_of_id, r.reg_number AS repeated_of_number,
    op.id AS accepted_by_id, op.full_name AS accepted_by_name, op.position AS accepted_by_position, op.position_ru AS accepted_by_position_ru,
    sg.full_name AS signatory_name
  FROM (SELECT 1 AS one) q
  LEFT JOIN sectors s ON s.id = ${p(0)}
  LEFT JOIN staff ex ON ex.id = ${p(1)}
  LEFT JOIN localities l ON l.id = ${p(2)}
  LEFT JOIN report_meetings m ON m.id = ${p(3)}
  LEFT JOIN appeals r ON r.id = ${p(4)}
  LEFT JOIN staff op ON op.id = ${p(5)}
  LEFT JOIN staff sg ON sg.id = ${p(6)}`
}

/**
 * Refuses references to rows that do not exist, and to a sector or executor that was
 * deactivated (existing appeals keep theirs; new choices must be active). The names the card
 * shows (executor, repeated appeal, who accepted it, who signed the answer) come from the same
 * statement.
 */
export async function checkReferences(
  manager: EntityManager,
  refs: AppealReferences,
  { pathPrefix = [], unchanged = {}, acceptedById = null, signatoryId = null }: ReferenceOptions = {},
): Promise<ReferenceFacts> {
  const [row] = (await manager.query(referencesSql(manager), [
    refs.sectorId,
    refs.executorId,
    refs.localityId,
    refs.meetingId,
    refs.repeatedOfId,
    acceptedById,
    signatoryId,
  ])) as ReferenceRow[]
  const found = (value: unknown) => value !== null && value !== undefined
  const issues: FieldIssue[] = []
  const problem = (field: keyof AppealReferences, messageKey: string) =>
    issues.push({ path: [...pathPrefix, field], messageKey })
  const changed = (field: keyof AppealReferences) => refs[field] !== null && refs[field] !== unchanged[field]

  if (changed('sectorId')) {
    if (!found(row?.sector_id)) problem('sectorId', 'validation.unknownReference')
    else if (!isTrue(row!.sector_active)) problem('sectorId', 'validation.inactiveReference')
  }
  if (changed('executorId')) {
    if (!found(row?.executor_id)) problem('executorId', 'validation.unknownReference')
    else if (!isTrue(row!.executor_active)) problem('executorId', 'validation.inactiveReference')
  }
  if (changed('localityId') && !found(row?.locality_id)) problem('localityId', 'validation.unknownReference')
  if (changed('meetingId') && !found(row?.meeting_id)) problem('meetingId', 'validation.unknownReference')
  if (changed('repeatedOfId') && !found(row?.repeated_of_id)) problem('repeatedOfId', 'validation.unknownReference')
  if (issues.length > 0) throw new DomainError('validation', 'errors.validation', issues)
  return {
    executorName: found(row?.executor_id) ? (row!.executor_name ?? null) : null,
    repeatedOfNumber: found(row?.repeated_of_id) ? (row!.repeated_of_number ?? null) : null,
    acceptedBy: found(row?.accepted_by_id)
      ? {
          id: Number(row!.accepted_by_id),
          fullName: String(row!.accepted_by_name),
          position: String(row!.accepted_by_position),
          positionRu: row!.accepted_by_position_ru ?? null,
        }
      : null,
    signatoryName: row?.signatory_name ?? null,
  }
}
