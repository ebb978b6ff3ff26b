import { Form, Input, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Sector } from '@shared/domain/sector'
import { call } from '../../api/client'
import { FormModal } from '../common/FormModal'

interface Values {
  code: string
  nameKk: string
  nameRu: string
  nameEn: string
  active: boolean
}

/** Adds a sector (`sector` null) or edits one; the code is fixed once created. */
export function SectorFormModal({
  sector,
  onClose,
  onSaved,
}: {
  sector: Sector | null
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()

  const submit = async ({ code, nameKk, nameRu, nameEn, active }: Values) => {
    if (sector) await call('sectors.update', { id: sector.id, nameKk, nameRu, nameEn, active })
    else await call('sectors.create', { code, nameKk, nameRu, nameEn })
    onSaved()
  }

  return (
    <FormModal<Values>
      title={sector ? t('sectors.editTitle') : t('sectors.addTitle')}
      initialValues={sector ?? { code: '', nameKk: '', nameRu: '', nameEn: '', active: true }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="code" label={t('sectors.code')} extra={sector ? undefined : t('sectors.codeHint')}>
        <Input disabled={Boolean(sector)} autoFocus={!sector} maxLength={32} />
      </Form.Item>
      <Form.Item name="nameKk" label={t('sectors.nameKk')}>
        <Input autoFocus={Boolean(sector)} />
      </Form.Item>
      <Form.Item name="nameRu" label={t('sectors.nameRu')}>
        <Input />
      </Form.Item>
      <Form.Item name="nameEn" label={t('sectors.nameEn')}>
        <Input />
      </Form.Item>
      {sector && (
        <Form.Item name="active" label={t('sectors.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  )
}
