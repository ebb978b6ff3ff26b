import { Tag } from 'antd'
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

/** Overdue (red) or due this week (orange); nothing for an appeal with time left or closed. */
export function DeadlineTag({ appeal }: { appeal: Pick<AppealSummary, 'overdue' | 'dueThisWeek'> }) {
  const { t } = useTranslation()
  if (appeal.overdue) return <Tag color="red">{t('appealsUi.tag.overdue')}</Tag>
  if (appeal.dueThisWeek) return <Tag color="orange">{t('appealsUi.tag.dueThisWeek')}</Tag>
  return null
}
