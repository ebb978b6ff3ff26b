import { Button, Popconfirm, Space, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MeetingMeasure, ReportMeetingDetails } from '@shared/api/contract'
import { isDone } from '@shared/domain/measure'
import { formatDate } from '../../../lib/format'
import { MeasureStateTag } from './MeasureStateTag'

interface Props {
  meeting: ReportMeetingDetails
  onMarkDone: (measure: MeetingMeasure) => void
  onEdit: (measure: MeetingMeasure) => void
  onReopen: (measure: MeetingMeasure) => void
  onRemove: (measure: MeetingMeasure) => void
}

/** The meeting's measures in deadline order, each with where it stands and what can be done with it. */
export function MeasuresTable({ meeting, onMarkDone, onEdit, onReopen, onRemove }: Props) {
  const { t } = useTranslation()
  const summaries = new Map(meeting.questions.map((q) => [q.id, q.summary]))
  return (
    <Table<MeetingMeasure>
      rowKey="id"
      size="small"
      data-testid="meeting-measures"
      dataSource={meeting.measures}
      tableLayout="fixed"
      pagination={meeting.measures.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('meetingsUi.measures.empty') }}
      columns={[
        {
          title: t('meetingsUi.measures.text'),
          dataIndex: 'text',
          render: (text: string, measure) => (
            <>
              <div style={{ whiteSpace: 'pre-line' }}>{text}</div>
              {measure.doneNote && (
                <Typography.Text type="secondary">
                  {t('meetingsUi.measures.donePrefix', { note: measure.doneNote })}
                </Typography.Text>
              )}
            </>
          ),
        },
        { title: t('meetingsUi.measures.responsible'), dataIndex: 'responsible', width: '18%' },
        {
          title: t('meetingsUi.measures.dueOn'),
          dataIndex: 'dueOn',
          width: 110,
          render: (dueOn: string, measure) => (
            <Typography.Text type={measure.state === 'overdue' ? 'danger' : undefined}>
              {formatDate(dueOn)}
            </Typography.Text>
          ),
        },
        {
          title: t('meetingsUi.measures.question'),
          dataIndex: 'appealId',
          width: 110,
          // The summary on hover: the number alone does not say which question it was.
          render: (appealId: number | null, measure) =>
            appealId === null ? (
              '—'
            ) : (
              <Typography.Link href={`#/appeals/${appealId}`} title={summaries.get(appealId)}>
                {measure.appealRegNumber}
              </Typography.Link>
            ),
        },
        {
          title: t('meetingsUi.measures.state'),
          dataIndex: 'state',
          width: 180,
          render: (_state, measure) => <MeasureStateTag measure={measure} />,
        },
        {
          title: t('meetingsUi.measures.actions'),
          key: 'actions',
          width: 190,
          render: (_v, measure) => (
            <Space size={[4, 0]} wrap>
              {isDone(measure.state) ? (
                <Popconfirm
                  title={t('meetingsUi.measures.confirmReopen')}
                  description={t('meetingsUi.measures.reopenNote')}
                  styles={{ root: { maxWidth: 340 } }}
                  okText={t('meetingsUi.measures.reopen')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => onReopen(measure)}
                >
                  <Button type="link" size="small">
                    {t('meetingsUi.measures.reopen')}
                  </Button>
                </Popconfirm>
              ) : (
                <Button type="link" size="small" onClick={() => onMarkDone(measure)}>
                  {t('meetingsUi.measures.markDone')}
                </Button>
              )}
              <Button type="link" size="small" onClick={() => onEdit(measure)}>
                {t('meetingsUi.measures.edit')}
              </Button>
              <Popconfirm
                title={t('meetingsUi.measures.confirmRemove')}
                okText={t('meetingsUi.measures.remove')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => onRemove(measure)}
              >
                <Button type="link" size="small" danger>
                  {t('meetingsUi.measures.remove')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  )
}
