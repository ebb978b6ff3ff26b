import type { DataSource } from 'typeorm'
import type { AppealSummary } from '@shared/api/contract'
import type { AppealListColumn } from '@shared/domain/appealColumns'
import { translate, type Language } from '@shared/i18n'
import { LIST_EXPORT_LIMIT } from '@shared/domain/appealColumns'
import type { Cell, ReportModel } from '@shared/reports/model'
import type { ListFilters } from '../services/appeals/listAll'
import type { ReportContext } from './context'
import { formatDate } from './pdf'
import type { RowPages } from './xlsx'

/** Widths: characters in xlsx, shares of the landscape page in the PDF; the summary gets the room, as on screen. */
const WIDTHS: Record<AppealListColumn, number> = {
  regNumber: 13,
  receivedAt: 12,
  applicant: 22,
  summary: 42,
  sector: 20,
  status: 18,
  dueOn: 21,
  executor: 18,
}

/** Catalog names in the file's language (column names from this map only, never from input). */
const NAME_COLUMN: Record<Language, string> = { kk: 'name_kk', ru: 'name_ru', en: 'name_en' }

/** Names of the catalogs a list row and a filter refer to by id, in the file's language. */
export interface ListNames {
  sector(id: number | null): string
  executor(id: number): string
}

export async function listNames(db: DataSource, lang: Language): Promise<ListNames> {
  const sectors = new Map<number, string>()
  for (const row of await db.query(`SELECT id, ${NAME_COLUMN[lang]} AS name, name_kk FROM sectors`))
    sectors.set(Number(row.id), String(row.name || row.name_kk))
  const staff = new Map<number, string>()
  for (const row of await db.query('SELECT id, full_name FROM staff')) staff.set(Number(row.id), String(row.full_name))
  return { sector: (id) => (id === null ? '' : (sectors.get(id) ?? '')), executor: (id) => staff.get(id) ?? '' }
}

/**
 * The appeal list as a report model: one table of the chosen columns, in the list's order,
 * headed as on screen; the title names the filter in words ("Overdue appeals, sector: Land,
 * 01.01.2026–31.03.2026"), the header the office and the day. The model holds no rows: the
 * files are written from the list's pages (appealListRows), as the register's are.
 */
export async function appealListModel(
  filters: ListFilters,
  columns: readonly AppealListColumn[],
  total: number,
  names: ListNames,
  ctx: ReportContext,
): Promise<ReportModel> {
  const t = (key: string, params?: Record<string, string | number>) => translate(ctx.lang, key, params)
  return {
    kind: 'appeal-list',
    lang: ctx.lang,
    title: await listTitle(filters, names, ctx),
    office: ctx.office,
    period: formatDate(ctx.today),
    parameters: [t('appealList.count', { count: total })],
    tables: [
      {
        columns: columns.map((key) => ({
          header: t(`appealsUi.column.${key}`),
          width: WIDTHS[key],
          align: key === 'regNumber' || key === 'receivedAt' || key === 'dueOn' ? 'center' : undefined,
        })),
        rows: [],
      },
    ],
    sentences: [],
    charts: [],
    notes: [],
    rowsTotal: total,
    limits: { pdfRows: LIST_EXPORT_LIMIT },
  }
}

/** The filter in words, after what the list holds: "Overdue appeals, sector: Land, 01.01.2026–31.03.2026". */
async function listTitle(f: ListFilters, names: ListNames, ctx: ReportContext): Promise<string> {
  const t = (key: string, params?: Record<string, string | number>) => translate(ctx.lang, key, params)
  const head = f.annulled === 'only' ? 'annulled' : f.overdue ? 'overdue' : f.dueThisWeek ? 'dueThisWeek' : 'all'
  const parts = [t(`appealList.title.${head}`)]
  const named = (label: string, values: string[] | undefined) => {
    if (values && values.length > 0)
      parts.push(`${t(`appealsUi.filters.${label}`).toLocaleLowerCase(ctx.lang)}: ${values.join(', ')}`)
  }
  named(
    'sectorIds',
    f.sectorIds?.map((id) => names.sector(id)),
  )
  named(
    'statuses',
    f.statuses?.map((s) => t(`status.${s}`)),
  )
  named(
    'channels',
    f.channels?.map((c) => t(`channel.${c}`)),
  )
  named(
    'appealTypes',
    f.appealTypes?.map((a) => t(`appealType.${a}`)),
  )
  if (f.localityIds) named('localityIds', await Promise.all(f.localityIds.map((id) => ctx.localityName(id))))
  named(
    'executorIds',
    f.executorIds?.map((id) => names.executor(id)),
  )
  // overdue heads the title; due this week with it is still a filter of its own
  if (f.dueThisWeek && head !== 'dueThisWeek')
    parts.push(t('appealsUi.filters.dueThisWeek').toLocaleLowerCase(ctx.lang))
  if (f.notice) parts.push(t(`noticesUi.filter.notice${capitalized(f.notice)}`))
  if (f.redirect) parts.push(t(`noticesUi.filter.redirect${capitalized(f.redirect)}`))
  if (f.meetingId) parts.push(t('appealList.meeting', { id: f.meetingId }))
  if (f.originOfficeUuid) parts.push(t('appealList.origin'))
  if (f.annulled === 'include') parts.push(t('appealList.withAnnulled'))
  if (f.query) parts.push(t('appealList.search', { query: f.query }))
  if (f.from && f.to) parts.push(t('appealList.period.both', { from: formatDate(f.from), to: formatDate(f.to) }))
  else if (f.from) parts.push(t('appealList.period.from', { from: formatDate(f.from) }))
  else if (f.to) parts.push(t('appealList.period.to', { to: formatDate(f.to) }))
  return parts.join(', ')
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)

/**
 * The list's rows as the table shows them, in the chosen columns: the applicant's name (or
 * "anonymous"), never an IIN, phone or address, which a list row does not carry; the deadline
 * with its overdue or this-week marker, a dash where no term runs.
 */
export async function* appealListRows(
  pages: AsyncIterable<AppealSummary[]>,
  columns: readonly AppealListColumn[],
  names: ListNames,
  lang: Language,
): RowPages {
  const t = (key: string) => translate(lang, key)
  const text = (value: string | null | undefined): Cell => (value ? { kind: 'text', value } : { kind: 'empty' })
  const cell: Record<AppealListColumn, (row: AppealSummary) => Cell> = {
    regNumber: (row) => text(row.regNumber),
    receivedAt: (row) => ({ kind: 'date', value: row.receivedAt.slice(0, 10) }),
    applicant: (row) => text(row.applicantName ?? t(`applicantKind.${row.applicantKind}`)),
    summary: (row) => text(row.summary),
    sector: (row) => text(names.sector(row.sectorId)),
    status: (row) => text(t(`status.${row.status}`)),
    dueOn: (row) => {
      if (row.registrationClosing) return text('—')
      const tag = row.overdue ? 'overdue' : row.dueThisWeek ? 'dueThisWeek' : null
      return tag
        ? text(`${formatDate(row.dueOn)}, ${t(`appealsUi.tag.${tag}`).toLocaleLowerCase(lang)}`)
        : { kind: 'date', value: row.dueOn }
    },
    executor: (row) => text(row.executorName),
  }
  for await (const page of pages) yield page.map((row) => columns.map((key) => cell[key](row)))
}
