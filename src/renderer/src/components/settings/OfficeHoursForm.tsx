import { useEffect, useRef, useState } from 'react'
import { App, Alert, Button, Card, Form, Input, Space, Switch, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { OfficeHours } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { whileSaving } from '../../lib/unsavedWork'
import { useFormChanges, useUnsavedWork } from '../common/useUnsavedWork'

/** Before the saved hours are in (the form is closed until then). */
const UNLOADED: OfficeHours = { opensAt: '', closesAt: '', saturdayWork: false }

/** Opening and closing time and Saturday work: which day an appeal is registered on (calendar.setHours). */
export function OfficeHoursForm() {
  const { t } = useTranslation()
  // the latest language for a failed load's message, without loading again on a switch
  const tRef = useRef(t)
  tRef.current = t
  const { message } = App.useApp()
  const [form] = Form.useForm<OfficeHours>()
  const [loaded, setLoaded] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  // Changes count from the hours as saved (rebased on load and on save): leaving with typed hours asks first.
  const { changedNow, rebase } = useFormChanges(form, UNLOADED)
  useUnsavedWork(() => loaded && changedNow())

  // Loads once (not again on a language switch, which would wipe what was typed).
  useEffect(() => {
    call('calendar.hours', {}).then(
      (hours) => {
        form.setFieldsValue(hours)
        rebase()
        setLoaded(true)
      },
      (error: unknown) => setFailure(showApiError(error, tRef.current)),
    )
  }, [form, rebase])

  const save = async () => {
    setSaving(true)
    setFailure(null)
    try {
      form.setFieldsValue(await whileSaving(() => call('calendar.setHours', form.getFieldsValue(true) as OfficeHours)))
      rebase()
      void message.success(t('calendarUi.hours.saved'))
    } catch (error) {
      setFailure(showApiError(error, t, form))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Card size="small" title={t('calendarUi.hours.title')} data-testid="office-hours">
      <Typography.Paragraph type="secondary">{t('calendarUi.hours.hint')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form<OfficeHours> form={form} layout="inline" disabled={!loaded} onFinish={() => void save()}>
        <Form.Item name="opensAt" label={t('calendarUi.hours.opensAt')}>
          <Input style={{ width: 80 }} placeholder="09:00" data-testid="hours-opens" />
        </Form.Item>
        <Form.Item name="closesAt" label={t('calendarUi.hours.closesAt')}>
          <Input style={{ width: 80 }} placeholder="18:30" data-testid="hours-closes" />
        </Form.Item>
        <Form.Item name="saturdayWork" label={t('calendarUi.hours.saturdayWork')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  )
}
