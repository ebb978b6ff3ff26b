import { createElement, type ReactNode } from 'react'
import type { FormInstance } from 'antd'
import type { TFunction } from 'i18next'
import type { ApiError } from '@shared/api/errors'
import { ApiCallError } from './client'
import { IssueMessage } from './IssueMessage'
import { issueText } from './issueText'

/** What of a refusal is not under a field: its message and the issues no field of the form names. */
export type UnplacedError = Pick<ApiError, 'messageKey' | 'issues'>

const UNEXPECTED: UnplacedError = { messageKey: 'errors.internal', issues: [] }

/**
 * Puts each field issue of an API error under its form field (form field names are the API
 * input names) as a message key, translated as it renders; returns the rest, or null when every
 * issue found its field. Anything that is not an API refusal is "an internal error".
 */
export function placeApiError(error: unknown, form?: FormInstance): UnplacedError | null {
  if (!(error instanceof ApiCallError)) return UNEXPECTED
  const { issues, messageKey } = error.error
  const known = new Set(form ? Object.keys(form.getFieldsValue(true) as object) : [])
  const onFields = issues.filter((issue) => issue.path.length > 0 && known.has(String(issue.path[0])))
  form?.setFields(
    onFields.map((issue) => ({
      name: issue.path,
      // antd renders a field's errors as nodes; its type says text only
      errors: [createElement(IssueMessage, { issue }) as ReactNode as string],
    })),
  )
  const rest = issues.filter((issue) => !onFields.includes(issue))
  if (onFields.length > 0 && rest.length === 0) return null
  return { messageKey, issues: rest }
}

/** The unplaced part of a refusal as one line in the current language (render it again on a language switch). */
export function unplacedText(unplaced: UnplacedError, t: TFunction): string {
  return [t(unplaced.messageKey), ...unplaced.issues.map((issue) => issueText(issue, t))].join(' — ')
}

/**
 * Shows an API error where the user will look: each field issue under its form field, anything
 * else in a general message. Returns the general message, or null when every issue was placed
 * on a field. For a toast: a message kept on the page should keep placeApiError's result and
 * call unplacedText as it renders.
 */
export function showApiError(error: unknown, t: TFunction, form?: FormInstance): string | null {
  const unplaced = placeApiError(error, form)
  return unplaced ? unplacedText(unplaced, t) : null
}

/**
 * The API refused an edit made on an older version of the record than it now has (another desk
 * saved first): nothing was written, and the form offers to load the record as it now stands.
 */
export function isStaleEdit(error: unknown): boolean {
  return (
    error instanceof ApiCallError && error.error.code === 'conflict' && error.error.messageKey === 'errors.staleEdit'
  )
}

/**
 * One call of a form that saves a list row by row: a refusal's field issues are put under that
 * row (`row`, the list's path and the row's index, before each issue's own path), so
 * useApiSubmit shows them beside the row's own fields.
 */
export async function refusedAt<T>(row: (string | number)[], send: () => Promise<T>): Promise<T> {
  try {
    return await send()
  } catch (error) {
    if (!(error instanceof ApiCallError)) throw error
    throw new ApiCallError({
      ...error.error,
      issues: error.error.issues.map((issue) => ({ ...issue, path: [...row, ...issue.path] })),
    })
  }
}
