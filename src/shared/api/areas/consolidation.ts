import { z } from 'zod'
import { entityId, requiredText } from '../fields'
import { givenPassphrase } from './backup'

// Okrug → district consolidation: data packages exported by one office and imported by
// another (see docs/CONSOLIDATION.md for the file format and the rules).

/**
 * The largest package accepted, as base64 text (≈ 37 MB of gzip, far more than an okrug's
 * years of appeals). Web mode's request limit is lower: see docs/CONSOLIDATION.md.
 */
export const MAX_PACKAGE_BASE64 = 50_000_000

export const importPackageInput = z
  .object({
    fileName: requiredText(300),
    base64: z
      .string({ error: 'validation.required' })
      .min(1, { error: 'validation.required' })
      .max(MAX_PACKAGE_BASE64, { error: 'consolidationUi.errors.tooLarge' }),
    passphrase: givenPassphrase,
  })
  .strict()

/** With an office passphrase set, a package is encrypted with it (typed again, checked). */
export const exportPackageInput = z.object({ passphrase: givenPassphrase }).strict()

export const listConflictsInput = z.object({ includeResolved: z.boolean().default(false) }).strict()

export const CONFLICT_CHOICES = ['local', 'incoming'] as const
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number]

export const resolveConflictInput = z
  .object({ id: entityId, keep: z.enum(CONFLICT_CHOICES, { error: 'validation.invalidOption' }) })
  .strict()

/** The kinds of records a package carries, besides sector codes. */
export const CONSOLIDATED_KINDS = ['locality', 'meeting', 'appeal', 'measure'] as const
export type ConsolidatedKind = (typeof CONSOLIDATED_KINDS)[number]

export interface PackageExport {
  fileName: string
  /** The package file (gzip-compressed JSON), base64-encoded (both doors carry JSON). */
  base64: string
  counts: { localities: number; meetings: number; appeals: number; measures: number }
}

/** What an import did to one kind of record. */
export interface KindCounts {
  added: number
  updated: number
  unchanged: number
  /** Records edited here and at the source: listed for a person to decide, not overwritten. */
  conflicts: number
}

export interface PackageOffice {
  uuid: string
  nameKk: string
  nameRu: string
  district: string
  region: string
}

export interface PackageImportSummary {
  office: PackageOffice
  /** The short code this office gave the source: its appeals are numbered `code/number` here. */
  sourceCode: number
  exportedAt: string
  /** The package brought nothing new (imported before, or older than the last one): nothing was written. */
  alreadyImported: boolean
  /** Sector codes this office did not know: added to the catalog, inactive. */
  sectorsAdded: string[]
  localities: KindCounts
  meetings: KindCounts
  appeals: KindCounts
  /** The measures promised at its meetings (none from a version 1 package). */
  measures: KindCounts
  /** Conflicts with this source still waiting for a decision, after the import. */
  openConflicts: number
}

export interface ConsolidationSource {
  officeUuid: string
  code: number
  nameKk: string
  nameRu: string
  lastExportedAt: string
  importedAt: string
  appeals: number
  meetings: number
  localities: number
  measures: number
  openConflicts: number
}

/** A value as shown side by side; references are this office's ids (sectorId, localityId…). */
export type ConflictValue = string | number | boolean | null

export interface ConflictField {
  field: string
  local: ConflictValue
  incoming: ConflictValue
  differs: boolean
}

export interface ConsolidationConflict {
  id: number
  officeUuid: string
  officeNameKk: string
  officeNameRu: string
  entity: ConsolidatedKind
  uuid: string
  /** The record here (null if it no longer exists). */
  recordId: number | null
  /**
   * How a person recognises the record: a registration number, a meeting's date and place, a
   * name, a measure's deadline and text.
   */
  label: string
  createdAt: string
  resolvedAt: string | null
  resolution: ConflictChoice | null
  /** When each version was last changed. */
  localUpdatedAt: string
  incomingUpdatedAt: string
  /** The local side is the record as it is now. */
  fields: ConflictField[]
}
