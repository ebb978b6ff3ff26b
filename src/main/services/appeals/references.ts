import type { EntityManager } from 'typeorm'
import { DomainError, type FieldIssue } from '@shared/api/errors'
import { AppealEntity, LocalityEntity, ReportMeetingEntity, SectorEntity, StaffEntity } from '../../db/entities'

/** The catalog references an appeal may carry; each one is checked before anything is written. */
export interface AppealReferences {
  sectorId: number
  localityId: number | null
  meetingId: number | null
  executorId: number | null
  repeatedOfId: number | null
}

/**
 * Refuses references to rows that do not exist, and to a sector or executor that was
 * deactivated (existing appeals keep theirs; new choices must be active). `pathPrefix` places
 * the issue on the right field, e.g. ['questions', 3] in the meeting grid.
 */
export async function checkReferences(
  manager: EntityManager,
  refs: AppealReferences,
  pathPrefix: (string | number)[] = [],
  unchanged: Partial<AppealReferences> = {},
): Promise<void> {
  const issues: FieldIssue[] = []
  const problem = (field: keyof AppealReferences, messageKey: string) => issues.push({ path: [...pathPrefix, field], messageKey })
  const changed = (field: keyof AppealReferences) => refs[field] !== null && refs[field] !== unchanged[field]

  if (changed('sectorId')) {
    const sector = await manager.getRepository(SectorEntity).findOne({ where: { id: refs.sectorId } })
    if (!sector) problem('sectorId', 'validation.unknownReference')
    else if (!sector.active) problem('sectorId', 'validation.inactiveReference')
  }
  if (changed('executorId')) {
    const executor = await manager.getRepository(StaffEntity).findOne({ where: { id: refs.executorId! } })
    if (!executor) problem('executorId', 'validation.unknownReference')
    else if (!executor.active) problem('executorId', 'validation.inactiveReference')
  }
  if (changed('localityId') && !(await manager.getRepository(LocalityEntity).exists({ where: { id: refs.localityId! } }))) {
    problem('localityId', 'validation.unknownReference')
  }
  if (changed('meetingId') && !(await manager.getRepository(ReportMeetingEntity).exists({ where: { id: refs.meetingId! } }))) {
    problem('meetingId', 'validation.unknownReference')
  }
  if (changed('repeatedOfId') && !(await manager.getRepository(AppealEntity).exists({ where: { id: refs.repeatedOfId! } }))) {
    problem('repeatedOfId', 'validation.unknownReference')
  }
  if (issues.length > 0) throw new DomainError('validation', 'errors.validation', issues)
}
