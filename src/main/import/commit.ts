import type { DataSource } from 'typeorm'
import type { ImportResult } from '@shared/api/contract'
import type { WorkingCalendar } from '@shared/domain/calendar'
import { recordAudit } from '../services/audit'
import type { CallContext } from '../services/context'
import type { SettingsStore } from '../services/settingsStore'
import { registerAppeals } from '../services/appeals/registerMany'
import { saveFingerprints } from './fingerprint'
import type { Analysis, ValidRow } from './preview'
import { rememberSectorMappings } from './sectorMatching'
import { transaction } from '../db/transaction'

export interface CommitDeps {
  db: DataSource
  settings: SettingsStore
  calendar: WorkingCalendar
  /** Told the number of rows written so far; may yield to the event loop. */
  progress: (done: number) => Promise<void>
}

/**
 * Imports every valid row of an analysis in ONE transaction, or none: the appeals (registered
 * exactly like any other: numbers, dates, deadlines, search text, audit), each row's
 * fingerprint, the sector choices to remember, and one audit entry for the import itself.
 * Any failure rolls all of it back. The file was read before: nothing here waits on files.
 */
export async function commitImport(
  deps: CommitDeps,
  analysis: Analysis,
  fileHash: string,
  ctx: CallContext,
): Promise<ImportResult> {
  const { preview } = analysis
  const valid = inRegistrationOrder(analysis.valid)
  const result: ImportResult = {
    imported: 0,
    alreadyImported: preview.counts.alreadyImported,
    repeatedInFile: preview.counts.repeatedInFile,
    leftOut: preview.counts.withProblems,
    firstNumber: null,
    lastNumber: null,
    registeredFrom: null,
    registeredTo: null,
  }
  if (valid.length === 0) return result

  const registered = await transaction(deps.db, async (manager) => {
    const appeals = await registerAppeals(
      manager,
      deps.calendar,
      valid.map((v) => v.appeal),
      ctx,
      {
        issuePath: (i) => ['rows', valid[i]!.rowNumber],
        earlier: (i) => valid[i]!.earlier,
        afterChunk: deps.progress,
      },
    )
    const at = new Date().toISOString()
    await saveFingerprints(
      manager,
      appeals.map((a, i) => ({ fingerprint: valid[i]!.fingerprint, appealId: a.id })),
      preview.fileName,
      at,
    )
    await rememberSectorMappings(deps.settings, analysis.sectors.choices(), manager)
    const dates = appeals.map((a) => a.registeredOn).sort()
    Object.assign(result, {
      imported: appeals.length,
      firstNumber: appeals[0]!.regNumber,
      lastNumber: appeals.at(-1)!.regNumber,
      registeredFrom: dates[0]!,
      registeredTo: dates.at(-1)!,
    })
    await recordAudit(manager, ctx, [
      {
        entity: 'import',
        entityId: fileHash,
        action: 'import',
        field: null,
        oldValue: null,
        newValue: JSON.stringify({ fileName: preview.fileName, ...result, byStatus: countByStatus(appeals) }),
      },
    ])
    return appeals
  })
  return { ...result, imported: registered.length }
}

/**
 * The rows in the order of their registration date and time (the register's own date when it
 * has one, the receipt otherwise), so that numbers follow the dates: October's letters get
 * their numbers before December's, whatever order the sheet is in. The sort is stable: rows
 * of the same minute keep the sheet's order.
 */
export function inRegistrationOrder(valid: ValidRow[]): ValidRow[] {
  const key = ({ appeal, earlier }: ValidRow) =>
    earlier.registeredOn === null ? appeal.receivedAt : `${earlier.registeredOn}T${appeal.receivedAt.slice(11)}`
  return valid
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ row }) => row)
}

/** How many appeals were written in each status, for the import's audit entry. */
function countByStatus(appeals: { status: string }[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const { status } of appeals) counts[status] = (counts[status] ?? 0) + 1
  return counts
}
