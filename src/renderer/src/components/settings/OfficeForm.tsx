import { useEffect, useState } from 'react'
import { Alert, App, Button, Col, Form, Input, Row, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { OfficeIdentity } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { clearErrorsOnChange } from '../common/formHandlers'
import { useApiSubmit } from '../common/useApiSubmit'

const FIELDS: (keyof OfficeIdentity)[] = [
  'nameKk',
  'nameRu',
  'district',
  'region',
  'addressKk',
  'addressRu',
  'headName',
  'headPosition',
  'headPositionRu',
  'sourceNoteKk',
  'sourceNoteRu',
]
/** Fields with a hint under them (what an empty value means). */
const HINTED = new Set<keyof OfficeIdentity>(['sourceNoteKk', 'sourceNoteRu'])

/** Who the office is (printed on receipts and report headers): office.get / office.update. */
export function OfficeForm() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<OfficeIdentity>()
  const [loaded, setLoaded] = useState(false)
  const [loadFailure, setLoadFailure] = useState<unknown>(null)

  // Loads once (not again on a language switch, which would wipe what was typed).
  useEffect(() => {
    call('office.get', {}).then((office) => {
      form.setFieldsValue(office)
      setLoaded(true)
    }, setLoadFailure)
  }, [form])

  const { saving, generalError, submit } = useApiSubmit(form, async (values) => {
    form.setFieldsValue(await call('office.update', values))
    void message.success(t('settingsUi.common.saved'))
  })

  return (
    <Spin spinning={!loaded && !loadFailure}>
      <Form<OfficeIdentity>
        form={form}
        layout="vertical"
        style={{ maxWidth: 880 }}
        // Closed until the saved values are in: typing before that would be overwritten by them.
        disabled={!loaded}
        initialValues={Object.fromEntries(FIELDS.map((field) => [field, '']))}
        onValuesChange={clearErrorsOnChange(form)}
        onFinish={submit}
      >
        <Typography.Paragraph type="secondary">{t('settingsUi.office.hint')}</Typography.Paragraph>
        {loadFailure !== null && (
          <Alert type="error" showIcon title={showApiError(loadFailure, t)} style={{ marginBottom: 16 }} />
        )}
        {generalError && <Alert type="error" showIcon title={generalError} style={{ marginBottom: 16 }} />}
        <Row gutter={24}>
          {FIELDS.map((field) => (
            <Col key={field} xs={24} md={12}>
              <Form.Item
                name={field}
                label={t(`settingsUi.office.${field}`)}
                extra={HINTED.has(field) ? t('settingsUi.office.sourceNoteHint') : undefined}
              >
                <Input maxLength={300} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Form>
    </Spin>
  )
}
