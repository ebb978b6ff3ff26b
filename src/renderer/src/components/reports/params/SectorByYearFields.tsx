import { Form, InputNumber, Radio } from 'antd'
import { useTranslation } from 'react-i18next'
import { fieldError } from './fieldError'
import { LocalitySelect } from './LocalitySelect'
import type { ParamFieldsProps } from './types'

/** Sector by year: the years (one table column pair each), the source of the counts, a locality. */
export function SectorByYearFields({ value, onChange, errors }: ParamFieldsProps<'sector-by-year'>) {
  const { t } = useTranslation()
  const year = (key: 'from' | 'to') => (
    <Form.Item label={t(`reportsUi.params.${key}Year`)} {...fieldError(errors, key)} style={{ width: 130 }}>
      <InputNumber<number>
        aria-label={t(`reportsUi.params.${key}Year`)}
        data-testid={`param-${key}-year`}
        min={2000}
        max={2100}
        precision={0}
        controls
        value={value[key]}
        // An emptied field stays empty on screen; the API then names the missing year.
        onChange={(next) => onChange({ ...value, [key]: next ?? undefined })}
        style={{ width: '100%' }}
      />
    </Form.Item>
  )
  return (
    <>
      {year('from')}
      {year('to')}
      <Form.Item label={t('reportsUi.params.source')} {...fieldError(errors, 'source')}>
        <Radio.Group
          optionType="button"
          value={value.source ?? 'meetings'}
          onChange={(event) => onChange({ ...value, source: event.target.value as 'meetings' | 'all' })}
          options={[
            { value: 'meetings', label: t('reportsUi.params.sourceMeetings') },
            { value: 'all', label: t('reportsUi.params.sourceAll') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('reportsUi.params.locality')} {...fieldError(errors, 'localityId')} style={{ width: 260 }}>
        <LocalitySelect value={value.localityId} onChange={(localityId) => onChange({ ...value, localityId })} />
      </Form.Item>
    </>
  )
}
