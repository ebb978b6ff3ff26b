import { Alert, Button, Empty, Flex, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ReportModel } from '@shared/reports/model'
import { ReportChartView } from './ReportChartView'
import { ReportSentences } from './ReportSentences'
import { ReportTableView } from './ReportTableView'

interface ReportPreviewProps {
  model: ReportModel | null
  loading: boolean
  /** The build's general error, already in the user's language. */
  error: string | null
  onRetry: () => void
}

/**
 * The report as the files will show it, from the same model: title, office and period,
 * parameters in words, the tables with their total rows, notes, the generated sentences and
 * the charts. While a newer build runs, the previous one stays under a spinner.
 */
export function ReportPreview({ model, loading, error, onRetry }: ReportPreviewProps) {
  const { t } = useTranslation()
  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('reportsUi.preview.failed')}
        description={error}
        data-testid="report-error"
        // A lost connection or a busy core passes; wrong parameters are fixed in the form instead.
        action={
          <Button size="small" onClick={onRetry} loading={loading}>
            {t('common.retry')}
          </Button>
        }
      />
    )
  }
  if (!model)
    return (
      <Spin description={t('reportsUi.preview.building')}>
        <div style={{ minHeight: 160 }} />
      </Spin>
    )

  const empty = model.tables.length > 0 && model.tables.every((table) => table.rows.length === 0)
  return (
    <Spin spinning={loading} description={t('reportsUi.preview.building')}>
      <Flex vertical gap={12} data-testid="report-preview" data-kind={model.kind} lang={model.lang}>
        <div style={{ textAlign: 'center' }}>
          <Typography.Title level={4} style={{ marginBottom: 4 }} data-testid="report-title">
            {model.title}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="report-period">
            {[model.office, model.period].filter(Boolean).join(' · ')}
          </Typography.Text>
          {model.parameters.length > 0 && (
            <div>
              <Typography.Text italic>{model.parameters.join(' · ')}</Typography.Text>
            </div>
          )}
        </div>
        {empty ? (
          <Empty description={t('reportsUi.preview.empty')} />
        ) : (
          // Keyed by report kind too: a table's paging starts afresh for another report.
          model.tables.map((table, index) => (
            <ReportTableView key={`${model.kind}-${index}`} table={table} lang={model.lang} />
          ))
        )}
        {model.rowsTotal !== undefined && model.rowsTotal > (model.tables[0]?.rows.length ?? 0) && (
          <Alert
            type="info"
            showIcon
            title={t('reportsUi.preview.partial', { shown: model.tables[0]?.rows.length ?? 0, count: model.rowsTotal })}
          />
        )}
        {model.notes.map((note, index) => (
          <Typography.Text key={index} type="secondary" style={{ fontSize: 12 }}>
            {note}
          </Typography.Text>
        ))}
        {!empty && model.sentences.length > 0 && <ReportSentences sentences={model.sentences} />}
        {!empty && model.charts.map((chart, index) => <ReportChartView key={index} chart={chart} />)}
      </Flex>
    </Spin>
  )
}
