import { App, Form, Input, Select } from 'antd'
import { DateField } from '../../common/DateField'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { Appeal, ApiInput } from '@shared/api/contract'
import type { AppealOutcome } from '@shared/domain/appeal'
import { call } from '../../../api/client'
import { DATE_FORMAT } from '../../../lib/format'
import { isoDateItem, todayIso } from '../../../lib/dateInputs'
import { FOLDED_SEARCH } from '../../../lib/foldedSearch'
import { useAppealOptions } from '../useAppealOptions'
import { FormModal } from '../../common/FormModal'
import { reloadInto } from './reloadAppeal'
import { AnswerDetailsFields, EMPTY_ANSWER_DETAILS, type AnswerDetailsValues } from '../answer/AnswerDetailsFields'

/** The transitions that need details: all but "take into work". */
export type ClosingStatus = 'answered' | 'redirected' | 'left_without_consideration' | 'withdrawn'

interface Values extends AnswerDetailsValues {
  outcome: AppealOutcome | null
  answerText: string
  answeredOn: string | null
  redirectedTo: string
  redirectedOn: string | null
  reason: string
}

function toInput(
  { id, version }: Pick<Appeal, 'id' | 'version'>,
  to: ClosingStatus,
  values: Values,
): ApiInput<'appeals.transition'> {
  switch (to) {
    case 'answered':
      // A missing choice is sent as it is: the API names it under its field.
      return {
        id,
        version,
        to,
        outcome: values.outcome as AppealOutcome,
        answerText: values.answerText,
        answeredOn: values.answeredOn as string,
        outgoingNumber: values.outgoingNumber,
        outgoingOn: values.outgoingOn,
        signatoryId: values.signatoryId,
        signatoryName: values.signatoryName,
        delivery: values.delivery as ApiInput<'appeals.updateAnswer'>['delivery'],
      }
    case 'redirected':
      return { id, version, to, redirectedTo: values.redirectedTo, redirectedOn: values.redirectedOn as string }
    case 'left_without_consideration':
    case 'withdrawn':
      return { id, version, to, reason: values.reason }
  }
}

/**
 * Answer, redirect, leave without consideration, or record a withdrawal: each with what the
 * law asks to keep (outcome and answer; to whom and when; the reason). Dates may not be before
 * registration or in the future.
 */
export function TransitionModal({
  appeal,
  to,
  onClose,
  onDone,
}: {
  appeal: Appeal
  to: ClosingStatus
  onClose: () => void
  onDone: (appeal: Appeal) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const options = useAppealOptions()
  const today = todayIso()
  const outsideReview = (date: Dayjs) =>
    date.isBefore(dayjs(appeal.registeredOn), 'day') || date.isAfter(dayjs(), 'day')
  const dateField = (name: 'answeredOn' | 'redirectedOn') => (
    <Form.Item name={name} label={t(`appealsUi.field.${name}`)} {...isoDateItem}>
      <DateField format={DATE_FORMAT} needConfirm={false} disabledDate={outsideReview} style={{ width: 200 }} />
    </Form.Item>
  )

  return (
    <FormModal<Values>
      title={`${t(`appealsUi.action.${to}`)} — № ${appeal.regNumber}`}
      initialValues={{
        outcome: null,
        answerText: '',
        answeredOn: today,
        redirectedTo: '',
        redirectedOn: today,
        reason: '',
        ...EMPTY_ANSWER_DETAILS,
      }}
      onClose={onClose}
      onReload={reloadInto(appeal.id, onDone)}
      onSubmit={async (values) => {
        const changed = await call('appeals.transition', toInput(appeal, to, values))
        void message.success(t('appealsUi.action.done'))
        onDone(changed)
      }}
    >
      {to === 'answered' && (
        <>
          <Form.Item name="outcome" label={t('appealsUi.field.outcome')}>
            <Select
              autoFocus
              showSearch={FOLDED_SEARCH}
              options={options.outcomes}
              placeholder={t('appealsUi.form.choose')}
            />
          </Form.Item>
          <Form.Item name="answerText" label={t('appealsUi.field.answerText')}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={8000} />
          </Form.Item>
          {dateField('answeredOn')}
          <AnswerDetailsFields outsideDates={outsideReview} />
        </>
      )}
      {to === 'redirected' && (
        <>
          <Form.Item
            name="redirectedTo"
            label={t('appealsUi.field.redirectedTo')}
            extra={t('appealsUi.card.redirectHint')}
          >
            <Input autoFocus maxLength={300} />
          </Form.Item>
          {dateField('redirectedOn')}
        </>
      )}
      {(to === 'left_without_consideration' || to === 'withdrawn') && (
        <Form.Item name="reason" label={t('appealsUi.field.closingReason')}>
          <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      )}
    </FormModal>
  )
}
