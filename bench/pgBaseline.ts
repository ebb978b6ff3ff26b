/**
 * The raw baseline on PostgreSQL: the work of each case written by hand in SQL, as someone
 * writing for PostgreSQL directly would write it, run with `pg` alone (no TypeORM, no
 * validation, no mapping). On SQLite the baseline is the very SQL the app builds; here it is
 * the same question asked independently, so the ratio also shows what the app's query shapes
 * cost on this engine. tests/integration/bench-pg-baseline.test.ts checks that each of these
 * returns the rows the core returns, on a small generated database.
 */
import { OPEN_STATUSES } from '@shared/domain/appeal'
import { addDays, startOfWeek } from '@shared/domain/dates'
import { phoneQuery, searchWords } from '@shared/domain/search'
import type { BenchMeta } from './generate'

export interface RawQuery {
  sql: string
  params: unknown[]
}

/** A list page: its total, then its 50 rows with the executor's name. */
export interface RawList {
  count: RawQuery
  page: RawQuery
}

const PAGE = 50

/** The columns a list row shows (AppealSummary), the executor's name from staff or as imported. */
const ROW_COLUMNS = `a.id, a.reg_number, a.received_at, a.registered_on, a.channel, a.appeal_type, a.sector_id,
  a.locality_id, a.meeting_id, a.applicant_kind, a.applicant_name, a.summary, a.status, a.outcome, a.closing_reason,
  a.due_on, a.executor_id, COALESCE(ex.full_name, a.origin_executor_name) AS executor_name, a.repeated,
  a.notice_due_on, a.extension_notified_on, a.redirect_due_on, a.redirected_on`

const OPEN = `a.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`

/** Annulled entries (made by mistake) are in no list unless asked for. */
const COUNTED = "a.status <> 'annulled'"

function list(where: string, params: unknown[], order: string): RawList {
  return {
    count: { sql: `SELECT COUNT(*) AS n FROM appeals a WHERE ${where}`, params },
    page: {
      sql: `SELECT ${ROW_COLUMNS} FROM appeals a LEFT JOIN staff ex ON ex.id = a.executor_id
        WHERE ${where} ORDER BY ${order} LIMIT ${PAGE}`,
      params,
    },
  }
}

/**
 * The four list pages of cases.ts listVariants, by their names there: the first screen, a
 * year's housing appeals answered, an okrug's e-Otinish complaints, an executor's overdue ones.
 */
export function listBaselines(meta: BenchMeta, today: string): Record<string, RawList> {
  const year = meta.years.at(-2)!
  const s = meta.samples
  return {
    'list: first screen (no filter, newest first)': list(COUNTED, [], 'a.received_at DESC, a.id DESC'),
    'list: year + sector + status, by received': list(
      "a.registered_on BETWEEN $1 AND $2 AND a.sector_id = $3 AND a.status = 'answered'",
      [`${year}-01-01`, `${year}-12-31`, s.housingId],
      'a.received_at DESC, a.id DESC',
    ),
    'list: okrug + channel + type, by number': list(
      `a.locality_id = ANY($1) AND a.channel = 'e_otinish' AND a.appeal_type = 'complaint' AND ${COUNTED}`,
      [s.okrugLocalityIds],
      'a.reg_number ASC, a.id ASC',
    ),
    'list: executor + open + overdue, by due date': list(
      `a.executor_id = $1 AND ${OPEN} AND a.due_on < $2`,
      [s.executorId, today],
      'a.due_on ASC, a.id ASC',
    ),
  }
}

/**
 * A search by someone who may see personal data, newest first: every word the start of a word
 * of the public text or of the personal data (IIN, phone, address). Typed as a phone number, it
 * is also that number (national form) starting a word of the personal data, or its words of two
 * digits and more in the public text. A word starts the text or follows a character that is
 * neither a digit nor a letter of the folded alphabets: the texts are folded (Kazakh letters to
 * Russian ones) when written, as the words are here. The trigram indexes of both columns serve it.
 */
