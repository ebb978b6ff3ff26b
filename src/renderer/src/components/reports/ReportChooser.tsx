import type { KeyboardEvent } from 'react'
import { Card, theme, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { REPORT_KINDS, type ReportKind } from '@shared/reports/model'

/**
 * The four reports as cards, each with its official name and a line on what it holds, so a
 * clerk who opens the page for the first time knows which one to take. Behaves as a radio
 * group: arrow keys move the choice, as with any set of options.
 */
export function ReportChooser({ value, onChange }: { value: ReportKind; onChange: (kind: ReportKind) => void }) {
  const { t } = useTranslation()
  const { token } = theme.useToken()

  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key]
    if (!step) return
    event.preventDefault()
    const next = REPORT_KINDS[(REPORT_KINDS.indexOf(value) + step + REPORT_KINDS.length) % REPORT_KINDS.length]!
    onChange(next)
    document.getElementById(`report-kind-${next}`)?.focus()
  }

  return (
    <div
      role="radiogroup"
      aria-label={t('reportsUi.chooser.label')}
      onKeyDown={onKeyDown}
      style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))' }}
    >
      {REPORT_KINDS.map((kind) => {
        const selected = kind === value
        return (
          <Card
            key={kind}
            id={`report-kind-${kind}`}
            role="radio"
            aria-checked={selected}
            tabIndex={selected ? 0 : -1}
            size="small"
            hoverable
            onClick={() => onChange(kind)}
            style={{
              cursor: 'pointer',
              borderColor: selected ? token.colorPrimary : undefined,
              boxShadow: selected ? `0 0 0 1px ${token.colorPrimary}` : undefined,
              background: selected ? token.colorPrimaryBg : undefined,
            }}
          >
            <Typography.Text strong>{t(`reports.kind.${kind}`)}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
              {t(`reportsUi.chooser.hint.${kind}`)}
            </Typography.Paragraph>
          </Card>
        )
      })}
    </div>
  )
}
