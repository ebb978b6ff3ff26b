import { App } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { ApiInput, Appeal } from '@shared/api/contract'
import { call } from '../../../api/client'
import { FormModal } from '../../common/FormModal'
import { reloadInto } from '../card/reloadAppeal'
import { AnswerDetailsFields, type AnswerDetailsValues } from './AnswerDetailsFields'

/** The card's edit of an answered appeal's details: the outgoing number arrives later, a typo is put right. */
export function AnswerDetailsModal({
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
  const answer = appeal.answer
  const outsideDates = (date: Dayjs) => date.isBefore(dayjs(appeal.registeredOn), 'day') || date.isAfter(dayjs(), 'day')
  return (
    <FormModal<AnswerDetailsValues>
      title={`${t('answers.editDetails')} — № ${appeal.regNumber}`}
      initialValues={{
        outgoingNumber: answer?.outgoingNumber ?? '',
        outgoingOn: answer?.outgoingOn ?? null,
        signatoryId: answer?.signatoryId ?? null,
        signatoryName: answer?.signatoryId ? '' : (answer?.signatoryName ?? ''),
        delivery: answer?.delivery ?? null,
      }}
      onClose={onClose}
      onReload={reloadInto(appeal.id, onDone)}
      onSubmit={async (values) => {
        const changed = await call('appeals.updateAnswer', {
          id: appeal.id,
          version: appeal.version,
          ...values,
          delivery: values.delivery as ApiInput<'appeals.updateAnswer'>['delivery'],
        })
        void message.success(t('appealsUi.action.done'))
        onDone(changed)
      }}
    >
      <AnswerDetailsFields outsideDates={outsideDates} />
    </FormModal>
  )
}
