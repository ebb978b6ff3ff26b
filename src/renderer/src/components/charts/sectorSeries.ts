import type { Sector } from '@shared/domain/sector'

export interface SectorCount {
  sector: Sector
  count: number
}

/**
 * Counts by sector laid out as the official tables do: every active sector in catalog
 * (report) order, zeros included, plus any deactivated sector that still has a count.
 */
export function sectorSeries<T extends { sectorId: number; count: number }>(
  sectors: Sector[],
  counts: T[],
): (SectorCount & { row?: T })[] {
  const bySector = new Map(counts.map((row) => [row.sectorId, row]))
  return sectors
    .filter((sector) => sector.active || (bySector.get(sector.id)?.count ?? 0) > 0)
    .map((sector) => {
      const row = bySector.get(sector.id)
      return { sector, count: row?.count ?? 0, row }
    })
}
