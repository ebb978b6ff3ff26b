import { useEffect, useState } from 'react'
import { Alert, Button, Card, Checkbox, Select, Space, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ReportMeeting } from '@shared/api/contract'
import { localNow } from '@shared/domain/dates'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { navigate } from '../../hooks/useRoute'
import { useCatalogs } from '../../hooks/useCatalogs'
import { formatDate } from '../../lib/format'
import { MeasureCountsCell } from '../../components/meetings/measures/MeasureCountsCell'
import { useCan } from '../../components/auth/AuthContext'

const ALL_YEARS = 0

/**
 * The report meetings of a year (or of all years), newest first; a row opens the meeting.
 * `overdueOnly` (#/meetings/overdue, where the dashboard's figure leads): the meetings of any
 * year with a measure past its deadline, since a late promise stays late whatever its year.
 */
export function MeetingListPage({ overdueOnly = false }: { overdueOnly?: boolean }) {
  const { t } = useTranslation()
  const { mayCall } = useCan()
  const { localityName } = useCatalogs()
  const thisYear = Number(localNow().date.slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const [meetings, setMeetings] = useState<ReportMeeting[]>([])
  const [loading, setLoading] = useState(true)
  const [failure, setFailure] = useState<unknown>(null)

  useEffect(() => {
    setLoading(true)
    setFailure(null)
    call('meetings.list', year === ALL_YEARS || overdueOnly ? {} : { year })
      .then((all) => setMeetings(overdueOnly ? all.filter((m) => m.measureCounts.overdue > 0) : all), setFailure)
      .finally(() => setLoading(false))
  }, [year, overdueOnly])

  const yearOptions = [
    { value: ALL_YEARS, label: t('meetingsUi.list.allYears') },
    ...Array.from({ length: 10 }, (_, i) => ({ value: thisYear - i, label: String(thisYear - i) })),
  ]

  return (
    <Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space>
            <label htmlFor="meetings-year">{t('meetingsUi.list.year')}</label>
            <Select<number>
              id="meetings-year"
              value={overdueOnly ? ALL_YEARS : year}
              disabled={overdueOnly}
              onChange={setYear}
              options={yearOptions}
              style={{ width: 160 }}
            />
            <Checkbox
              checked={overdueOnly}
              onChange={(e) => (e.target.checked ? navigate('meetings', 'overdue') : navigate('meetings'))}
            >
              {t('meetingsUi.list.overdueOnly')}
            </Checkbox>
          </Space>
          {mayCall('meetings.create') && (
            <Button type="primary" href="#/meetings/new">
              {t('meetingsUi.list.new')}
            </Button>
          )}
        </Space>
        {failure !== null && <Alert type="error" showIcon title={showApiError(failure, t)} />}
        <Table<ReportMeeting>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={meetings}
          pagination={meetings.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{ emptyText: t('meetingsUi.list.empty') }}
          onRow={(meeting) => ({ onClick: () => navigate('meetings', meeting.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('meetingsUi.list.date'),
              dataIndex: 'heldOn',
              width: 120,
              // A real link too, so the keyboard can open a meeting.
              render: (heldOn: string, meeting) => (
                <Typography.Link href={`#/meetings/${meeting.id}`}>{formatDate(heldOn)}</Typography.Link>
              ),
            },
            {
              title: t('meetingsUi.list.place'),
              render: (_v, meeting) => (
                <>
                  <div>{meeting.place}</div>
                  {meeting.localityId !== null && (
                    <Typography.Text type="secondary">{localityName(meeting.localityId)}</Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: t('meetingsUi.list.speaker'),
              render: (_v, meeting) => (
                <>
                  <div>{meeting.speakerName}</div>
                  <Typography.Text type="secondary">{meeting.speakerPosition}</Typography.Text>
                </>
              ),
            },
            {
              title: t('meetingsUi.list.format'),
              dataIndex: 'format',
              width: 120,
              render: (format: ReportMeeting['format']) => t(`meetingFormat.${format}`),
            },
            {
              title: t('meetingsUi.list.attendance'),
              dataIndex: 'attendance',
              width: 130,
              align: 'right',
              render: (n: number | null) => n ?? '—',
            },
            { title: t('meetingsUi.list.questions'), dataIndex: 'questionsCount', width: 110, align: 'right' },
            {
              title: t('meetingsUi.list.measures'),
              dataIndex: 'measureCounts',
              width: 120,
              align: 'right',
              render: (counts: ReportMeeting['measureCounts']) => <MeasureCountsCell counts={counts} />,
            },
          ]}
        />
      </Space>
    </Card>
  )
}
