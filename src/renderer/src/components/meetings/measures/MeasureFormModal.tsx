import { App, AutoComplete, Form, Input, Select } from 'antd'
import { DateField } from '../../common/DateField'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { MeetingMeasure, ReportMeetingDetails } from '@shared/api/contract'
import { call } from '../../../api/client'
import { FormModal } from '../../common/FormModal'
import { DATE_FORMAT } from '../../../lib/format'
import { isoDateItem } from '../../../lib/dateInputs'

/** The dialog's fields carry the API's names, so a refusal lands under the field it names. */
interface Values {
  text: string
  responsible: string
  dueOn: string | null
  appealId: number | null
  doneOn: string | null
  doneNote: string | null
}

interface Props {
  meeting: ReportMeetingDetails
  /** null: a new measure. */
  measure: MeetingMeasure | null
  onClose: () => void
  onSaved: () => void
}

/**
 * Adds a measure to the meeting or edits one: what was promised, who answers for it, by when,
 * and the question it answers. A done measure's date and note are edited here too.
 */
export function MeasureFormModal({ meeting, measure, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const initialValues: Values = {
    text: measure?.text ?? '',
    responsible: measure?.responsible ?? '',
    dueOn: measure?.dueOn ?? null,
    appealId: measure?.appealId ?? null,
    doneOn: measure?.doneOn ?? null,
    doneNote: measure?.doneNote ?? null,
  }
  // Bodies already named at this meeting, offered again: the same department usually takes several measures.
  const bodies = [...new Set(meeting.measures.map((m) => m.responsible))].map((value) => ({ value }))
  const questions = meeting.questions.map((q) => ({ value: q.id, label: `№ ${q.regNumber} — ${q.summary}` }))

  const save = async (values: Values) => {
    const fields = {
      text: values.text,
      responsible: values.responsible,
      dueOn: values.dueOn as string,
      appealId: values.appealId,
    }
    if (measure === null) await call('measures.create', { meetingId: meeting.id, ...fields })
    else
      await call('measures.update', {
        id: measure.id,
        version: measure.version,
        ...fields,
        doneOn: values.doneOn,
        doneNote: values.doneNote,
      })
    void message.success(t('meetingsUi.measures.saved'))
    onSaved()
  }

  return (
    <FormModal<Values>
      title={measure === null ? t('meetingsUi.measures.newTitle') : t('meetingsUi.measures.editTitle')}
      initialValues={initialValues}
      onClose={onClose}
      onReload={onSaved}
      onSubmit={save}
    >
      <Form.Item name="text" label={t('meetingsUi.measures.text')}>
        <Input.TextArea
          autoFocus
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder={t('meetingsUi.measures.textHint')}
        />
      </Form.Item>
      <Form.Item name="responsible" label={t('meetingsUi.measures.responsible')}>
        <AutoComplete
          options={bodies}
          showSearch={{
            filterOption: (typed, option) =>
              String(option?.value ?? '')
                .toLowerCase()
                .includes(typed.toLowerCase()),
          }}
          placeholder={t('meetingsUi.measures.responsibleHint')}
          maxLength={300}
        />
      </Form.Item>
      <Form.Item name="dueOn" label={t('meetingsUi.measures.dueOn')} {...isoDateItem}>
        {/* Dates before the meeting stay typeable: the API's message says why they are refused. */}
        <DateField format={DATE_FORMAT} needConfirm={false} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="appealId"
        label={t('meetingsUi.measures.question')}
        extra={t('meetingsUi.measures.questionHint')}
      >
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={questions}
          notFoundContent={t('meetingsUi.shares.empty')}
        />
      </Form.Item>
      {measure?.doneOn && (
        <>
          <Form.Item name="doneOn" label={t('meetingsUi.measures.doneOn')} {...isoDateItem}>
            <DateField
              format={DATE_FORMAT}
              needConfirm={false}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Form.Item name="doneNote" label={t('meetingsUi.measures.doneNote')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  )
}
