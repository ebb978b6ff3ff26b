import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AppealStatus } from '@shared/domain/appeal'

const COLORS: Record<AppealStatus, string> = {
  registered: 'blue',
  in_progress: 'gold',
  answered: 'green',
  redirected: 'purple',
  left_without_consideration: 'default',
  withdrawn: 'default',
  annulled: 'default',
}

/** An appeal's status, named in the current language. */
export function StatusTag({ status }: { status: AppealStatus }) {
  const { t } = useTranslation()
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>
}
