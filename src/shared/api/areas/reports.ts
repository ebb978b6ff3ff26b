import { z } from 'zod'
import { LANGUAGES } from '../../i18n/languages'
import { entityId, isoDate, optionalId } from '../fields'

const year = z.number({ error: 'validation.required' }).int().min(2000).max(2100)

/** Each report's parameters; `kind` says which report. */
export const reportParams = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('sector-by-year'),
        from: year,
        to: year,
        source: z.enum(['meetings', 'all']).default('meetings'),
        localityId: optionalId,
      })
      .strict()
      .refine((p) => p.from <= p.to && p.to - p.from < 15, { path: ['to'], error: 'validation.yearRange' }),
    z
      .object({
        kind: z.literal('quarterly'),
        quarter: z.string().regex(/^\d{4}-Q[1-4]$/, { error: 'validation.quarter' }),
        localityId: optionalId,
      })
      .strict(),
    z
      .object({ kind: z.literal('register'), from: isoDate, to: isoDate, localityId: optionalId })
      .strict()
      .refine((p) => p.from <= p.to, { path: ['to'], error: 'validation.dateRange' }),
    z
      .object({ kind: z.literal('press-summary'), year: year.optional(), meetingId: entityId.optional() })
      .strict()
      .refine((p) => (p.year === undefined) !== (p.meetingId === undefined), {
        path: ['year'],
        error: 'validation.yearOrMeeting',
      }),
  ],
  { error: 'validation.invalidOption' },
)
export type ReportParams = z.output<typeof reportParams>

export const buildReportInput = z.object({ lang: z.enum(LANGUAGES), params: reportParams }).strict()
/** An id chosen by the caller to follow a long file's writing with `reports.progress`. */
const exportId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'validation.invalidFormat' })

export const exportReportInput = z
  .object({
    lang: z.enum(LANGUAGES),
    params: reportParams,
    format: z.enum(['xlsx', 'pdf']),
    exportId: exportId.nullish().transform((v) => v ?? null),
  })
  .strict()

export const exportProgressInput = z.object({ exportId }).strict()

/** How far the writing of a long file (the register's PDF) got: rows drawn of all; 0 of 0 when unknown. */
export interface ExportProgress {
  exportId: string
  done: number
  total: number
}

export interface ExportedReport {
  fileName: string
  /** The file, base64-encoded (both doors carry JSON). */
  base64: string
}

export interface SampleDataSummary {
  meetings: number
  questions: number
  measures: number
  receptionAppeals: number
}
