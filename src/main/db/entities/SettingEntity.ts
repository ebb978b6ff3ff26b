import { EntitySchema } from 'typeorm'
import { timestampColumn } from './columns'

/** One office-wide setting: a key and its JSON value. */
export interface SettingRow {
  key: string
  /** JSON text, parsed by the service that owns the key. */
  value: string
  updatedAt: string
}

export const SettingEntity = new EntitySchema<SettingRow>({
  name: 'Setting',
  tableName: 'settings',
  columns: {
    key: { type: 'varchar', length: 64, primary: true },
    value: { type: 'text' },
    updatedAt: timestampColumn('updated_at'),
  },
})
