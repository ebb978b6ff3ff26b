import type { DataSource } from 'typeorm'
import { isOverdue, type AppealStatus } from '@shared/domain/appeal'
import { translate, type Language } from '@shared/i18n'
import { PDF_ROW_LIMIT, type Cell, type ReportColumn, type ReportModel } from '@shared/reports/model'
import { isTrue } from '../services/appeals/mapping'
import type { ReportContext } from './context'
import { formatDate } from './pdf'
import { localityScope } from './scope'
import { reportText } from './text'
import type { RowPages } from './xlsx'

export interface RegisterParams {
  /** YYYY-MM-DD, registration dates, both included. */
  from: string
  to: string
  localityId: number | null
}

/** Rows read from the database at a time while a register is written. */
const PAGE_SIZE = 1000

// Widths: a quarter of the points each column needs at 7 pt on a landscape A4 (762 pt in all),
// so that a date, a registration number and the longest catalog word stay on one line; read as
// characters in xlsx.
const COLUMNS: [key: string, width: number, align?: ReportColumn['align']][] = [
  ['no', 7, 'center'],
  ['regNumber', 13, 'center'],
  ['registeredOn', 12.75, 'center'],
  ['applicant', 15.5],
  ['locality', 12.75],
  ['channel', 13.75],
  ['type', 13.75],
  ['sector', 21.25],
  ['summary', 21.75],
  ['executor', 13.25],
  ['dueOn', 12.75, 'center'],
  ['status', 20.25],
  ['closedOn', 12.75, 'center'],
]

/**
 * The register (журнал) of a period: every appeal registered in it, one row each with its main
 * fields, in registration-number order. The model holds the first PDF_ROW_LIMIT rows (what a
 * PDF and the preview show) and `rowsTotal`; the xlsx is written from `registerPages`, all rows.
 */
export async function register(db: DataSource, params: RegisterParams, ctx: ReportContext): Promise<ReportModel> {
  const t = reportText(ctx.lang)
  const countQuery = db.createQueryBuilder().select('COUNT(*)', 'n').from('appeals', 'a').where('a.registered_on BETWEEN :from AND :to', params)
  await localityScope(db, countQuery, params.localityId)
  const rowsTotal = Number((await countQuery.getRawOne<{ n: number }>())?.n ?? 0)

  const rows: Cell[][] = []
  for await (const page of registerPages(db, params, ctx, PDF_ROW_LIMIT)) rows.push(...page)

  return {
    kind: 'register',
    lang: ctx.lang,
    title: t('register.title'),
    office: ctx.office,
    period: t('register.period', { from: formatDate(params.from), to: formatDate(params.to) }),
    parameters: [
      t('register.count', { count: rowsTotal }),
      ...(params.localityId ? [t('locality', { name: await ctx.localityName(params.localityId) })] : []),
    ],
    tables: [{ columns: COLUMNS.map(([key, width, align]) => ({ header: t(`register.col.${key}`), width, align })), rows }],
    sentences: [],
    charts: [],
    notes: [],
    rowsTotal,
    limits: { pdfRows: PDF_ROW_LIMIT },
  }
}

/**
 * The register's rows, a page at a time (keyset on the registration number, so each page is
 * one indexed range read however deep into the period), at most `limit` rows.
 */
export async function* registerPages(db: DataSource, params: RegisterParams, ctx: ReportContext, limit = Infinity): RowPages {
  const names = NAME_COLUMNS[ctx.lang]
  let after = ''
  let written = 0
  while (written < limit) {
    const query = db
      .createQueryBuilder()
      .select(['a.reg_number AS reg_number', 'a.registered_on AS registered_on', 'a.applicant_kind AS applicant_kind', 'a.applicant_name AS applicant_name'])
      .addSelect(['a.collective AS collective', 'a.signatories AS signatories', 'a.channel AS channel', 'a.appeal_type AS appeal_type', 'a.summary AS summary'])
      .addSelect(['a.due_on AS due_on', 'a.status AS status', 'a.outcome AS outcome', 'a.answered_on AS answered_on', 'a.redirected_on AS redirected_on'])
      .addSelect([`${names.sector} AS sector`, `${names.locality} AS locality`, 'ex.full_name AS executor'])
      .from('appeals', 'a')
      .leftJoin('sectors', 's', 's.id = a.sector_id')
      .leftJoin('localities', 'l', 'l.id = a.locality_id')
      .leftJoin('staff', 'ex', 'ex.id = a.executor_id')
      .where('a.registered_on BETWEEN :from AND :to', params)
      .andWhere('a.reg_number > :after', { after })
      .orderBy('a.reg_number', 'ASC')
      .limit(Math.min(PAGE_SIZE, limit - written))
    await localityScope(db, query, params.localityId)
    const raws: Raw[] = await query.getRawMany()
    if (raws.length === 0) return
    yield raws.map((raw) => registerRow(raw, ++written, ctx))
    after = raws.at(-1)!.reg_number
    if (raws.length < PAGE_SIZE) return
  }
}

/** Catalog names in the report's language (column names from this map only, never from input). */
const NAME_COLUMNS: Record<Language, { sector: string; locality: string }> = {
  kk: { sector: 's.name_kk', locality: 'l.name_kk' },
  ru: { sector: 's.name_ru', locality: 'l.name_ru' },
  en: { sector: 's.name_en', locality: 'COALESCE(l.name_en, l.name_kk)' },
}

type Raw = Record<string, string | number | null> & { reg_number: string }

function registerRow(raw: Raw, no: number, ctx: ReportContext): Cell[] {
  const tr = (key: string, params?: Record<string, string | number>) => translate(ctx.lang, key, params)
  const text = (value: unknown): Cell => (value === null || value === undefined || value === '' ? { kind: 'empty' } : { kind: 'text', value: String(value) })
  const date = (value: unknown): Cell => (value ? { kind: 'date', value: String(value) } : { kind: 'empty' })
  const status = raw.status as AppealStatus
  const dueOn = String(raw.due_on)

  let applicant = raw.applicant_kind === 'anonymous' ? tr('applicantKind.anonymous') : String(raw.applicant_name ?? '')
  if (isTrue(raw.collective)) {
    const signed = raw.signatories === null ? 'collective' : 'collectiveSigned'
    applicant += ` (${tr(`reports.register.${signed}`, { count: Number(raw.signatories) })})`
  }
  let standing = status === 'answered' && raw.outcome ? tr(`outcome.${raw.outcome}`) : tr(`status.${status}`)
  if (isOverdue(status, dueOn, ctx.today)) standing += `, ${tr('reports.outcomeGroup.overdue').toLocaleLowerCase(ctx.lang)}`

  return [
    { kind: 'count', value: no },
    { kind: 'text', value: raw.reg_number },
    date(raw.registered_on),
    text(applicant),
    text(raw.locality),
    text(tr(`channel.${raw.channel}`)),
    text(tr(`appealType.${raw.appeal_type}`)),
    text(raw.sector),
    text(raw.summary),
    text(raw.executor),
    date(dueOn),
    text(standing),
    date(raw.answered_on ?? raw.redirected_on),
  ]
}
