import { Form, Input, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ANSWER_DELIVERIES } from '@shared/domain/answer'
import { useCatalogs } from '../../../hooks/useCatalogs'
import { isoDateItem } from '../../../lib/dateInputs'
import { DATE_FORMAT } from '../../../lib/format'
import { FOLDED_SEARCH } from '../../../lib/foldedSearch'
import { DateField } from '../../common/DateField'

/** The form values of the answer's details, as the contract takes them (answers.ts). */
export interface AnswerDetailsValues {
  outgoingNumber: string
  outgoingOn: string | null
  signatoryId: number | null
  signatoryName: string
  delivery: string | null
}

export const EMPTY_ANSWER_DETAILS: AnswerDetailsValues = {
  outgoingNumber: '',
  outgoingOn: null,
  signatoryId: null,
  signatoryName: '',
  delivery: null,
}

/**
 * The outgoing number and date, the signatory (from the staff list, or typed when the signer is
 * not on it) and the delivery, in the answer dialog and the card's edit of an answered appeal.
 * `outsideDates` disables days before registration and after today, as the API refuses them.
 */
export function AnswerDetailsFields({ outsideDates }: { outsideDates: (date: Dayjs) => boolean }) {
  const { t } = useTranslation()
  const { staff } = useCatalogs()
  const signers = useMemo(
    () => staff.map((m) => ({ value: m.id, label: `${m.fullName}, ${m.position}`, disabled: !m.active })),
    [staff],
  )
  const deliveries = ANSWER_DELIVERIES.map((value) => ({ value, label: t(`answerDelivery.${value}`) }))
  return (
    <>
      <Form.Item name="outgoingNumber" label={t('answers.outgoingNumber')}>
        <Input maxLength={64} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="outgoingOn" label={t('answers.outgoingOn')} {...isoDateItem}>
        <DateField format={DATE_FORMAT} needConfirm={false} disabledDate={outsideDates} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="signatoryId" label={`${t('answers.signatory')}: ${t('answers.signatoryStaff')}`}>
        <Select allowClear showSearch={FOLDED_SEARCH} options={signers} placeholder={t('appealsUi.form.choose')} />
      </Form.Item>
      <Form.Item name="signatoryName" label={`${t('answers.signatory')}: ${t('answers.signatoryOther')}`}>
        <Input maxLength={200} placeholder={t('answers.signatoryName')} />
      </Form.Item>
      <Form.Item name="delivery" label={t('answers.delivery')}>
        <Select
          allowClear
          showSearch={FOLDED_SEARCH}
          options={deliveries}
          placeholder={t('appealsUi.form.choose')}
          style={{ width: 280 }}
        />
      </Form.Item>
    </>
  )
}
