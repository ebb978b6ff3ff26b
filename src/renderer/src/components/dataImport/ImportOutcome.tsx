import { Button, Progress, Result, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportProgress, ImportResult } from '@shared/api/contract'

/**
 * While importing: the share of rows written, read from the core as it writes (reading the
 * file and checking the rows come first and show as an active bar at 0).
 */
export function ImportProgressView({ progress }: { progress: ImportProgress | null }) {
  const { t } = useTranslation()
  const phase = progress?.phase ?? 'unknown'
  const percent = progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
      <Progress
        percent={phase === 'done' ? 100 : percent}
        status={phase === 'failed' ? 'exception' : phase === 'done' ? 'success' : 'active'}
      />
      <Typography.Text type="secondary">
        {t(`importUi.progress.${phase}`, { done: progress?.done ?? 0, total: progress?.total ?? 0 })}
      </Typography.Text>
    </Space>
  )
}

/** After: what was imported (with its numbers), what was skipped and why; or that nothing was written. */
export function ImportResultView({
  result,
  error,
  onRestart,
}: {
  result: ImportResult | null
  error: string | null
  onRestart(): void
}) {
  const { t } = useTranslation()
  const again = (
    <Button type="primary" onClick={onRestart} key="again">
      {t('importUi.nav.restart')}
    </Button>
  )
  if (!result)
    return (
      <Result
        status="error"
        title={t('importUi.result.failed')}
        subTitle={error}
        extra={again}
        data-testid="import-result"
      />
    )
  const lines = [
    result.firstNumber && t('importUi.result.numbers', { first: result.firstNumber, last: result.lastNumber }),
    result.alreadyImported > 0 && t('importUi.result.alreadyImported', { count: result.alreadyImported }),
    result.repeatedInFile > 0 && t('importUi.result.repeatedInFile', { count: result.repeatedInFile }),
    result.leftOut > 0 && t('importUi.result.leftOut', { count: result.leftOut }),
  ].filter((line): line is string => typeof line === 'string')
  return (
    <Result
      status={result.imported > 0 ? 'success' : 'info'}
      title={t('importUi.result.imported', { count: result.imported })}
      subTitle={
        <Space orientation="vertical" size={0}>
          {lines.map((line) => (
            <span key={line}>{line}</span>
          ))}
        </Space>
      }
      extra={again}
      data-testid="import-result"
    />
  )
}
