import type { FieldIssue } from '@shared/api/errors'
import { useTranslation } from 'react-i18next'
import { issueText } from './issueText'

/**
 * A field's error as the form shows it: the message key and its parameters, translated as it
 * renders, so a message already under a field follows a switch of the interface language.
 */
export function IssueMessage({ issue }: { issue: FieldIssue }) {
  const { t } = useTranslation()
  return <>{issueText(issue, t)}</>
}
