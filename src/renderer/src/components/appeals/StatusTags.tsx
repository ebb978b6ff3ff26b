import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AppealSummary } from '@shared/api/contract'
import type { AppealStatus } from '@shared/domain/appeal'

/** Red and orange are kept for deadlines, so a status never looks like a warning. */
const STATUS_COLORS: Record<AppealStatus, string> = {
  registered: 'geekblue',
  in_progress: 'cyan',
  answered: 'green',
  redirected: 'purple',
  left_without_consideration: 'default',
  withdrawn: 'default',
  annulled: 'default',
}

export function StatusTag({ status }: { status: AppealStatus }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="status-tag">
      {t(`status.${status}`)}
    </Tag>
  )
}

/**
 * Overdue (red) or due this week (orange), nothing for an appeal with time left or closed; and
 * "provisional" beside it when the deadline runs through a year the calendar does not hold.
 */
export function DeadlineTag({ appeal }: { appeal: Pick<AppealSummary, 'overdue' | 'dueThisWeek' | 'dueProvisional'> }) {
  const { t } = useTranslation()
  const provisional = appeal.dueProvisional && (
    <Tooltip title={t('provisional.hint')}>
      <Tag color="gold" data-testid="provisional-tag">
        {t('provisional.tag')}
      </Tag>
    </Tooltip>
  )
  if (appeal.overdue)
    return (
      <>
        <Tag color="red">{t('appealsUi.tag.overdue')}</Tag>
        {provisional}
      </>
    )
  if (appeal.dueThisWeek)
    return (
      <>
        <Tag color="orange">{t('appealsUi.tag.dueThisWeek')}</Tag>
        {provisional}
      </>
    )
  return provisional || null
}
