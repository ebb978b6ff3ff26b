import { Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { useRoute } from '../../hooks/useRoute'
import { AppealCardPage } from './AppealCardPage'
import { AppealsListPage } from './AppealsListPage'
import { EditAppealPage } from './EditAppealPage'
import { NewAppealPage } from './NewAppealPage'

/**
 * The appeals section and its addresses:
 *   #/appeals            the register (list)
 *   #/appeals/new        quick registration at the reception desk
 *   #/appeals/<id>       the appeal card
 *   #/appeals/<id>/edit  editing a registered appeal
 */
export function AppealsPage() {
  const { t } = useTranslation()
  const [, target, action] = useRoute()
  if (!target) return <AppealsListPage />
  if (target === 'new') return <NewAppealPage />

  const id = Number(target)
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title={t('errors.appealNotFound')} />
  // Keyed by id: moving from one appeal to another (a repeat link) loads the other afresh.
  if (action === 'edit') return <EditAppealPage key={id} id={id} />
  return <AppealCardPage key={id} id={id} />
}
