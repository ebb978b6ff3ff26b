import { EntitySchema } from 'typeorm'
import { idColumn, timestampColumn } from './columns'

/** A measure promised at a report meeting (уәде етілген шара / обещанная мера). */
export interface MeetingMeasureRow {
  id: number
  uuid: string
  meetingId: number
  text: string
  responsible: string
  dueOn: string
  /** The question (an appeal of the same meeting) this measure answers, if one. */
  appealId: number | null
  doneOn: string | null
  doneNote: string | null
  /** Set on measures that came in a package from another office (okrug → district). */
  originOfficeUuid: string | null
  /** The version (updated_at) of that measure that was imported. */
  importedVersion: string | null
  createdAt: string
  updatedAt: string
  /** Bumped by every edit; an edit names the version it was made on (services/versioned.ts, migration 0015). */
  version: number
}

export const MeetingMeasureEntity = new EntitySchema<MeetingMeasureRow>({
  name: 'MeetingMeasure',
  tableName: 'meeting_measures',
  columns: {
    id: idColumn,
    uuid: { type: 'varchar', length: 36, unique: true },
    meetingId: { type: 'integer', name: 'meeting_id' },
    text: { type: 'text' },
    responsible: { type: 'varchar', length: 300 },
    dueOn: { type: 'date', name: 'due_on' },
    appealId: { type: 'integer', name: 'appeal_id', nullable: true },
    doneOn: { type: 'date', name: 'done_on', nullable: true },
    doneNote: { type: 'text', name: 'done_note', nullable: true },
    originOfficeUuid: { type: 'varchar', length: 36, name: 'origin_office_uuid', nullable: true },
    importedVersion: { type: 'varchar', length: 32, name: 'imported_version', nullable: true },
    createdAt: timestampColumn('created_at'),
    updatedAt: timestampColumn('updated_at'),
    version: { type: 'integer', default: 1 },
  },
})
