import { useEffect, useState } from 'react'
import { Alert, App, Button, Flex, Progress, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiInput, ExportProgress } from '@shared/api/contract'
import { call } from '../../api/client'
import { downloadBase64 } from '../../api/files'
import { reportErrorText } from './reportErrors'
import { PrintButton } from '../common/PrintButton'

type Format = ApiInput<'reports.export'>['format']

interface ExportButtonsProps {
  input: ApiInput<'reports.build'>
  /** While the preview is not valid there is nothing sensible to export. */
  disabled: boolean
  /** Too many rows for a PDF (the core would refuse it); PdfLimitNotice says so. */
  pdfDisabled: boolean
}

/**
 * "Export to Excel" and "Export to PDF". The core writes the file in a worker thread (a long
 * PDF takes seconds); meanwhile both buttons are disabled and the user is told the file is
 * being prepared, so nobody clicks twice and gets two files. The finished file is handed over
 * as a download: the browser saves it, Electron asks where with the system dialog. A long file
 * (the register's PDF, up to 20,000 rows) reports how many rows are drawn, shown as a bar.
 */
export function ExportButtons({ input, disabled, pdfDisabled }: ExportButtonsProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState<Format | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [exportId, setExportId] = useState<string | null>(null)
  const progress = useExportProgress(exportId)

  const exportAs = async (format: Format) => {
    const id = `${Date.now()}-${Math.random().toString(36).slice(2, 10)}`
    setBusy(format)
    setExportId(id)
    setError(null)
    try {
      const file = await call('reports.export', { ...input, format, exportId: id })
      downloadBase64(file.base64, file.fileName)
      void message.success(t('reportsUi.export.ready', { fileName: file.fileName }))
    } catch (failure) {
      const text = reportErrorText(failure, t)
      setError([text.general, ...Object.values(text.fields)].filter(Boolean).join(' — '))
    } finally {
      setBusy(null)
      setExportId(null)
    }
  }

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        {(['xlsx', 'pdf'] as const).map((format) => (
          <Button
            key={format}
            type={format === 'xlsx' ? 'primary' : 'default'}
            loading={busy === format}
            disabled={disabled || (busy !== null && busy !== format) || (format === 'pdf' && pdfDisabled)}
            onClick={() => void exportAs(format)}
            data-testid={`export-${format}`}
          >
            {t(`reportsUi.export.${format}`)}
          </Button>
        ))}
        <PrintButton
          method="reports.export"
          input={{ ...input, format: 'pdf' }}
          disabled={disabled || busy !== null || pdfDisabled}
          data-testid="export-print"
        />
      </Flex>
      {busy && (
        <Flex gap={8} align="center" role="status" aria-live="polite" data-testid="export-progress">
          <Spin size="small" />
          <Typography.Text>{t('reportsUi.export.preparing')}</Typography.Text>
          {progress && progress.total > 0 && (
            <Flex gap={8} align="center" style={{ flex: '1 1 240px', maxWidth: 420 }} data-testid="export-rows">
              <Progress percent={Math.floor((progress.done / progress.total) * 100)} size="small" />
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t('reportsUi.export.rowsDrawn', { done: progress.done, total: progress.total })}
              </Typography.Text>
            </Flex>
          )}
        </Flex>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          title={t('reportsUi.export.failed')}
          description={error}
          onClose={() => setError(null)}
        />
      )}
    </Flex>
  )
}

/** Asks how far the running export got, twice a second, while there is one (reports.progress). */
function useExportProgress(exportId: string | null): ExportProgress | null {
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  useEffect(() => {
    setProgress(null)
    if (exportId === null) return
    let stopped = false
    const timer = setInterval(() => {
      call('reports.progress', { exportId }).then(
        (next) => !stopped && setProgress(next),
        () => undefined,
      )
    }, 500)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [exportId])
  return progress
}
