export * from './AppealEntity'
export * from './AuditEntryEntity'
export * from './LocalityEntity'
export * from './ReportMeetingEntity'
export * from './SectorEntity'
export * from './SettingEntity'

import { AppealEntity } from './AppealEntity'
import { AuditEntryEntity } from './AuditEntryEntity'
import { LocalityEntity } from './LocalityEntity'
import { ReportMeetingEntity } from './ReportMeetingEntity'
import { SectorEntity } from './SectorEntity'
import { SettingEntity } from './SettingEntity'

/** Listed explicitly: bundlers drop globs. */
export const entities = [SectorEntity, LocalityEntity, ReportMeetingEntity, AppealEntity, SettingEntity, AuditEntryEntity]
