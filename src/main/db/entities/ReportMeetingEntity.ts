import { EntitySchema } from 'typeorm'
import { idColumn, timestampColumn } from './columns'

/** An akim's report meeting with the population (есептік кездесу). */
export interface ReportMeetingRow {
  id: number
  uuid: string
  heldOn: string
  localityId: number | null
  place: string
  speakerName: string
  speakerPosition: string
  format: 'in_person' | 'online' | 'mixed'
  attendance: number | null
  notes: string | null
  broadcastLink: string | null
  /** Set on records that came in a package from another office (okrug → district). */
  originOfficeUuid: string | null
  /** The version (updated_at) of that record that was imported. */
  importedVersion: string | null
  createdAt: string
  updatedAt: string
  /** Bumped by every edit; an edit names the version it was made on (services/versioned.ts, migration 0015). */
  version: number
}

export const ReportMeetingEntity = new EntitySchema<ReportMeetingRow>({
  name: 'ReportMeeting',
  tableName: 'report_meetings',
  columns: {
    id: idColumn,
    uuid: { type: 'varchar', length: 36, unique: true },
    heldOn: { type: 'date', name: 'held_on' },
    localityId: { type: 'integer', name: 'locality_id', nullable: true },
    place: { type: 'varchar', length: 300 },
    speakerName: { type: 'varchar', length: 200, name: 'speaker_name' },
    speakerPosition: { type: 'varchar', length: 200, name: 'speaker_position' },
    format: { type: 'varchar', length: 16 },
    attendance: { type: 'integer', nullable: true },
    notes: { type: 'text', nullable: true },
    broadcastLink: { type: 'varchar', length: 500, name: 'broadcast_link', nullable: true },
    originOfficeUuid: { type: 'varchar', length: 36, name: 'origin_office_uuid', nullable: true },
    importedVersion: { type: 'varchar', length: 32, name: 'imported_version', nullable: true },
    createdAt: timestampColumn('created_at'),
    updatedAt: timestampColumn('updated_at'),
    version: { type: 'integer', default: 1 },
  },
})
