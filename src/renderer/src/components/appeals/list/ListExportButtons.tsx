import { useState } from 'react'
import { App, Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiInput } from '@shared/api/contract'
import type { AppealListColumn } from '@shared/domain/appealColumns'
import { call } from '../../../api/client'
import { downloadBase64 } from '../../../api/files'
import { showApiError } from '../../../api/formErrors'
import { useLanguage } from '../../../hooks/useLanguage'
import type { AppealListQuery } from './listQuery'

type Format = ApiInput<'appeals.exportList'>['format']

interface Props {
  query: AppealListQuery
  columns: readonly AppealListColumn[]
  /** Nothing to export while the list is empty. */
  disabled: boolean
}

/**
 * "Excel" and "PDF" beside the column chooser: the list as it is filtered and sorted, every
 * row of it, in the chosen columns and the interface language, handed over as a download the
 * way the reports page does (the browser saves it, Electron asks where). While one file is
 * written both buttons wait, so a second click makes no second file.
 */
export function ListExportButtons({ query, columns, disabled }: Props) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const { message } = App.useApp()
  const [busy, setBusy] = useState<Format | null>(null)

  const exportAs = async (format: Format) => {
    setBusy(format)
    try {
      const file = await call('appeals.exportList', { filters: query, columns: [...columns], format, lang })
      downloadBase64(file.base64, file.fileName)
      void message.success(t('reportsUi.export.ready', { fileName: file.fileName }))
    } catch (failure) {
      void message.error(showApiError(failure, t))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Space.Compact>
      {(['xlsx', 'pdf'] as const).map((format) => (
        <Button
          key={format}
          title={t('appealList.exportHint')}
          loading={busy === format}
          disabled={disabled || (busy !== null && busy !== format)}
          onClick={() => void exportAs(format)}
          data-testid={`list-export-${format}`}
        >
          {t(format === 'xlsx' ? 'appealList.excel' : 'appealList.pdf')}
        </Button>
      ))}
    </Space.Compact>
  )
}
