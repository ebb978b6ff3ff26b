import type { EntityManager } from 'typeorm'
import type { ConsolidationSource, KindCounts } from '@shared/api/contract'
import { ConsolidationSourceEntity, type ConsolidationSourceRow } from '../db/entities'
import type { AuditChange } from '../services/audit'
import type { PackageDocument } from './format'

/** The source office of a package as known here, and its short code (a new one for a first package). */
export async function sourceOf(
  manager: EntityManager,
  officeUuid: string,
): Promise<{ row: ConsolidationSourceRow | null; code: number }> {
  const repo = manager.getRepository(ConsolidationSourceEntity)
  const row = await repo.findOne({ where: { officeUuid } })
  if (row) return { row, code: row.code }
  const last = await repo.findOne({ where: {}, order: { code: 'DESC' } })
  return { row: null, code: (last?.code ?? 0) + 1 }
}

/**
 * Remembers the package just imported: the source's name, the package's date and checksum.
 * Nothing is written when the package brought no change and is not newer than the last one
 * from this office (the same file again, or an older one).
 */
export async function rememberPackage(
  manager: EntityManager,
  source: { row: ConsolidationSourceRow | null; code: number },
  document: PackageDocument,
  fileName: string,
  counts: Record<'localities' | 'meetings' | 'appeals' | 'measures', KindCounts>,
  changed: boolean,
): Promise<AuditChange[]> {
  const { row, code } = source
  if (row && (row.lastChecksum === document.checksum || (!changed && document.exportedAt <= row.lastExportedAt)))
    return []
  const next: ConsolidationSourceRow = {
    officeUuid: document.office.uuid,
    code,
    nameKk: document.office.nameKk,
    nameRu: document.office.nameRu,
    lastExportedAt: row && row.lastExportedAt > document.exportedAt ? row.lastExportedAt : document.exportedAt,
    lastChecksum: document.checksum,
    importedAt: new Date().toISOString(),
  }
  await manager.getRepository(ConsolidationSourceEntity).save(next)
  const { nameKk, nameRu, district, region } = document.office
  return [
    {
      entity: 'consolidation_source',
      entityId: document.office.uuid,
      action: 'import',
      field: null,
      oldValue: row ? JSON.stringify({ checksum: row.lastChecksum, exportedAt: row.lastExportedAt }) : null,
      newValue: JSON.stringify({
        code,
        nameKk,
        nameRu,
        district,
        region,
        fileName,
        checksum: document.checksum,
        exportedAt: document.exportedAt,
        counts,
      }),
    },
  ]
}

/** The offices this one imported from, with what each brought and what waits for a decision. */
export async function listSources(db: EntityManager): Promise<ConsolidationSource[]> {
  const rows = await db.getRepository(ConsolidationSourceEntity).find({ order: { code: 'ASC' } })
  const countBy = async (table: string): Promise<Map<string, number>> => {
    const raw: { office: string; n: number }[] = await db
      .createQueryBuilder()
      .select('t.origin_office_uuid', 'office')
      .addSelect('COUNT(*)', 'n')
      .from(table, 't')
      .where('t.origin_office_uuid IS NOT NULL')
      .groupBy('t.origin_office_uuid')
      .getRawMany()
    return new Map(raw.map((r) => [r.office, Number(r.n)]))
  }
  const [appeals, meetings, localities, measures] = [
    await countBy('appeals'),
    await countBy('report_meetings'),
    await countBy('localities'),
    await countBy('meeting_measures'),
  ]
  const open: { office: string; n: number }[] = await db
    .createQueryBuilder()
    .select('c.office_uuid', 'office')
    .addSelect('COUNT(*)', 'n')
    .from('consolidation_conflicts', 'c')
    .where('c.resolved_at IS NULL')
    .groupBy('c.office_uuid')
    .getRawMany()
  const conflicts = new Map(open.map((r) => [r.office, Number(r.n)]))
  return rows.map((row) => ({
    officeUuid: row.officeUuid,
    code: row.code,
    nameKk: row.nameKk,
    nameRu: row.nameRu,
    lastExportedAt: row.lastExportedAt,
    importedAt: row.importedAt,
    appeals: appeals.get(row.officeUuid) ?? 0,
    meetings: meetings.get(row.officeUuid) ?? 0,
    localities: localities.get(row.officeUuid) ?? 0,
    measures: measures.get(row.officeUuid) ?? 0,
    openConflicts: conflicts.get(row.officeUuid) ?? 0,
  }))
}
