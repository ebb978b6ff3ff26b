import { useState } from 'react'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Appeal } from '@shared/api/contract'
import { useCan } from '../../auth/AuthContext'
import { AnswerDetailsModal } from './AnswerDetailsModal'
import { AnswerLetterModal } from './AnswerLetterModal'

/** On an answered appeal's card: the answer letter, and the edit of the answer's details. */
export function AnswerActions({ appeal, onChanged }: { appeal: Appeal; onChanged: (appeal: Appeal) => void }) {
  const { t } = useTranslation()
  const { mayCall } = useCan()
  const [dialog, setDialog] = useState<'letter' | 'details' | null>(null)
  if (appeal.status !== 'answered' || appeal.annulment) return null
  const named = appeal.applicantKind === 'individual' || appeal.applicantKind === 'organisation'
  return (
    <>
      {named && mayCall('appeals.answerLetterDraft') && (
        <Button onClick={() => setDialog('letter')} data-testid="answer-letter">
          {t('answers.letter.open')}
        </Button>
      )}
      {mayCall('appeals.updateAnswer') && (
        <Button onClick={() => setDialog('details')} data-testid="answer-details-edit">
          {t('answers.editDetails')}
        </Button>
      )}
      {dialog === 'letter' && <AnswerLetterModal appeal={appeal} onClose={() => setDialog(null)} />}
      {dialog === 'details' && (
        <AnswerDetailsModal
          appeal={appeal}
          onClose={() => setDialog(null)}
          onDone={(changed) => {
            setDialog(null)
            onChanged(changed)
          }}
        />
      )}
    </>
  )
}
