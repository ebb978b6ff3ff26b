import { useState } from 'react'
import { App, Button, Card } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MeetingMeasure, ReportMeetingDetails } from '@shared/api/contract'
import { call } from '../../../api/client'
import { showApiError } from '../../../api/formErrors'
import { MeasureCountsLine } from './MeasureCountsLine'
import { MeasureDoneModal } from './MeasureDoneModal'
import { MeasureFormModal } from './MeasureFormModal'
import { MeasuresTable } from './MeasuresTable'
import { asItIs } from './measureCalls'

type Dialog = { kind: 'add' } | { kind: 'edit'; measure: MeetingMeasure } | { kind: 'done'; measure: MeetingMeasure }

/**
 * The measures promised at the meeting: how far they have got, the table, and the dialogs that
 * add, edit, mark done, reopen and delete them. After any change the meeting is read again
 * (`onChanged`), so states, order and counts are the API's, never guessed here.
 */
export function MeasuresCard({
  meeting,
  onChanged,
}: {
  meeting: ReportMeetingDetails
  onChanged: () => Promise<void>
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [dialog, setDialog] = useState<Dialog | null>(null)

  const saved = () => {
    setDialog(null)
    void onChanged()
  }

  /** Reopening and deleting have no form: a refusal is told in a message. */
  const act = async (pending: Promise<unknown>, done?: string) => {
    try {
      await pending
      if (done) void message.success(done)
    } catch (error) {
      void message.error(showApiError(error, t))
    }
    await onChanged()
  }

  return (
    <Card
      title={t('meetingsUi.measures.title')}
      extra={
        <Button type="primary" onClick={() => setDialog({ kind: 'add' })}>
          {t('meetingsUi.measures.add')}
        </Button>
      }
    >
      <MeasureCountsLine counts={meeting.measureCounts} />
      <MeasuresTable
        meeting={meeting}
        onMarkDone={(measure) => setDialog({ kind: 'done', measure })}
        onEdit={(measure) => setDialog({ kind: 'edit', measure })}
        onReopen={(measure) =>
          void act(
            call('measures.update', { ...asItIs(measure), doneOn: null, doneNote: null }),
            t('meetingsUi.measures.saved'),
          )
        }
        onRemove={(measure) =>
          void act(
            call('measures.delete', { id: measure.id, version: measure.version }),
            t('meetingsUi.measures.removed'),
          )
        }
      />
      {dialog?.kind === 'add' && (
        <MeasureFormModal meeting={meeting} measure={null} onClose={() => setDialog(null)} onSaved={saved} />
      )}
      {dialog?.kind === 'edit' && (
        <MeasureFormModal meeting={meeting} measure={dialog.measure} onClose={() => setDialog(null)} onSaved={saved} />
      )}
      {dialog?.kind === 'done' && (
        <MeasureDoneModal measure={dialog.measure} onClose={() => setDialog(null)} onSaved={saved} />
      )}
    </Card>
  )
}
