import { Empty, theme, Typography } from 'antd'

export interface BarChartItem {
  key: string | number
  label: string
  value: number
  /** What is written after the bar; the value itself when left out (e.g. "17 · 14,78%"). */
  valueText?: string
}

interface BarChartProps {
  items: BarChartItem[]
  /** Read out by screen readers and shown in tests' accessibility tree. */
  title: string
  emptyText: string
}

/**
 * Horizontal bars, one per row, drawn with plain HTML so that long Kazakh sector names wrap
 * onto several lines instead of being cut off or rotated. Bars are scaled to the largest
 * value. Used by the dashboard and the meeting page.
 */
export function BarChart({ items, title, emptyText }: BarChartProps) {
  const { token } = theme.useToken()
  const max = Math.max(0, ...items.map((item) => item.value))
  if (items.length === 0 || max === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />

  return (
    <div role="list" aria-label={title} data-testid="bar-chart" style={{ display: 'grid', gap: 10 }}>
      {items.map((item) => (
        <div
          key={item.key}
          role="listitem"
          style={{
            display: 'grid',
            gridTemplateColumns: 'minmax(140px, 34%) 1fr',
            columnGap: 12,
            alignItems: 'center',
          }}
        >
          <Typography.Text style={{ lineHeight: 1.3, overflowWrap: 'anywhere' }}>{item.label}</Typography.Text>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
            <div
              aria-hidden
              style={{
                height: 20,
                // A zero keeps a hairline so the row still reads as "none" rather than missing.
                width: item.value === 0 ? 2 : `calc((100% - 110px) * ${item.value / max})`,
                minWidth: 2,
                background: item.value === 0 ? token.colorBorder : token.colorPrimary,
                borderRadius: 3,
              }}
            />
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
              {item.valueText ?? item.value}
            </Typography.Text>
          </div>
        </div>
      ))}
    </div>
  )
}
