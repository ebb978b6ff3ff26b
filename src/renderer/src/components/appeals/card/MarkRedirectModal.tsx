import { App, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Appeal } from '@shared/api/contract'
import { call } from '../../../api/client'
import { FormModal } from '../../common/FormModal'
import { reloadInto } from './reloadAppeal'

/**
 * Marks an open appeal as outside the office's competence: the core stores its redirect
 * deadline (3 working days from registration) now, and the list and dashboard show it as due.
 */
export function MarkRedirectModal({
  appeal,
  onClose,
  onDone,
}: {
  appeal: Appeal
  onClose: () => void
  onDone: (appeal: Appeal) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  return (
    <FormModal<{ id: number }>
      title={`${t('noticesUi.card.markForRedirect')} — № ${appeal.regNumber}`}
      initialValues={{ id: appeal.id }}
      onClose={onClose}
      onReload={reloadInto(appeal.id, onDone)}
      onSubmit={async () => {
        const marked = await call('appeals.markForRedirect', { id: appeal.id, version: appeal.version })
        void message.success(t('appealsUi.action.done'))
        onDone(marked)
      }}
    >
      <Typography.Paragraph type="secondary">{t('noticesUi.card.markHint')}</Typography.Paragraph>
    </FormModal>
  )
}
