import type { DataSource } from 'typeorm'
import { isOverdue, type AppealStatus } from '@shared/domain/appeal'
import { translate, type Language } from '@shared/i18n'
import { PDF_ROW_LIMIT, type Cell, type ReportColumn, type ReportModel } from '@shared/reports/model'
import { isTrue } from '../services/appeals/mapping'
import { COUNTED_SQL } from '../services/appeals/counted'
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

/**
 * Rows read from the database, and handed to the writer, at a time while a register is written.
 * A page lives in the writer's thread while it is written: pages of 250 rows die young there
 * (cheap to collect), pages of 1,000 outlived the young generation and raised the peak memory
 * of a 100,000-row export by some 40 MB. Reading 250 ids per statement costs no more than 1,000.
 */
const PAGE_SIZE = 250

/** Rows the model holds for the preview; the files are written from registerPages, every row. */
const PREVIEW_ROWS = 3000

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
 * fields, in registration-number order. The model holds the first PREVIEW_ROWS rows (what the
 * preview shows) and `rowsTotal`; the xlsx and the PDF are written from `registerPages`.
 */
export async function register(db: DataSource, params: RegisterParams, ctx: ReportContext): Promise<ReportModel> {
  const t = reportText(ctx.lang)
  const countQuery = db
    .createQueryBuilder()
    .select('COUNT(*)', 'n')
    .from('appeals', 'a')
    .where('a.registered_on BETWEEN :from AND :to', params)
    .andWhere(COUNTED_SQL)
  await localityScope(db, countQuery, params.localityId)
  const rowsTotal = Number((await countQuery.getRawOne<{ n: number }>())?.n ?? 0)

  const rows: Cell[][] = []
  for await (const page of registerPages(db, params, ctx, PREVIEW_ROWS)) rows.push(...page)

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
    tables: [
      { columns: COLUMNS.map(([key, width, align]) => ({ header: t(`register.col.${key}`), width, align })), rows },
    ],
    sentences: [],
    charts: [],
    notes: [],
    rowsTotal,
    limits: { pdfRows: PDF_ROW_LIMIT },
  }
}

/**
 * The register's rows, a page at a time, at most `limit` rows. The period's ids are selected
 * once in number order (ids only: 100,000 of them are a few hundred kilobytes), then the rows
 * are read a page of ids at a time. Paging by the number instead (`reg_number > :after ORDER BY
 * reg_number LIMIT n`) made SQLite read and sort the whole period again for every page.
 */
export async function* registerPages(
  db: DataSource,
  params: RegisterParams,
  ctx: ReportContext,
  limit = Infinity,
): RowPages {
  const idQuery = db
    .createQueryBuilder()
    .select('a.id', 'id')
    .from('appeals', 'a')
    .where('a.registered_on BETWEEN :from AND :to', params)
    .andWhere(COUNTED_SQL)
    .orderBy('a.reg_number', 'ASC')
  if (Number.isFinite(limit)) idQuery.limit(limit)
  await localityScope(db, idQuery, params.localityId)
  const ids = (await idQuery.getRawMany<{ id: number }>()).map((r) => r.id)

  const names = NAME_COLUMNS[ctx.lang]
  const texts = rowTexts(ctx)
  let written = 0
  for (let start = 0; start < ids.length; start += PAGE_SIZE) {
    const pageIds = ids.slice(start, start + PAGE_SIZE)
    const raws: Raw[] = await db
      .createQueryBuilder()
      .select([
        'a.id AS id',
        'a.reg_number AS reg_number',
        'a.registered_on AS registered_on',
        'a.applicant_kind AS applicant_kind',
        'a.applicant_name AS applicant_name',
      ])
      .addSelect([
        'a.collective AS collective',
        'a.signatories AS signatories',
        'a.channel AS channel',
        'a.appeal_type AS appeal_type',
        'a.summary AS summary',
      ])
      .addSelect([
        'a.due_on AS due_on',
        'a.status AS status',
        'a.outcome AS outcome',
        'a.answered_on AS answered_on',
        'a.redirected_on AS redirected_on',
      ])
      .addSelect([`${names.sector} AS sector`, `${names.locality} AS locality`, 'ex.full_name AS executor'])
      .from('appeals', 'a')
      .leftJoin('sectors', 's', 's.id = a.sector_id')
      .leftJoin('localities', 'l', 'l.id = a.locality_id')
      .leftJoin('staff', 'ex', 'ex.id = a.executor_id')
      .where('a.id IN (:...pageIds)', { pageIds })
      .getRawMany()
    // IN (…) returns rows in whatever order SQLite finds them: put them back in number order.
    const byId = new Map(raws.map((raw) => [Number(raw.id), raw]))
    const page = pageIds.flatMap((id) => byId.get(id) ?? [])
    yield page.map((raw) => registerRow(raw, ++written, ctx, texts))
  }
}

/** Catalog names in the report's language (column names from this map only, never from input). */
const NAME_COLUMNS: Record<Language, { sector: string; locality: string }> = {
  kk: { sector: 's.name_kk', locality: 'l.name_kk' },
  ru: { sector: 's.name_ru', locality: 'l.name_ru' },
  en: { sector: 's.name_en', locality: 'COALESCE(l.name_en, l.name_kk)' },
}

type Raw = Record<string, string | number | null> & { reg_number: string }

interface RowTexts {
  /** A catalog text without parameters, looked up once per register: its rows ask for the same few. */
  label(key: string): string
  /** ", мерзімі өткен" after an overdue appeal's status. */
  overdue: string
}

function rowTexts(ctx: ReportContext): RowTexts {
  const labels = new Map<string, string>()
  return {
    label(key) {
      let text = labels.get(key)
      if (text === undefined) labels.set(key, (text = translate(ctx.lang, key)))
      return text
    },
    overdue: `, ${translate(ctx.lang, 'reports.outcomeGroup.overdue').toLocaleLowerCase(ctx.lang)}`,
  }
}

function registerRow(raw: Raw, no: number, ctx: ReportContext, { label, overdue }: RowTexts): Cell[] {
  const text = (value: unknown): Cell =>
    value === null || value === undefined || value === '' ? { kind: 'empty' } : { kind: 'text', value: String(value) }
  const date = (value: unknown): Cell => (value ? { kind: 'date', value: String(value) } : { kind: 'empty' })
  const status = raw.status as AppealStatus
  const dueOn = String(raw.due_on)

  let applicant =
    raw.applicant_kind === 'anonymous' || raw.applicant_kind === 'at_meeting'
      ? label(`applicantKind.${raw.applicant_kind}`)
      : String(raw.applicant_name ?? '')
  if (isTrue(raw.collective)) {
    const signed = raw.signatories === null ? 'collective' : 'collectiveSigned'
    applicant += ` (${translate(ctx.lang, `reports.register.${signed}`, { count: Number(raw.signatories) })})`
  }
  let standing = status === 'answered' && raw.outcome ? label(`outcome.${raw.outcome}`) : label(`status.${status}`)
  if (isOverdue(status, dueOn, ctx.today)) standing += overdue

  return [
    { kind: 'count', value: no },
    { kind: 'text', value: raw.reg_number },
    date(raw.registered_on),
    text(applicant),
    text(raw.locality),
    text(label(`channel.${raw.channel}`)),
    text(label(`appealType.${raw.appeal_type}`)),
    text(raw.sector),
    text(raw.summary),
    text(raw.executor),
    date(dueOn),
    text(standing),
    date(raw.answered_on ?? raw.redirected_on),
  ]
}
