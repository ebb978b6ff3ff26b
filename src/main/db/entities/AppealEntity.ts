import { EntitySchema } from 'typeorm'
import { idColumn, timestampColumn } from './columns'

/**
 * An appeal (өтініш): a reception visit, a question raised at a report meeting, a letter.
 * This first schema holds the core; the clerk's-work issue extends it through migrations.
 */
export interface AppealRow {
  id: number
  /** Stable across offices, for okrug → district consolidation. */
  uuid: string
  /** Per-year sequence, e.g. 2025-000123; assigned at registration, never reused. */
  regNumber: string
  receivedAt: string
  registeredOn: string
  channel: string
  appealType: string
  sectorId: number
  localityId: number | null
  meetingId: number | null
  applicantKind: 'individual' | 'organisation' | 'anonymous'
  applicantName: string | null
  /** IIN or BIN, 12 digits, when given. */
  applicantIdNumber: string | null
  summary: string
  status: string
  dueOn: string
  createdAt: string
  updatedAt: string
}

export const AppealEntity = new EntitySchema<AppealRow>({
  name: 'Appeal',
  tableName: 'appeals',
  columns: {
    id: idColumn,
    uuid: { type: 'varchar', length: 36, unique: true },
    regNumber: { type: 'varchar', length: 20, name: 'reg_number', unique: true },
    receivedAt: timestampColumn('received_at'),
    registeredOn: { type: 'date', name: 'registered_on' },
    channel: { type: 'varchar', length: 32 },
    appealType: { type: 'varchar', length: 32, name: 'appeal_type' },
    sectorId: { type: 'integer', name: 'sector_id' },
    localityId: { type: 'integer', name: 'locality_id', nullable: true },
    meetingId: { type: 'integer', name: 'meeting_id', nullable: true },
    applicantKind: { type: 'varchar', length: 16, name: 'applicant_kind' },
    applicantName: { type: 'varchar', length: 300, name: 'applicant_name', nullable: true },
    applicantIdNumber: { type: 'varchar', length: 12, name: 'applicant_id_number', nullable: true },
    summary: { type: 'text' },
    status: { type: 'varchar', length: 32 },
    dueOn: { type: 'date', name: 'due_on' },
    createdAt: timestampColumn('created_at'),
    updatedAt: timestampColumn('updated_at'),
  },
})