export function searchBaseline(query: string): RawList {
  const params: string[] = []
  const starts = (column: string, word: string) => {
    params.push(`(^|[^0-9a-zа-яё])${word}`)
    return `a.${column} ~ $${params.length}`
  }
  const words = searchWords(query)
  const phone = phoneQuery(query)
  let where: string
  if (!phone) {
    where = words.map((w) => `(${starts('search_text', w)} OR ${starts('personal_search_text', w)})`).join(' AND ')
  } else {
    const numberWords = words.filter((w) => w.length > 1)
    const inText = numberWords.map((w) => starts('search_text', w)).join(' AND ')
    const byPhone = starts('personal_search_text', phone)
    where = numberWords.length > 0 ? `((${inText}) OR ${byPhone})` : byPhone
  }
  return list(`${where} AND ${COUNTED}`, params, 'a.received_at DESC, a.id DESC')
}

/** Appeals of an IIN/BIN starting with these digits, newest first (the registration form's lookup). */
export function idNumberBaseline(digits: string): RawQuery {
  return {
    sql: `SELECT ${ROW_COLUMNS} FROM appeals a LEFT JOIN staff ex ON ex.id = a.executor_id
      WHERE a.applicant_id_number >= $1 AND a.applicant_id_number < $2 ORDER BY a.received_at DESC LIMIT 200`,
    params: [digits, `${digits}:`],
  }
}

/** The sector-by-year table's counts from the yearly counts table (kept by triggers), and the sectors. */
export function sectorByYearBaseline(from: number, to: number, source: 'meetings' | 'all'): RawQuery[] {
  return [
    {
      sql: `SELECT year, sector_id, SUM(n) AS n FROM appeal_year_counts
        WHERE year BETWEEN $1 AND $2${source === 'meetings' ? ' AND meeting = 1' : ''}
        GROUP BY year, sector_id HAVING SUM(n) > 0`,
      params: [from, to],
    },
    { sql: 'SELECT * FROM sectors ORDER BY sort_order, id', params: [] },
  ]
}

/** The dashboard's ten numbers, in the order of DashboardSummary (its by-sector counts first). */
export function dashboardBaseline(year: number, today: string): Record<string, RawQuery> {
  const sunday = addDays(startOfWeek(today), 6)
  const count = (from: string, where: string, params: unknown[]): RawQuery => ({
    sql: `SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`,
    params,
  })
  return {
    bySector: {
      sql: `SELECT a.sector_id, COUNT(*) AS n FROM appeals a
        WHERE a.registered_on BETWEEN $1 AND $2 AND ${COUNTED} GROUP BY a.sector_id ORDER BY a.sector_id`,
      params: [`${year}-01-01`, `${year}-12-31`],
    },
    open: count('appeals a', OPEN, []),
    overdue: count('appeals a', `${OPEN} AND a.due_on < $1`, [today]),
    dueThisWeek: count('appeals a', `${OPEN} AND a.due_on BETWEEN $1 AND $2`, [today, sunday]),
    meetingsHeld: count('report_meetings m', 'm.held_on BETWEEN $1 AND $2', [`${year}-01-01`, `${year}-12-31`]),
    measuresOverdue: count('meeting_measures m', 'm.due_on < $1 AND m.done_on IS NULL', [today]),
    noticesDue: count('appeals a', `a.notice_due_on IS NOT NULL AND a.extension_notified_on IS NULL AND ${OPEN}`, []),
    noticesOverdue: count('appeals a', `a.notice_due_on < $1 AND a.extension_notified_on IS NULL AND ${OPEN}`, [today]),
    redirectsDue: count('appeals a', `a.redirect_due_on IS NOT NULL AND ${OPEN}`, []),
    redirectsOverdue: count('appeals a', `a.redirect_due_on < $1 AND ${OPEN}`, [today]),
  }
}
