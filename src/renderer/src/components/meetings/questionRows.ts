import type { ApiInput } from '@shared/api/contract'
import type { FieldIssue } from '@shared/api/errors'

/** One row of the questions grid as typed; becomes one appeal when saved. */
export interface QuestionRow {
  key: number
  sectorId: number | null
  summary: string
  applicantName: string
  executorId: number | null
}

/** The grid's columns, in Tab order; each is also the API field the cell fills. */
export const QUESTION_COLUMNS = ['sectorId', 'summary', 'applicantName', 'executorId'] as const
export type QuestionColumn = (typeof QUESTION_COLUMNS)[number]

type QuestionInput = ApiInput<'meetings.addQuestions'>['questions'][number]

let lastKey = 0
export const emptyRow = (): QuestionRow => ({
  key: ++lastKey,
  sectorId: null,
  summary: '',
  applicantName: '',
  executorId: null,
})

export const isBlank = (row: QuestionRow): boolean =>
  row.sectorId === null && row.summary.trim() === '' && row.applicantName.trim() === '' && row.executorId === null

/** Keeps one blank row at the end: filling the last row makes the next one appear. */
export function withTrailingBlank(rows: QuestionRow[]): QuestionRow[] {
  const last = rows[rows.length - 1]
  return last && isBlank(last) ? rows : [...rows, emptyRow()]
}

/** The id of a cell, for its focus handle and its error. */
export const cellId = (rowKey: number, column: QuestionColumn): string => `${rowKey}:${column}`

/**
 * What is sent: every row that is not blank, in grid order, and the grid row each came from
 * (the API's issues name the index in what was sent, blank rows left out).
 */
export function toQuestions(rows: QuestionRow[]): { questions: QuestionInput[]; rowKeys: number[] } {
  const filled = rows.filter((row) => !isBlank(row))
  return {
    questions: filled.map((row) => ({
      // A missing sector is sent as it is, so the API reports it as "required" on its cell
      // (the contract's type wants a number; its schema is what checks it).
      sectorId: row.sectorId as number,
      summary: row.summary,
      applicantName: row.applicantName,
      executorId: row.executorId,
    })),
    rowKeys: filled.map((row) => row.key),
  }
}

/**
 * Splits the API's issues into those of a cell (path ['questions', index, column]), keyed by
 * cell id, and the rest, which have no cell to stand on.
 */
export function placeIssues(
  issues: FieldIssue[],
  rowKeys: number[],
): { cells: Record<string, FieldIssue>; rest: FieldIssue[] } {
  const cells: Record<string, FieldIssue> = {}
  const rest: FieldIssue[] = []
  for (const issue of issues) {
    const [list, index, column] = issue.path
    const rowKey = typeof index === 'number' ? rowKeys[index] : undefined
    if (list === 'questions' && rowKey !== undefined && (QUESTION_COLUMNS as readonly unknown[]).includes(column)) {
      cells[cellId(rowKey, column as QuestionColumn)] ??= issue
    } else {
      rest.push(issue)
    }
  }
  return { cells, rest }
}
