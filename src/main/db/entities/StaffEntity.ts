import { EntitySchema } from 'typeorm'
import { idColumn, timestampColumn } from './columns'

/** A member of the office's staff: an operator at the keyboard, an executor of appeals, or both. */
export interface StaffRow {
  id: number
  fullName: string
  /** The position in Kazakh (the office's first language). */
  position: string
  /** The position in Russian, for Russian papers; null until typed (migration 0011). */
  positionRu: string | null
  department: string | null
  isExecutor: boolean
  active: boolean
  createdAt: string
  updatedAt: string
}

export const StaffEntity = new EntitySchema<StaffRow>({
  name: 'Staff',
  tableName: 'staff',
  columns: {
    id: idColumn,
    fullName: { type: 'varchar', length: 200, name: 'full_name' },
    position: { type: 'varchar', length: 200 },
    positionRu: { type: 'varchar', length: 200, name: 'position_ru', nullable: true },
    department: { type: 'varchar', length: 200, nullable: true },
    isExecutor: { type: 'boolean', name: 'is_executor', default: true },
    active: { type: 'boolean', default: true },
    createdAt: timestampColumn('created_at'),
    updatedAt: timestampColumn('updated_at'),
  },
})
