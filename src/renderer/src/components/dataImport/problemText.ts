import type { TFunction } from 'i18next'
import type { FieldIssue } from '@shared/api/errors'

/** "ЖСН / БСН: ЖСН бақылау саны сәйкес келмейді…": the field's label, then the message, in the user's language. */
export function problemText(problem: FieldIssue, t: TFunction): string {
  const message = t(problem.messageKey, problem.params ?? {})
  const field = problem.path[0]
  return typeof field === 'string' ? `${t(`importUi.fields.${field}`)}: ${message}` : message
}

/** Excel's letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index
  let letters = ''
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}
