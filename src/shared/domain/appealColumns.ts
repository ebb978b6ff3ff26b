/**
 * The register's columns, in the order the list shows them. The user chooses which to see
 * (kept per user in preferences); the number always stays, being the link to the card. The
 * same choice lays out the list's printed and exported files.
 */
export const APPEAL_LIST_COLUMNS = [
  'regNumber',
  'receivedAt',
  'applicant',
  'summary',
  'sector',
  'status',
  'dueOn',
  'executor',
] as const

export type AppealListColumn = (typeof APPEAL_LIST_COLUMNS)[number]

/** The column no choice hides. */
export const ALWAYS_SHOWN: AppealListColumn = 'regNumber'

/** A stored or sent choice as the list shows it: known columns only, in the list's order, the number first. */
export function shownColumns(chosen: readonly string[] | null | undefined): AppealListColumn[] {
  if (!chosen) return [...APPEAL_LIST_COLUMNS]
  return APPEAL_LIST_COLUMNS.filter((c) => c === ALWAYS_SHOWN || chosen.includes(c))
}

/**
 * The most rows the list's printed and exported files hold (the xlsx and the PDF alike): the
 * register's PDF limit (PDF_ROW_LIMIT), a year of a large district's appeals. A longer list is
 * refused with its count, so the clerk narrows the filter; the register report takes any length.
 */
export const LIST_EXPORT_LIMIT = 20_000
