import { z } from 'zod'
import { APPEAL_CHANNELS, APPEAL_TYPES, type AppealStatus, type ApplicantKind } from '../../domain/appeal'
import type { IsoDate } from '../../domain/dates'
import type { FieldIssue } from '../errors'
import { entityId, MAX_FILTER_ITEMS, optionalId, requiredText } from '../fields'

/**
 * Importing an office's spreadsheet register (xlsx or csv) as appeals. The file travels with
 * every call (both doors carry JSON, so as base64); the core keeps no upload state between
 * calls, so a preview and the commit that follows it always judge the same bytes the same way.
 */

/** The appeal fields a spreadsheet column can be mapped to. */
export const IMPORT_FIELDS = [
  'receivedDate',
  'receivedTime',
  'applicantName',
  'surname',
  'firstName',
  'patronymic',
  'idNumber',
  'phone',
  'address',
  'locality',
  'sector',
  'summary',
  'appealType',
  'channel',
  'executor',
  'externalNumber',
  // what an office's old register adds: its own number and date, and how the appeal stood
  'ownNumber',
  'registrationDate',
  'status',
  'outcome',
  'answerDate',
  'answerText',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/**
 * Without these no row can be imported (the sector may instead come from `defaults.sectorId`,
 * the received date from the registration date: see `DATE_FIELDS`).
 */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['receivedDate', 'summary']

/** Either date says when the appeal came in: a register with only its registration date is read by it. */
export const DATE_FIELDS: readonly ImportField[] = ['receivedDate', 'registrationDate']

/** base64 of a file of up to ~30 MB (the web door reads a body this large for these calls: http/server.ts). */
export const MAX_IMPORT_BASE64 = 40_000_000

const fileInput = z
  .object({
    fileName: requiredText(300),
    base64: z
      .string({ error: 'validation.required' })
      .min(1, { error: 'validation.required' })
      .max(MAX_IMPORT_BASE64, { error: 'validation.tooLong' }),
  })
  .strict()

const columnChoice = z
  .object({
    /** 1-based column number in the sheet (A = 1). */
    index: z.number().int().min(1).max(1000),
    /** null: the column is not imported. */
    field: z.enum(IMPORT_FIELDS, { error: 'validation.invalidOption' }).nullable(),
  })
  .strict()

const importShape = {
  file: fileInput,
  /** The header row (1-based), when the user corrects the detected one. */
  headerRow: z
    .number()
    .int()
    .min(1)
    .max(100)
    .nullish()
    .transform((v) => v ?? null),
  /** The complete column mapping; when absent, the suggested one is used. */
  columns: z
    .array(columnChoice)
    .max(1000)
    .nullish()
    .transform((v) => v ?? null),
  /**
   * Sector texts of the file (by `ImportSectorText.key`) → catalog sector; null leaves the
   * text unmapped (its rows are left out). Texts not given here use the remembered choice or
   * an exact name match.
   */
  sectorMapping: z
    .record(z.string().max(400), entityId.nullable())
    .refine((mapping) => Object.keys(mapping).length <= MAX_FILTER_ITEMS, {
      error: 'validation.tooMany',
      params: { max: MAX_FILTER_ITEMS },
    })
    .default({}),
  /** Values for rows whose cell is empty or whose column is not mapped. */
  defaults: z
    .object({
      channel: z.enum(APPEAL_CHANNELS, { error: 'validation.invalidOption' }).default('written'),
      appealType: z.enum(APPEAL_TYPES, { error: 'validation.invalidOption' }).default('application'),
      sectorId: optionalId,
    })
    .strict()
    .default({ channel: 'written', appealType: 'application', sectorId: null }),
}

export const importPreviewInput = z.object(importShape).strict()

/** An id chosen by the caller to follow the commit's progress with `import.progress`. */
const importId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'validation.invalidFormat' })

export const importCommitInput = z
  .object({ ...importShape, importId: importId.nullish().transform((v) => v ?? null) })
  .strict()

export const importProgressInput = z.object({ importId }).strict()

// ---------------------------------------------------------------- outputs

export interface ImportColumn {
  /** 1-based column number (A = 1). */
  index: number
  /** The header text as written in the file ('' when the header cell is empty). */
  header: string
  /** What the header names suggest; null when nothing fits (or a row-number column). */
  suggested: ImportField | null
  /** The field used in this preview: the caller's choice, else the suggestion. */
  field: ImportField | null
  /** The first few non-empty values below the header. */
  samples: string[]
}

export type ImportRowStatus = 'valid' | 'problems' | 'alreadyImported' | 'repeatedInFile'

export interface ImportRow {
  /** The row number in the sheet, as the user sees it in Excel. */
  rowNumber: number
  status: ImportRowStatus
  /** The cell text of each mapped field, as read from the file. */
  values: Partial<Record<ImportField, string>>
  /** Received date and time as understood ('YYYY-MM-DDTHH:MM'), null when unreadable. */
  receivedAt: string | null
  /** The catalog sector the row goes to, null when unknown. */
  sectorId: number | null
  /** What the applicant was read as (a person, an organisation, anonymous). */
  applicantKind: ApplicantKind
  /** The status the appeal will be stored with (from the status column, else registered); null when unreadable. */
  appealStatus: AppealStatus | null
  /** Each problem with a message key, its params, and the field as its path (e.g. ['idNumber']). */
  problems: FieldIssue[]
}

export interface ImportSectorText {
  /** The text folded (case, Kazakh letters, spaces): the key of `sectorMapping`. */
  key: string
  /** The text as first met in the file. */
  text: string
  /** How many rows carry it. */
  rows: number
  /** The sector used in this preview, and why. */
  sectorId: number | null
  source: 'chosen' | 'remembered' | 'exact' | null
  /** Catalog sectors with similar names, best first (score 0..1). */
  suggestions: { sectorId: number; score: number }[]
}

export interface ImportCounts {
  rows: number
  valid: number
  withProblems: number
  alreadyImported: number
  repeatedInFile: number
}

export interface ImportPreview {
  fileName: string
  format: 'xlsx' | 'csv'
  /** The sheet read (xlsx), null for csv. */
  sheetName: string | null
  /** csv only: how the text was decoded and split. */
  encoding: 'utf-8' | 'utf-16le' | 'windows-1251' | null
  delimiter: ',' | ';' | '\t' | null
  /** The header row (1-based), detected or chosen. */
  headerRow: number
  /** Rows above the header (titles) that were skipped. */
  titleRows: number
  columns: ImportColumn[]
  /** Required fields no column is mapped to. */
  missingFields: ImportField[]
  rows: ImportRow[]
  sectors: ImportSectorText[]
  counts: ImportCounts
  /** Rows to be imported still open whose statutory deadline has already passed: they arrive overdue. */
  openOverdue: number
}

export interface ImportResult {
  imported: number
  /** Rows skipped because the same row was imported before (a fingerprint per row). */
  alreadyImported: number
  /** Rows skipped because an identical row came earlier in the same file. */
  repeatedInFile: number
  /** Rows left out because of their problems (see the preview). */
  leftOut: number
  /** Registration numbers given, first and last (null when nothing was imported). */
  firstNumber: string | null
  lastNumber: string | null
  /** Registration dates of the imported appeals, first and last. */
  registeredFrom: IsoDate | null
  registeredTo: IsoDate | null
}

export interface ImportProgress {
  importId: string
  phase: 'unknown' | 'reading' | 'checking' | 'writing' | 'done' | 'failed'
  /** Rows written so far, of `total` (the valid rows). */
  done: number
  total: number
}
