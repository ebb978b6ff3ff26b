import { App, Form, Input, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Appeal } from '@shared/api/contract'
import { call } from '../../../api/client'
import { FormModal } from '../../common/FormModal'
import { reloadInto } from './reloadAppeal'

/**
 * Annuls an entry made by mistake, with its reason (the head or an administrator; the core
 * checks the role). The entry stays in the register and the history, out of every count.
 */
export function AnnulModal({
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
    <FormModal<{ reason: string }>
      title={`${t('appealsUi.action.annul')} — № ${appeal.regNumber}`}
      initialValues={{ reason: '' }}
      onClose={onClose}
      onReload={reloadInto(appeal.id, onDone)}
      onSubmit={async ({ reason }) => {
        const annulled = await call('appeals.annul', { id: appeal.id, version: appeal.version, reason })
        void message.success(t('appealsUi.action.done'))
        onDone(annulled)
      }}
    >
      <Typography.Paragraph type="secondary">{t('appealsUi.annul.hint')}</Typography.Paragraph>
      <Form.Item name="reason" label={t('appealsUi.field.annulmentReason')}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}
