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
  /** Stable across offices, for consolidation. */
  uuid: string
  /** Set on records that came in a package from another office (okrug → district). */
  originOfficeUuid: string | null
  /** The version (updated_at) of that record that was imported. */
  importedVersion: string | null
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
    uuid: { type: 'varchar', length: 36, unique: true },
    originOfficeUuid: { type: 'varchar', length: 36, name: 'origin_office_uuid', nullable: true },
    importedVersion: { type: 'varchar', length: 32, name: 'imported_version', nullable: true },
    createdAt: timestampColumn('created_at'),
    updatedAt: timestampColumn('updated_at'),
  },
})
