export * from './AppealEntity'
export * from './AttachmentEntity'
export * from './AuditEntryEntity'
export * from './CalendarDayEntity'
export * from './ConsolidationEntities'
export * from './LocalityEntity'
export * from './MeetingMeasureEntity'
export * from './ReportMeetingEntity'
export * from './SectorEntity'
export * from './SettingEntity'
export * from './StaffEntity'
export * from './UserEntity'

import { AppealEntity } from './AppealEntity'
import { AttachmentEntity } from './AttachmentEntity'
import { AuditEntryEntity } from './AuditEntryEntity'
import { CalendarDayEntity } from './CalendarDayEntity'
import { ConsolidationConflictEntity, ConsolidationSourceEntity } from './ConsolidationEntities'
import { LocalityEntity } from './LocalityEntity'
import { MeetingMeasureEntity } from './MeetingMeasureEntity'
import { ReportMeetingEntity } from './ReportMeetingEntity'
import { SectorEntity } from './SectorEntity'
import { SettingEntity } from './SettingEntity'
import { StaffEntity } from './StaffEntity'
import { UserEntity } from './UserEntity'

/** Listed explicitly: bundlers drop globs. */
export const entities = [
  SectorEntity,
  LocalityEntity,
  StaffEntity,
  ReportMeetingEntity,
  AppealEntity,
  MeetingMeasureEntity,
  SettingEntity,
  AuditEntryEntity,
  CalendarDayEntity,
  ConsolidationSourceEntity,
  ConsolidationConflictEntity,
  UserEntity,
  AttachmentEntity,
]
