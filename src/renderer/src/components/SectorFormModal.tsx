import { useState } from 'react'
import { Alert, Form, Input, Modal, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Sector } from '@shared/domain/sector'
import { call } from '../api/client'
import { showApiError } from '../api/formErrors'

interface Values {
  code: string
  nameKk: string
  nameRu: string
  nameEn: string
  active: boolean
}

/**
 * Adds a sector (`sector` null) or edits one. Validation is the API's: its field issues are
 * shown under the fields in the current language, so the rules live in one place.
 */
export function SectorFormModal({ sector, onClose, onSaved }: { sector: Sector | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [generalError, setGeneralError] = useState<string | null>(null)

  const submit = async () => {
    const values = form.getFieldsValue(true) as Values
    setSaving(true)
    setGeneralError(null)
    try {
      if (sector) {
        const { nameKk, nameRu, nameEn, active } = values
        await call('sectors.update', { id: sector.id, nameKk, nameRu, nameEn, active })
      } else {
        const { code, nameKk, nameRu, nameEn } = values
        await call('sectors.create', { code, nameKk, nameRu, nameEn })
      }
      onSaved()
    } catch (error) {
      setGeneralError(showApiError(error, t, form))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={sector ? t('sectors.editTitle') : t('sectors.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={sector ?? { code: '', nameKk: '', nameRu: '', nameEn: '', active: true }}
        onValuesChange={(changed: Partial<Values>) =>
          form.setFields((Object.keys(changed) as (keyof Values)[]).map((name) => ({ name, errors: [] })))
        }
        onFinish={() => void submit()}
      >
        {generalError && <Alert type="error" showIcon message={generalError} style={{ marginBottom: 16 }} />}
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
        {/* Enter in any field submits */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  )
}
