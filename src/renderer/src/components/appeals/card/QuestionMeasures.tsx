import { useEffect, useState } from 'react'
import { Card, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Appeal, MeetingMeasure } from '@shared/api/contract'
import { call } from '../../../api/client'
import { MeasureStateTag } from '../../meetings/measures/MeasureStateTag'
import { formatDate } from '../../../lib/format'

/**
 * On a report-meeting question's card: what the akim promised on it, by when, and whether it
 * was done, so whoever answers the appeal sees the promise. Nothing shows when there is none;
 * the measures are edited on the meeting's page.
 */
export function QuestionMeasures({ appeal }: { appeal: Pick<Appeal, 'id' | 'meetingId'> }) {
  const { t } = useTranslation()
  const [measures, setMeasures] = useState<MeetingMeasure[]>([])

  useEffect(() => {
    if (appeal.meetingId === null) return
    // A side panel: if it cannot load, the card is still whole without it.
    call('measures.list', { appealId: appeal.id }).then(setMeasures, () => setMeasures([]))
  }, [appeal.id, appeal.meetingId])

  if (measures.length === 0) return null
  return (
    <Card size="small" title={t('appealsUi.card.measures')} data-testid="question-measures">
      {/* Plain rows: antd 6 deprecates List. */}
      <Flex vertical gap={12}>
        {measures.map((measure) => (
          <Flex key={measure.id} justify="space-between" gap={12}>
            <div>
              <div>{measure.text}</div>
              <Typography.Text type="secondary">{measure.responsible} · </Typography.Text>
              <Typography.Text type={measure.state === 'overdue' ? 'danger' : 'secondary'}>
                {t('appealsUi.card.measureDue', { date: formatDate(measure.dueOn) })}
              </Typography.Text>
            </div>
            <div style={{ flex: 'none', textAlign: 'right' }}>
              <MeasureStateTag measure={measure} />
            </div>
          </Flex>
        ))}
      </Flex>
    </Card>
  )
}
