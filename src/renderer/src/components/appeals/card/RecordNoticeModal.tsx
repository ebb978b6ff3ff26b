import { App, Form } from 'antd'
import { DateField } from '../../common/DateField'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { Appeal } from '@shared/api/contract'
import { call } from '../../../api/client'
import { DATE_FORMAT } from '../../../lib/format'
import { isoDateItem, todayIso } from '../../../lib/dateInputs'
import { FormModal } from '../../common/FormModal'
import { reloadInto } from './reloadAppeal'

/** Records the day the applicant was told of the extension: on or after the decision, not later than today. */
export function RecordNoticeModal({
  appeal,
  onClose,
  onDone,
}: {
  appeal: Appeal & { extension: NonNullable<Appeal['extension']> }
  onClose: () => void
  onDone: (appeal: Appeal) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const outside = (date: Dayjs) =>
    date.isBefore(dayjs(appeal.extension.decidedOn), 'day') || date.isAfter(dayjs(), 'day')
  return (
    <FormModal<{ notifiedOn: string | null }>
      title={`${t('noticesUi.card.recordNotice')} — № ${appeal.regNumber}`}
      initialValues={{ notifiedOn: todayIso() }}
      onClose={onClose}
      onReload={reloadInto(appeal.id, onDone)}
      onSubmit={async ({ notifiedOn }) => {
        const told = await call('appeals.recordNotice', {
          id: appeal.id,
          version: appeal.version,
          notifiedOn: notifiedOn as string,
        })
        void message.success(t('appealsUi.action.done'))
        onDone(told)
      }}
    >
      <Form.Item
        name="notifiedOn"
        label={t('appealsUi.field.extensionNotifiedOn')}
        extra={t('appealsUi.extend.notifyHint')}
        {...isoDateItem}
      >
        <DateField format={DATE_FORMAT} needConfirm={false} disabledDate={outside} autoFocus style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  )
}
