import { DatePicker, Form } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { quarterDates } from '../reportParams'
import { fieldError } from './fieldError'
import { LocalitySelect } from './LocalitySelect'
import type { ParamFieldsProps } from './types'

/** 'YYYY-Qn' (the API's form) ⇄ the first day of the quarter (the picker's). */
const toPicker = (quarter: string | undefined): Dayjs | null => (quarter ? dayjs(quarterDates(quarter).from) : null)
const fromPicker = (day: Dayjs | null): string | undefined =>
  day ? `${day.year()}-Q${Math.floor(day.month() / 3) + 1}` : undefined

/** Quarterly report: the quarter (a quarter picker in the user's language) and a locality. */
export function QuarterlyFields({ value, onChange, errors }: ParamFieldsProps<'quarterly'>) {
  const { t } = useTranslation()
  return (
    <>
      <Form.Item label={t('reportsUi.params.quarter')} {...fieldError(errors, 'quarter')} style={{ width: 170 }}>
        <DatePicker
          picker="quarter"
          aria-label={t('reportsUi.params.quarter')}
          data-testid="param-quarter"
          allowClear={false}
          value={toPicker(value.quarter)}
          onChange={(day) => onChange({ ...value, quarter: fromPicker(day) })}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item label={t('reportsUi.params.locality')} {...fieldError(errors, 'localityId')} style={{ width: 260 }}>
        <LocalitySelect value={value.localityId} onChange={(localityId) => onChange({ ...value, localityId })} />
      </Form.Item>
    </>
  )
}
