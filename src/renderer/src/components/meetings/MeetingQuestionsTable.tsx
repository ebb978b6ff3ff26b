import { Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AppealSummary } from '@shared/api/contract'
import { useCatalogs } from '../../hooks/useCatalogs'
import { formatDate } from '../../lib/format'
import { StatusTag } from './StatusTag'

/** The appeals a meeting's questions became; each number opens its appeal card (#/appeals/<id>). */
export function MeetingQuestionsTable({ questions }: { questions: AppealSummary[] }) {
  const { t } = useTranslation()
  const { sectorName } = useCatalogs()
  return (
    <Table<AppealSummary>
      rowKey="id"
      size="small"
      data-testid="meeting-questions"
      dataSource={questions}
      tableLayout="fixed"
      pagination={questions.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('meetingsUi.shares.empty') }}
      columns={[
        {
          title: t('meetingsUi.questions.regNumber'),
          dataIndex: 'regNumber',
          width: 120,
          render: (regNumber: string, question) => (
            <Typography.Link href={`#/appeals/${question.id}`}>{regNumber}</Typography.Link>
          ),
        },
        {
          title: t('meetingsUi.questions.sector'),
          dataIndex: 'sectorId',
          width: '18%',
          render: (id: number) => sectorName(id),
        },
        {
          // Who raised it goes under the question, leaving the question the room it needs.
          title: `${t('meetingsUi.questions.summary')} / ${t('meetingsUi.questions.applicant')}`,
          dataIndex: 'summary',
          render: (summary: string, question) => (
            <>
              <div>{summary}</div>
              <Typography.Text type="secondary">
                {question.applicantName ?? t(`applicantKind.${question.applicantKind}`)}
              </Typography.Text>
            </>
          ),
        },
        { title: t('meetingsUi.questions.executor'), dataIndex: 'executorName', width: '15%' },
        {
          title: t('meetingsUi.questions.status'),
          dataIndex: 'status',
          width: 160,
          render: (status: AppealSummary['status']) => <StatusTag status={status} />,
        },
        {
          title: t('meetingsUi.questions.dueOn'),
          dataIndex: 'dueOn',
          width: 110,
          render: (dueOn: string, question) => (
            <Typography.Text type={question.overdue ? 'danger' : undefined}>{formatDate(dueOn)}</Typography.Text>
          ),
        },
      ]}
    />
  )
}
