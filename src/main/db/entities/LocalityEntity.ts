import { EntitySchema } from 'typeorm'
import { idColumn, nameColumn, timestampColumn } from './columns'

/** A rural okrug (ауылдық округ) or a settlement (елді мекен) inside one. */
export interface LocalityRow {
  id: number
  /** The okrug a settlement belongs to; null for an okrug. */
  parentId: number | null
  kind: 'okrug' | 'settlement'
  nameKk: string
  nameRu: string
  nameEn: string | null
  active: boolean
  createdAt: string
  updatedAt: string
}

export const LocalityEntity = new EntitySchema<LocalityRow>({
  name: 'Locality',
  tableName: 'localities',
  columns: {
    id: idColumn,
    parentId: { type: 'integer', name: 'parent_id', nullable: true },
    kind: { type: 'varchar', length: 16 },
    nameKk: nameColumn('name_kk'),
    nameRu: nameColumn('name_ru'),
    nameEn: nameColumn('name_en', true),
    active: { type: 'boolean', default: true },
    createdAt: timestampColumn('created_at'),
    updatedAt: timestampColumn('updated_at'),
  },
})
