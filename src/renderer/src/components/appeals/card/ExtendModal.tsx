import { App, Form, Input } from 'antd'
import { DateField } from '../../common/DateField'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { Appeal } from '@shared/api/contract'
import { call } from '../../../api/client'
import { DATE_FORMAT, formatDate } from '../../../lib/format'
import { isoDateItem, todayIso } from '../../../lib/dateInputs'
import { FormModal } from '../../common/FormModal'
import { reloadInto } from './reloadAppeal'

interface Values {
  extendedDueOn: string | null
  reason: string
  decidedOn: string | null
  notifiedOn: string | null
}

/**
 * Extends the deadline, once, by the head's motivated decision taken while the term runs: to a
 * date after the one in force and no later than two months from registration (moved to the next
 * working day when that is a day off); the applicant must be told within 3 working days (the
 * notice date can be filled in now or later).
 */
export function ExtendModal({
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
  const outsideLimits = (date: Dayjs) =>
    !date.isAfter(dayjs(appeal.dueOn), 'day') || date.isAfter(dayjs(appeal.maxExtendedDueOn), 'day')
  const notInPast = (date: Dayjs) => date.isBefore(dayjs(appeal.registeredOn), 'day') || date.isAfter(dayjs(), 'day')
  // The decision is taken while the term in force still runs.
  const notAfterTerm = (date: Dayjs) => notInPast(date) || date.isAfter(dayjs(appeal.dueOn), 'day')
  const picker = (disabledDate: (date: Dayjs) => boolean, autoFocus = false) => (
    <DateField
      format={DATE_FORMAT}
      needConfirm={false}
      disabledDate={disabledDate}
      autoFocus={autoFocus}
      style={{ width: 200 }}
    />
  )

  return (
    <FormModal<Values>
      title={`${t('appealsUi.action.extend')} — № ${appeal.regNumber}`}
      initialValues={{ extendedDueOn: null, reason: '', decidedOn: todayIso(), notifiedOn: null }}
      onClose={onClose}
      onReload={reloadInto(appeal.id, onDone)}
      onSubmit={async (values) => {
        const extended = await call('appeals.extend', {
          id: appeal.id,
          version: appeal.version,
          extendedDueOn: values.extendedDueOn as string,
          reason: values.reason,
          decidedOn: values.decidedOn as string,
          notifiedOn: values.notifiedOn,
        })
        void message.success(t('appealsUi.action.done'))
        onDone(extended)
      }}
    >
      <Form.Item
        name="extendedDueOn"
        label={t('appealsUi.extend.newDueOn')}
        extra={t('appealsUi.extend.limits', {
          due: formatDate(appeal.dueOn),
          max: formatDate(appeal.maxExtendedDueOn),
        })}
        {...isoDateItem}
      >
        {picker(outsideLimits, true)}
      </Form.Item>
      <Form.Item name="reason" label={t('appealsUi.field.extensionReason')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="decidedOn" label={t('appealsUi.field.extensionDecidedOn')} {...isoDateItem}>
        {picker(notAfterTerm)}
      </Form.Item>
      <Form.Item
        name="notifiedOn"
        label={t('appealsUi.field.extensionNotifiedOn')}
        extra={t('appealsUi.extend.notifyHint')}
        {...isoDateItem}
      >
        {picker(notInPast)}
      </Form.Item>
    </FormModal>
  )
}
