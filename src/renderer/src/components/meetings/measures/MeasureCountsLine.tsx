import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MeasureCounts } from '@shared/api/contract'

/** "5 measures, 3 done, 1 overdue" above the table; the overdue part, when there is one, in red. */
export function MeasureCountsLine({ counts }: { counts: MeasureCounts }) {
  const { t } = useTranslation()
  if (counts.total === 0) return null
  return (
    <Typography.Paragraph data-testid="measure-counts" style={{ marginBottom: 12 }}>
      {t('meetingsUi.measures.total', { count: counts.total })}, {t('meetingsUi.measures.done', { count: counts.done })}
      {counts.overdue > 0 && (
        <>
          ,{' '}
          <Typography.Text type="danger">{t('meetingsUi.measures.overdue', { count: counts.overdue })}</Typography.Text>
        </>
      )}
    </Typography.Paragraph>
  )
}
