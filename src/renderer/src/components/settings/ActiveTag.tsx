import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'

/** "Active" / "Deactivated" in the staff and locality tables (catalog rows are never deleted). */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation()
  return active ? <Tag color="green">{t('settingsUi.common.yes')}</Tag> : <Tag>{t('settingsUi.common.inactive')}</Tag>
}
