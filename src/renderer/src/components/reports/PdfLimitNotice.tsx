import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PdfRowLimit } from './pdfLimit'

/**
 * Says before anyone exports that a PDF has a row limit (pdfmake is slow and memory-hungry on
 * long tables, and nobody reads a paper register of ten thousand rows) and that the Excel file
 * has every row: a plain note when the period fits, a warning when no PDF will be made.
 */
export function PdfLimitNotice({ limit }: { limit: PdfRowLimit }) {
  const { t } = useTranslation()
  const text = `${t('reportsUi.export.registerRows', { count: limit.count })} ${t(limit.over ? 'reportsUi.export.pdfLimited' : 'reportsUi.export.pdfFits', { ...limit })}`
  return <Alert type={limit.over ? 'warning' : 'info'} showIcon data-testid="pdf-limit" title={text} />
}
