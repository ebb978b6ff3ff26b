import { Form, Input, Select, Switch, Typography } from 'antd'
import { DateField } from '../common/DateField'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import type { CalendarEditResult, KeptCalendarDay } from '@shared/api/contract'
import { CALENDAR_DAY_KINDS } from '@shared/domain/calendar'
import { call } from '../../api/client'
import { DATE_FORMAT, formatDate } from '../../lib/format'
import { isoDateItem } from '../../lib/dateInputs'
import { FormModal } from '../common/FormModal'

interface Values {
  date: string | null
  kind: KeptCalendarDay['kind']
  note: string
  source: string
  confirmed: boolean
  reason: string
}

/**
 * Adds a day to the calendar or changes one (its date stays; remove it and add another to move
 * it). The reason goes into the history with the change.
 */
export function CalendarDayModal({
  day,
  year,
  onClose,
  onSaved,
}: {
  /** The day to change; null to add one in `year`. */
  day: KeptCalendarDay | null
  year: number
  onClose: () => void
  onSaved: (result: CalendarEditResult) => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()

  const submit = async ({ date, reason, ...rest }: Values) => {
    // A missing date is sent as it is: the API says which field is wrong, in the current language.
    onSaved(await call('calendar.saveDay', { date: date as string, reason, ...rest }))
  }

  return (
    <FormModal<Values>
      title={day ? t('calendarUi.editTitle', { date: formatDate(day.date) }) : t('calendarUi.addTitle')}
      form={form}
      initialValues={{
        date: day?.date ?? null,
        kind: day?.kind ?? 'day_off',
        note: day?.note ?? '',
        source: day?.source ?? '',
        confirmed: day?.confirmed ?? true,
        reason: '',
      }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="date" label={t('settingsUi.calendar.date')} {...isoDateItem}>
        <DateField
          format={DATE_FORMAT}
          disabled={day !== null}
          defaultPickerValue={dayjs(`${year}-01-01`)}
          data-testid="calendar-day-date"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('settingsUi.calendar.kind')}>
        <Select
          data-testid="calendar-day-kind"
          options={CALENDAR_DAY_KINDS.map((kind) => ({ value: kind, label: t(`calendarKind.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('settingsUi.calendar.note')}>
        <Input maxLength={300} data-testid="calendar-day-note" />
      </Form.Item>
      <Form.Item name="source" label={t('calendarUi.source')}>
        <Input.TextArea autoSize maxLength={500} data-testid="calendar-day-source" />
      </Form.Item>
      <Form.Item name="confirmed" label={t('calendarUi.confirmed')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="reason" label={t('calendarUi.reason')}>
        <Input.TextArea autoSize maxLength={300} data-testid="calendar-day-reason" />
      </Form.Item>
    </FormModal>
  )
}

/** Removes a day: it becomes an ordinary day of its weekday. The reason goes into the history. */
export function CalendarRemoveModal({
  day,
  onClose,
  onRemoved,
}: {
  day: KeptCalendarDay
  onClose: () => void
  onRemoved: (result: CalendarEditResult) => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ reason: string }>()
  return (
    <FormModal<{ reason: string }>
      title={t('calendarUi.removeTitle', { date: formatDate(day.date) })}
      form={form}
      initialValues={{ reason: '' }}
      onSubmit={async ({ reason }) => onRemoved(await call('calendar.removeDay', { date: day.date, reason }))}
      onClose={onClose}
    >
      <Typography.Paragraph>
        {t('calendarUi.removeBody', { weekday: dayjs(day.date).format('dddd') })}
      </Typography.Paragraph>
      <Form.Item name="reason" label={t('calendarUi.reason')}>
        <Input.TextArea autoSize maxLength={300} data-testid="calendar-remove-reason" />
      </Form.Item>
    </FormModal>
  )
}
