import { Flex, Form, Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '@shared/i18n'
import type { ReportKind } from '@shared/reports/model'
import { PressSummaryFields } from './params/PressSummaryFields'
import { QuarterlyFields } from './params/QuarterlyFields'
import { RegisterFields } from './params/RegisterFields'
import { SectorByYearFields } from './params/SectorByYearFields'
import type { AnyReportDraft, ReportParamsOf } from './reportParams'

interface ReportParamsFormProps {
  params: AnyReportDraft
  onChange: (next: AnyReportDraft) => void
  /** The language the report is written in; the interface may speak another. */
  lang: Language
  onLangChange: (lang: Language) => void
  /** Messages from the API for parameter fields, by field name. */
  errors: Record<string, string>
}

/**
 * The chosen report's parameters and the report's language. Controlled by the page: every
 * change goes up at once, and the preview rebuilds when the user pauses.
 */
export function ReportParamsForm({ params, onChange, lang, onLangChange, errors }: ReportParamsFormProps) {
  const { t } = useTranslation()
  const fields = <K extends ReportKind>(value: ReportParamsOf<K>) => ({
    value,
    errors,
    onChange: onChange as (next: ReportParamsOf<K>) => void,
  })

  return (
    <Form layout="vertical" component="div" data-testid="report-params">
      {/* One wrapping row: the preview below keeps the page's full width for wide tables. */}
      <Flex wrap gap="0 24px" align="flex-start">
        {params.kind === 'sector-by-year' && <SectorByYearFields {...fields(params)} />}
        {params.kind === 'quarterly' && <QuarterlyFields {...fields(params)} />}
        {params.kind === 'register' && <RegisterFields {...fields(params)} />}
        {params.kind === 'press-summary' && <PressSummaryFields {...fields(params)} />}
        <Form.Item
          label={t('reportsUi.params.language')}
          extra={t('reportsUi.params.languageHint')}
          style={{ maxWidth: 280 }}
        >
          <Segmented<Language>
            aria-label={t('reportsUi.params.language')}
            data-testid="report-language"
            value={lang}
            onChange={onLangChange}
            options={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
          />
        </Form.Item>
      </Flex>
    </Form>
  )
}
