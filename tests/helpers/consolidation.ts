import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { expect } from 'vitest'
import type { ApiOutput, Locality, ReportModel } from '@shared/api/contract'
import type { useCleanup } from './cleanup'
import { openDesk, type Desk } from './appeals'

/**
 * Offices for consolidation tests: each one the real core on its own SQLite file, with its
 * office identity filled in; packages travel between them as real files on disk.
 */

type Cleanup = ReturnType<typeof useCleanup>

/** An office's desk; `now` is its clock (local time). */
export async function openOffice(
  cleanup: Cleanup,
  nameKk: string,
  nameRu: string,
  now = '2026-04-10T10:00:00',
): Promise<Desk> {
  const desk = await openDesk(cleanup, { now, file: join(cleanup.tempDir('akimat-office-'), 'akimat.sqlite') })
  await desk.ok('office.update', {
    nameKk,
    nameRu,
    district: 'Қарқаралы ауданы',
    region: 'Қарағанды облысы',
    headName: '',
    headPosition: '',
  })
  return desk
}

/** An okrug and its settlements in an office's catalog; returns their ids there. */
export async function addOkrug(
  desk: Desk,
  okrug: string,
  settlements: string[],
): Promise<{ okrug: number; settlements: number[] }> {
  const o = await desk.ok('localities.create', {
    kind: 'okrug',
    parentId: null,
    nameKk: okrug,
    nameRu: `${okrug} (ru)`,
  })
  const s: number[] = []
  for (const name of settlements)
    s.push(
      (await desk.ok('localities.create', { kind: 'settlement', parentId: o.id, nameKk: name, nameRu: `${name} (ru)` }))
        .id,
    )
  return { okrug: o.id, settlements: s }
}

/** Exports the office's package and writes it where an okrug would save it (a flash drive). */
export async function exportToFile(
  desk: Desk,
  folder: string,
): Promise<{ file: string; result: ApiOutput<'consolidation.exportPackage'> }> {
  const result = await desk.ok('consolidation.exportPackage', {})
  const file = join(folder, result.fileName)
  writeFileSync(file, Buffer.from(result.base64, 'base64'))
  return { file, result }
}

/** The API input for importing a file from disk, as the UI sends it. */
export const packageInput = (file: string) => ({
  fileName: file.split(/[\\/]/).pop()!,
  base64: readFileSync(file).toString('base64'),
})

/** The JSON document inside a package file. */
export const readDocument = (file: string): Record<string, unknown> =>
  JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'))

/** Writes a document back as a package file (the checksum left as it is). */
export function writeDocument(file: string, document: unknown): void {
  writeFileSync(file, gzipSync(Buffer.from(JSON.stringify(document), 'utf8')))
}

/** Every row of the tables an import may touch: equal snapshots mean nothing was written. */
export async function snapshot(desk: Desk): Promise<Record<string, unknown[]>> {
  const tables = [
    'appeals',
    'report_meetings',
    'meeting_measures',
    'localities',
    'sectors',
    'settings',
    'audit_entries',
    'consolidation_sources',
    'consolidation_conflicts',
    'appeal_counters',
    'attachments',
  ]
  const result: Record<string, unknown[]> = {}
  for (const table of tables) result[table] = await desk.sql(`SELECT * FROM ${table} ORDER BY rowid`)
  return result
}

/** This office's stable identity (settings key `office.uuid`). */
export async function officeUuid(desk: Desk): Promise<string> {
  const [row] = await desk.sql<{ value: string }>("SELECT value FROM settings WHERE key = 'office.uuid'")
  return JSON.parse(row!.value) as string
}

type Tracked = 'appeals' | 'report_meetings' | 'meeting_measures'

/** The stable uuid of a row of `table` at an office. */
export async function uuidOf(desk: Desk, table: Tracked, id: number): Promise<string> {
  const [row] = await desk.sql<{ uuid: string }>(`SELECT uuid FROM ${table} WHERE id = ?`, [id])
  return row!.uuid
}

/** The id at an office of the row of `table` with that uuid (say, one imported from another office). */
export async function idOfUuid(desk: Desk, table: Tracked, uuid: string): Promise<number> {
  const [row] = await desk.sql<{ id: number }>(`SELECT id FROM ${table} WHERE uuid = ?`, [uuid])
  return row!.id
}

/** A locality of the catalog by its Kazakh name. */
export async function localityNamed(desk: Desk, nameKk: string): Promise<Locality> {
  const found = (await desk.ok('localities.list', {})).filter((l) => l.nameKk === nameKk)
  expect(found, nameKk).toHaveLength(1)
  return found[0]!
}

/** An okrug and its settlements' ids in an office's catalog, found by the okrug's name. */
export async function okrugScope(desk: Desk, okrugName: string): Promise<number[]> {
  const all = await desk.ok('localities.list', {})
  const okrug = all.find((l) => l.nameKk === okrugName && l.kind === 'okrug')!
  return [okrug.id, ...all.filter((l) => l.parentId === okrug.id).map((l) => l.id)]
}

/** The sector-by-year table as { sector name: count } for its one year, and its total. */
export function sectorCounts(model: ReportModel): { counts: Record<string, number>; total: number } {
  const table = model.tables[0]!
  const counts: Record<string, number> = {}
  for (const row of table.rows) {
    const name = row[1]!
    const count = row[2]!
    if (name.kind === 'text' && count.kind === 'count') counts[name.value] = count.value
  }
  const totalCell = table.total?.[2]
  return { counts, total: totalCell?.kind === 'count' ? totalCell.value : NaN }
}
