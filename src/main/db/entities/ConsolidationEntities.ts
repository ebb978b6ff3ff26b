import { EntitySchema } from 'typeorm'
import type { ConsolidatedKind } from '@shared/api/contract'
import { idColumn, timestampColumn } from './columns'

/** An office whose packages this office imported (okrug → district consolidation). */
export interface ConsolidationSourceRow {
  officeUuid: string
  /** Short code given at the first import; prefixes the source's registration numbers here. */
  code: number
  nameKk: string
  nameRu: string
  /** `exportedAt` of the latest package imported from this office. */
  lastExportedAt: string
  /** Checksum of the latest package imported: the same package again changes nothing. */
  lastChecksum: string
  importedAt: string
}

export const ConsolidationSourceEntity = new EntitySchema<ConsolidationSourceRow>({
  name: 'ConsolidationSource',
  tableName: 'consolidation_sources',
  columns: {
    officeUuid: { type: 'varchar', length: 36, name: 'office_uuid', primary: true },
    code: { type: 'integer', unique: true },
    nameKk: { type: 'varchar', length: 300, name: 'name_kk' },
    nameRu: { type: 'varchar', length: 300, name: 'name_ru' },
    lastExportedAt: timestampColumn('last_exported_at'),
    lastChecksum: { type: 'varchar', length: 64, name: 'last_checksum' },
    importedAt: timestampColumn('imported_at'),
  },
})

/**
 * A record edited here after its import and changed at its source since: both versions are
 * kept (as package records, JSON) until a person decides which one stands.
 */
export interface ConsolidationConflictRow {
  id: number
  officeUuid: string
  entity: ConsolidatedKind
  uuid: string
  /** This office's version when the conflict was found. */
  localValue: string
  incomingValue: string
  createdAt: string
  resolvedAt: string | null
  resolution: 'local' | 'incoming' | null
}

export const ConsolidationConflictEntity = new EntitySchema<ConsolidationConflictRow>({
  name: 'ConsolidationConflict',
  tableName: 'consolidation_conflicts',
  columns: {
    id: idColumn,
    officeUuid: { type: 'varchar', length: 36, name: 'office_uuid' },
    entity: { type: 'varchar', length: 32 },
    uuid: { type: 'varchar', length: 36 },
    localValue: { type: 'text', name: 'local_value' },
    incomingValue: { type: 'text', name: 'incoming_value' },
    createdAt: timestampColumn('created_at'),
    resolvedAt: { type: 'varchar', length: 32, name: 'resolved_at', nullable: true },
    resolution: { type: 'varchar', length: 16, nullable: true },
  },
})
