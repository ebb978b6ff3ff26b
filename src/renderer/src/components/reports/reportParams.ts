import type { ApiInput } from '@shared/api/contract'
import { addDays, type IsoDate } from '@shared/domain/dates'
import type { Language } from '@shared/i18n'
import type { ReportKind } from '@shared/reports/model'

/** What reports.build and reports.export take as `params`, for one report kind. */
export type AnyReportParams = ApiInput<'reports.build'>['params']
/**
 * One kind's parameters as the form holds them: any field but `kind` may be empty while the
 * user edits. They are sent as they are; the core's schema answers a missing year or date
 * with a message for that field, so the form needs no validation rules of its own.
 */
export type ReportParamsOf<K extends ReportKind> = {
  [F in keyof Extract<AnyReportParams, { kind: K }>]: F extends 'kind'
    ? K
    : Extract<AnyReportParams, { kind: K }>[F] | undefined
}
/** The parameters of every kind at once: switching reports keeps what was chosen for each. */
export type ParamsByKind = { [K in ReportKind]: ReportParamsOf<K> }
export type AnyReportDraft = ParamsByKind[ReportKind]

/** The API input for a kind's parameters as they stand (see ReportParamsOf on empty fields). */
export function reportInput(lang: Language, params: AnyReportDraft): ApiInput<'reports.build'> {
  return { lang, params: params as AnyReportParams }
}

/** The quarter before the one `today` falls in, as the API writes it: '2026-Q3'. */
export function lastFinishedQuarter(today: IsoDate): string {
  const year = Number(today.slice(0, 4))
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`
}

/** First and last day of a quarter written '2026-Q3'. */
export function quarterDates(quarter: string): { from: IsoDate; to: IsoDate } {
  const [year, q] = quarter.split('-Q').map(Number) as [number, number]
  const first = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`
  return { from: first, to: addDays(next, -1) }
}

/**
 * What the page opens with, before the parameters last used for a report (preferences) come.
 * Sector-by-year starts on the current year, the one an office reports on; quarterly and the register start on the
 * last finished quarter, the period an office reports most often; the press summary on this
 * year until the meetings list says which years have meetings.
 */
export function defaultParams(today: IsoDate): ParamsByKind {
  const quarter = lastFinishedQuarter(today)
  const year = Number(today.slice(0, 4))
  return {
    'sector-by-year': { kind: 'sector-by-year', from: year, to: year, source: 'meetings', localityId: null },
    quarterly: { kind: 'quarterly', quarter, localityId: null },
    register: { kind: 'register', ...quarterDates(quarter), localityId: null },
    'press-summary': { kind: 'press-summary', year },
  }
}
