import { useTranslation } from 'react-i18next'
import type { ReportMeetingDetails } from '@shared/api/contract'
import { APPEAL_STATUSES } from '@shared/domain/appeal'
import { BarChart } from '../charts/BarChart'

/** How far the meeting's questions have got: one bar per status that has any, in lifecycle order. */
export function StatusCounts({ byStatus }: { byStatus: ReportMeetingDetails['byStatus'] }) {
  const { t } = useTranslation()
  const counts = new Map(byStatus.map((row) => [row.status, row.count]))
  return (
    <BarChart
      title={t('meetingsUi.shares.byStatus')}
      emptyText={t('meetingsUi.shares.empty')}
      items={APPEAL_STATUSES.filter((status) => counts.has(status)).map((status) => ({
        key: status,
        label: t(`status.${status}`),
        value: counts.get(status)!,
      }))}
    />
  )
}
