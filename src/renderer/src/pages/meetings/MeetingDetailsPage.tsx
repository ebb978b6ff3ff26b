import { useCallback, useEffect, useState } from 'react'
import { Button, Card, Col, Result, Row, Space, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ReportMeetingDetails } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { formatDate } from '../../lib/format'
import { MeetingFacts } from '../../components/meetings/MeetingFacts'
import { MeetingQuestionsTable } from '../../components/meetings/MeetingQuestionsTable'
import { MeasuresCard } from '../../components/meetings/measures/MeasuresCard'
import { AttachmentsCard } from '../../components/attachments/AttachmentsCard'
import { QuestionsGrid } from '../../components/meetings/QuestionsGrid'
import { SectorShares } from '../../components/meetings/SectorShares'
import { StatusCounts } from '../../components/meetings/StatusCounts'

/**
 * One meeting: what was recorded, the grid to enter its questions, where those questions stand,
 * and the measures promised at it.
 */
export function MeetingDetailsPage({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation()
  const [meeting, setMeeting] = useState<ReportMeetingDetails | null>(null)
  // The failure itself is kept and translated when shown, so the effect does not rerun on a language switch.
  const [failure, setFailure] = useState<unknown>(null)

  const load = useCallback(() => call('meetings.get', { id: meetingId }).then(setMeeting, setFailure), [meetingId])
  useEffect(() => {
    void load()
  }, [load])

  if (failure)
    return (
      <Result
        status="warning"
        title={showApiError(failure, t)}
        extra={<Button href="#/meetings">{t('meetingsUi.details.back')}</Button>}
      />
    )
  if (!meeting) return <Spin />

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space size="middle">
            <Typography.Link href="#/meetings">← {t('meetingsUi.details.back')}</Typography.Link>
            <span>{t('meetingsUi.details.title', { date: formatDate(meeting.heldOn) })}</span>
          </Space>
        }
        extra={<Button href={`#/meetings/${meeting.id}/edit`}>{t('meetingsUi.details.edit')}</Button>}
      >
        <MeetingFacts meeting={meeting} />
      </Card>
      <Card title={t('meetingsUi.grid.title')}>
        <QuestionsGrid meetingId={meeting.id} onSaved={setMeeting} />
      </Card>
      <Row gutter={[24, 24]}>
        <Col xs={24} xxl={16}>
          <Card title={t('meetingsUi.shares.title')} style={{ height: '100%' }}>
            <SectorShares bySector={meeting.bySector} />
          </Card>
        </Col>
        <Col xs={24} xxl={8}>
          <Card title={t('meetingsUi.shares.byStatus')} style={{ height: '100%' }}>
            <StatusCounts byStatus={meeting.byStatus} />
          </Card>
        </Col>
      </Row>
      <Card title={t('meetingsUi.questions.title')}>
        <MeetingQuestionsTable questions={meeting.questions} />
      </Card>
      <MeasuresCard meeting={meeting} onChanged={load} />
      <AttachmentsCard ownerKind="meeting" ownerId={meeting.id} />
    </Space>
  )
}
