import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface ReferenceSector {
  code: string
  kk: string
  ru: string
  en: string
}

/**
 * The sectors of the official report-meeting table, in its row order, followed by its extra
 * "other" sector: what migration 0001 must install.
 */
export function referenceSectors(): ReferenceSector[] {
  const table = JSON.parse(
    readFileSync(join(__dirname, '../fixtures/reference/report-meetings-table.json'), 'utf8'),
  ) as { rows: (ReferenceSector & { no: number })[]; extraSector: ReferenceSector }
  const rows = [...table.rows].sort((a, b) => a.no - b.no)
  return [...rows, table.extraSector].map(({ code, kk, ru, en }) => ({ code, kk, ru, en }))
}
