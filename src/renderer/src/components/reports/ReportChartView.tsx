import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ReportChart } from '@shared/reports/model'
import { BarChart } from '../charts/BarChart'

/**
 * A chart of the model as bars: one small bar chart per series (per year), side by side
 * when the preview is wide enough. The files draw the same numbers as grouped bars; on
 * screen, separate charts keep long Kazakh sector names readable.
 */
export function ReportChartView({ chart }: { chart: ReportChart }) {
  const { t } = useTranslation()
  return (
    <section aria-label={chart.title} data-testid="report-chart">
      <Typography.Title level={5}>{chart.title}</Typography.Title>
      <div style={{ display: 'grid', gap: 24, gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))' }}>
        {chart.series.map((series) => (
          <div key={series.name}>
            {chart.series.length > 1 && <Typography.Text strong>{series.name}</Typography.Text>}
            <BarChart
              title={`${chart.title}: ${series.name}`}
              emptyText={t('reportsUi.preview.empty')}
              items={chart.categories.map((label, index) => ({ key: index, label, value: series.values[index] ?? 0 }))}
            />
          </div>
        ))}
      </div>
    </section>
  )
}
