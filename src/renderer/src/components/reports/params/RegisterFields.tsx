import { DatePicker, Form } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { DATE_FORMAT } from '../../../lib/format'
import { fieldError } from './fieldError'
import { LocalitySelect } from './LocalitySelect'
import type { ParamFieldsProps } from './types'

/** Register: the registration period (both ends included) and a locality. */
export function RegisterFields({ value, onChange, errors }: ParamFieldsProps<'register'>) {
  const { t } = useTranslation()
  const date = (key: 'from' | 'to') => (
    <Form.Item label={t(`reportsUi.params.${key}`)} {...fieldError(errors, key)} style={{ width: 170 }}>
      <DatePicker
        aria-label={t(`reportsUi.params.${key}`)}
        data-testid={`param-${key}-date`}
        format={DATE_FORMAT}
        allowClear={false}
        value={value[key] ? dayjs(value[key]) : null}
        onChange={(day) => onChange({ ...value, [key]: day ? day.format('YYYY-MM-DD') : undefined })}
        style={{ width: '100%' }}
      />
    </Form.Item>
  )
  return (
    <>
      {date('from')}
      {date('to')}
      <Form.Item label={t('reportsUi.params.locality')} {...fieldError(errors, 'localityId')} style={{ width: 260 }}>
        <LocalitySelect value={value.localityId} onChange={(localityId) => onChange({ ...value, localityId })} />
      </Form.Item>
    </>
  )
}
