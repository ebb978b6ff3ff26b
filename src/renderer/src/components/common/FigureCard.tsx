import type { ReactNode } from 'react'
import { Card, Statistic, Typography } from 'antd'

/**
 * One dashboard figure: its title (a link to the list it counts, where there is one), the
 * period under it, the number, and an optional line below. The number sits at the bottom, so
 * numbers line up across a row however the titles wrap.
 */
export function FigureCard({
  testId,
  title,
  period,
  value,
  color,
  footer,
}: {
  testId: string
  title: ReactNode
  period: string
  value: number
  /** The number's colour when it is above zero (zero, or no colour, stays plain). */
  color?: string
  footer?: ReactNode
}) {
  return (
    <Card data-testid={testId} styles={{ body: { height: '100%', display: 'flex', flexDirection: 'column', gap: 12 } }}>
      <div>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {title}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary">{period}</Typography.Text>
      </div>
      <Statistic
        value={value}
        style={{ marginTop: 'auto' }}
        styles={{ content: { fontSize: 44, fontWeight: 600, lineHeight: 1.1, color: value > 0 ? color : undefined } }}
      />
      {footer}
    </Card>
  )
}
