import { App, Form, Input } from 'antd'
import { DateField } from '../../common/DateField'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { MeetingMeasure } from '@shared/api/contract'
import { ApiCallError, call } from '../../../api/client'
import { FormModal } from '../../common/FormModal'
import { DATE_FORMAT } from '../../../lib/format'
import { isoDateItem, todayIso } from '../../../lib/dateInputs'
import { asItIs } from './measureCalls'

interface Values {
  doneOn: string | null
  doneNote: string | null
}

/** Marks a measure done: on which day (today unless told otherwise) and, if the clerk wants, what was done. */
export function MeasureDoneModal({
  measure,
  onClose,
  onSaved,
}: {
  measure: MeetingMeasure
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  return (
    <FormModal<Values>
      title={t('meetingsUi.measures.doneTitle')}
      initialValues={{ doneOn: todayIso(), doneNote: null }}
      onClose={onClose}
      onReload={onSaved}
      onSubmit={async (values) => {
        // To the API an empty done date means "not done" (a reopening), so here it is asked for.
        if (!values.doneOn)
          throw new ApiCallError({
            code: 'validation',
            messageKey: 'errors.validation',
            issues: [{ path: ['doneOn'], messageKey: 'validation.required' }],
          })
        await call('measures.update', { ...asItIs(measure), doneOn: values.doneOn, doneNote: values.doneNote })
        void message.success(t('meetingsUi.measures.saved'))
        onSaved()
      }}
    >
      <p style={{ marginTop: 0 }}>{measure.text}</p>
      <Form.Item name="doneOn" label={t('meetingsUi.measures.doneOn')} {...isoDateItem}>
        <DateField
          format={DATE_FORMAT}
          needConfirm={false}
          allowClear={false}
          autoFocus
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item name="doneNote" label={t('meetingsUi.measures.doneNote')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder={t('meetingsUi.measures.doneNoteHint')}
        />
      </Form.Item>
    </FormModal>
  )
}
