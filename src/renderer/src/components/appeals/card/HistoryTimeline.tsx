import { Card, Empty, Flex, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuditEvent } from '@shared/api/contract'
import { useCatalogs } from '../../../hooks/useCatalogs'
import { formatInstant } from '../../../lib/format'
import { NO_VALUE } from '../../../lib/fieldText'
import {
  createdSummary,
  exportedSummary,
  groupHistory,
  revealedSummary,
  attachmentSummary,
  historyField,
  historyValue,
  type HistoryNames,
} from './historyText'

const ACTION_COLORS: Record<string, string> = {
  create: 'blue',
  transition: 'green',
  extend: 'orange',
  update: 'gray',
  reveal: 'purple',
  attach: 'cyan',
  detach: 'red',
  export: 'purple',
}

/** The appeal's audit trail, oldest first: who did what and when, each change as old → new. */
export function HistoryTimeline({ history }: { history: AuditEvent[] }) {
  const { t } = useTranslation()
  const { sectorName, localityName, staffName } = useCatalogs()
  const names: HistoryNames = { sectorName, localityName, staffName }

  const change = (event: AuditEvent) => {
    const field = event.field ?? ''
    const before = historyValue(field, event.oldValue, t, names)
    const after = historyValue(field, event.newValue, t, names)
    return (
      <Typography.Text key={field}>
        <Typography.Text type="secondary">{historyField(field, t)}: </Typography.Text>
        {before === NO_VALUE ? after : `${before} → ${after}`}
      </Typography.Text>
    )
  }

  const items = groupHistory(history).map((group) => {
    const [first] = group as [AuditEvent, ...AuditEvent[]]
    return {
      key: `${first.at}-${first.action}`,
      color: ACTION_COLORS[first.action] ?? 'gray',
      content: (
        <Flex vertical gap={2}>
          <Flex gap={8} wrap align="baseline">
            <Typography.Text strong>
              {first.field === 'attachment'
                ? t(`attachments.history.${first.action}`, { defaultValue: first.action })
                : t(`appealsUi.history.${first.action}`, { defaultValue: first.action })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {formatInstant(first.at)} · {first.operator ?? t('appealsUi.history.unknownOperator')}
            </Typography.Text>
          </Flex>
          {first.field === 'attachment' ? (
            group.map((event) => <Typography.Text key={event.newValue}>{attachmentSummary(event, t)}</Typography.Text>)
          ) : first.action === 'create' ? (
            <Typography.Text>{createdSummary(first, t)}</Typography.Text>
          ) : first.action === 'reveal' ? (
            <Typography.Text>{revealedSummary(first, t)}</Typography.Text>
          ) : first.action === 'export' ? (
            group.map((event, i) => <Typography.Text key={i}>{exportedSummary(event, t)}</Typography.Text>)
          ) : (
            group.map(change)
          )}
        </Flex>
      ),
    }
  })

  return (
    <Card size="small" title={t('appealsUi.card.history')} data-testid="history">
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : <Timeline items={items} />}
    </Card>
  )
}
