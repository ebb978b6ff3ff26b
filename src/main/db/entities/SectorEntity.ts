import { EntitySchema } from 'typeorm'
import { idColumn, nameColumn, timestampColumn } from './columns'

export interface SectorRow {
  id: number
  code: string
  nameKk: string
  nameRu: string
  nameEn: string
  sortOrder: number
  active: boolean
  createdAt: string
  updatedAt: string
}

export const SectorEntity = new EntitySchema<SectorRow>({
  name: 'Sector',
  tableName: 'sectors',
  columns: {
    id: idColumn,
    code: { type: 'varchar', length: 32, unique: true },
    nameKk: nameColumn('name_kk'),
    nameRu: nameColumn('name_ru'),
    nameEn: nameColumn('name_en'),
    sortOrder: { type: 'integer', name: 'sort_order' },
    active: { type: 'boolean', default: true },
    createdAt: timestampColumn('created_at'),
    updatedAt: timestampColumn('updated_at'),
  },
})
