import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MeasureCounts } from '@shared/api/contract'

/** A meetings-list cell: "3 / 5" measures done of all, and under it, in red, how many are overdue. */
export function MeasureCountsCell({ counts }: { counts: MeasureCounts }) {
  const { t } = useTranslation()
  if (counts.total === 0) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <>
      <div title={t('meetingsUi.list.measuresDone')} style={{ whiteSpace: 'nowrap' }}>
        {counts.done} / {counts.total}
      </div>
      {counts.overdue > 0 && (
        <Typography.Text type="danger" style={{ whiteSpace: 'nowrap' }}>
          {t('meetingsUi.list.measuresOverdue', { count: counts.overdue })}
        </Typography.Text>
      )}
    </>
  )
}
