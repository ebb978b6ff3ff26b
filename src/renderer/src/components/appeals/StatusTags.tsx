import type { ReactNode } from 'react'
import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AppealSummary } from '@shared/api/contract'
import type { AppealStatus } from '@shared/domain/appeal'
import { formatDate } from '../../lib/format'

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

/**
 * The notice of an extension still to be given and a redirect to be made, from the stored due
 * dates: a short tag (the list's row is one line), orange while due, red once overdue or late,
 * its date in the tooltip; nothing once done in time.
 */
export function NoticeRedirectTags({
  appeal,
}: {
  appeal: Pick<
    AppealSummary,
    'status' | 'noticeDueOn' | 'noticeSentOn' | 'noticeOverdue' | 'redirectDueOn' | 'redirectLate'
  >
}) {
  const { t } = useTranslation()
  const open = appeal.status === 'registered' || appeal.status === 'in_progress'
  const marker = (kind: 'notice' | 'redirect', late: boolean, date: string) => (
    <Tooltip
      key={kind}
      title={
        late
          ? `${t(`noticesUi.tag.${kind}Late`)} (${formatDate(date)})`
          : t(`noticesUi.tag.${kind}Due`, { date: formatDate(date) })
      }
    >
      <Tag color={late ? 'red' : 'orange'} data-testid={`${kind}-tag`} data-late={late}>
        {t(`noticesUi.tag.${kind}`)}
      </Tag>
    </Tooltip>
  )
  const tags: ReactNode[] = []
  if (appeal.noticeDueOn && (appeal.noticeOverdue || (open && !appeal.noticeSentOn)))
    tags.push(marker('notice', appeal.noticeOverdue, appeal.noticeDueOn))
  if (appeal.redirectDueOn && (appeal.redirectLate || open))
    tags.push(marker('redirect', appeal.redirectLate, appeal.redirectDueOn))
  return tags.length > 0 ? <>{tags}</> : null
}
