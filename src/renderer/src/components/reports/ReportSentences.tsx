import { App, Button, Flex, theme, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { copyText } from './copyText'

/**
 * The sentences the report generates from its numbers, for a press officer to paste into a
 * release: shown as one paragraph, copied as one with a button.
 */
export function ReportSentences({ sentences }: { sentences: string[] }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { token } = theme.useToken()
  const text = sentences.join(' ')

  const copy = async () => {
    if (await copyText(text)) void message.success(t('reportsUi.preview.copied'))
    else void message.error(t('reportsUi.preview.copyFailed'))
  }

  return (
    <section aria-label={t('reportsUi.preview.sentences')} data-testid="report-sentences">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('reportsUi.preview.sentences')}
        </Typography.Title>
        <Button size="small" onClick={() => void copy()}>
          {t('reportsUi.preview.copy')}
        </Button>
      </Flex>
      <Typography.Paragraph
        style={{ marginTop: 8, padding: 12, background: token.colorFillQuaternary, borderRadius: token.borderRadius }}
      >
        {text}
      </Typography.Paragraph>
    </section>
  )
}
