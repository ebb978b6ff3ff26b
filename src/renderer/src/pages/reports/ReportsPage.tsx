import { useState } from 'react'
import { Card, Flex, theme, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Language } from '@shared/i18n'
import { REPORT_KINDS, type ReportKind } from '@shared/reports/model'
import { todayIso } from '../../lib/dateInputs'
import { ExportButtons } from '../../components/reports/ExportButtons'
import { LoadSampleDataButton } from '../../components/reports/LoadSampleDataButton'
import { PdfLimitNotice } from '../../components/reports/PdfLimitNotice'
import { pdfRowLimit } from '../../components/reports/pdfLimit'
import { ReportChooser } from '../../components/reports/ReportChooser'
import { reportErrorText } from '../../components/reports/reportErrors'
import { defaultParams, reportInput } from '../../components/reports/reportParams'
import { ReportParamsForm } from '../../components/reports/ReportParamsForm'
import { ReportPreview } from '../../components/reports/ReportPreview'
import { useReportPreview } from '../../components/reports/useReportPreview'
import { useRememberedParams } from '../../components/reports/useRememberedParams'
import { navigate, useRoute } from '../../hooks/useRoute'
import { useDatabaseEmpty } from '../../hooks/useDatabaseEmpty'
import { useLanguage } from '../../hooks/useLanguage'

/**
 * Reports: choose one of the four, set its parameters and language, watch the preview follow,
 * export to Excel or PDF. The chosen report is in the address (#/reports/quarterly), so a
 * reload or a bookmark comes back to it; each report keeps its own parameters while others
 * are looked at.
 */
export function ReportsPage() {
  const { t } = useTranslation()
  const interfaceLang = useLanguage()
  const { token } = theme.useToken()
  const [, routeKind] = useRoute()
  const kind: ReportKind = REPORT_KINDS.find((k) => k === routeKind) ?? 'sector-by-year'
  const [paramsByKind, changeParams] = useRememberedParams(defaultParams(todayIso()))
  // null: follow the interface language; set once the user picks a report language.
  const [chosenLang, setChosenLang] = useState<Language | null>(null)
  const lang = chosenLang ?? interfaceLang
  // Bumped when sample data arrives: the same parameters now have data to show.
  const [revision, setRevision] = useState(0)
  const sampleLoaded = revision > 0
  const databaseEmpty = useDatabaseEmpty()

  const input = reportInput(lang, paramsByKind[kind])
  const preview = useReportPreview(input, revision)
  const problems = preview.error ? reportErrorText(preview.error, t) : null
  // Only the model of the report on screen counts (the previous one stays shown while building).
  const pdfLimit = preview.model?.kind === kind ? pdfRowLimit(preview.model) : null

  return (
    <Flex vertical gap={16}>
      {databaseEmpty && (
        // Stays after loading, to show what was loaded; the database is no longer empty then.
        <Card title={t(sampleLoaded ? 'reportsUi.sample.title' : 'reportsUi.sample.emptyTitle')} size="small">
          {!sampleLoaded && <Typography.Paragraph>{t('reportsUi.sample.emptyText')}</Typography.Paragraph>}
          <LoadSampleDataButton onLoaded={() => setRevision((r) => r + 1)} />
        </Card>
      )}
      <ReportChooser value={kind} onChange={(next) => navigate('reports', next)} />
      <Card title={t('reportsUi.params.title')} size="small">
        <ReportParamsForm
          // A new mount after sample data: lists inside (meetings) are read again.
          key={revision}
          params={paramsByKind[kind]}
          onChange={changeParams}
          lang={lang}
          onLangChange={setChosenLang}
          errors={problems?.fields ?? {}}
        />
        <Flex vertical gap={12} style={{ borderTop: `1px solid ${token.colorSplit}`, paddingTop: 12 }}>
          {pdfLimit && <PdfLimitNotice limit={pdfLimit} />}
          <ExportButtons
            input={input}
            disabled={preview.loading || preview.model === null}
            pdfDisabled={pdfLimit?.over ?? false}
          />
        </Flex>
      </Card>
      <Card title={t('reportsUi.preview.title')}>
        <ReportPreview
          model={preview.model}
          loading={preview.loading}
          error={problems ? (problems.general ?? t('errors.validation')) : null}
          onRetry={preview.retry}
        />
      </Card>
    </Flex>
  )
}
