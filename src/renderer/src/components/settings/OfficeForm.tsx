import { useEffect, useState, type ReactNode } from 'react'
import { Alert, App, Button, Col, Form, Input, Row, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { OfficeIdentity } from '@shared/api/contract'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { clearErrorsOnChange, saveOnCtrlEnter } from '../common/formHandlers'
import { useApiSubmit } from '../common/useApiSubmit'
import { useFormChanges, useGuardedAction, useUnsavedWork } from '../common/useUnsavedWork'

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
const BLANK = Object.fromEntries(FIELDS.map((field) => [field, ''])) as unknown as OfficeIdentity

/** What a form that shows the office form in its own frame puts in place of the Save button. */
export interface OfficeFormActions {
  submit: () => void
  saving: boolean
  /** Runs an action that leaves the typed work behind, asking first when there is some. */
  guard: (action: () => void) => void
}

/**
 * Who the office is (printed on receipts and report headers): office.get / office.update.
 * Settings shows it with its Save button; the first-start wizard with its own buttons
 * (`actions`), the first empty field focused for the keyboard (`focusFirstEmpty`), and moves on
 * when it saved (`onSaved`). Ctrl+Enter saves; leaving it with changes asks first.
 */
export function OfficeForm({
  actions,
  onSaved,
  focusFirstEmpty = false,
}: {
  actions?: (props: OfficeFormActions) => ReactNode
  onSaved?: (office: OfficeIdentity) => void
  focusFirstEmpty?: boolean
} = {}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<OfficeIdentity>()
  const [loaded, setLoaded] = useState(false)
  const [loadFailure, setLoadFailure] = useState<unknown>(null)
  // Changes count from the saved identity (rebased on load and on save): leaving the tab or the
  // page with typed changes asks first.
  const { changedNow, rebase } = useFormChanges(form, BLANK)
  useUnsavedWork(() => loaded && changedNow())
  const guard = useGuardedAction(changedNow)

  // Loads once (not again on a language switch, which would wipe what was typed).
  useEffect(() => {
    call('office.get', {}).then((office) => {
      form.setFieldsValue(office)
      rebase()
      setLoaded(true)
    }, setLoadFailure)
  }, [form, rebase])

  // The first field still to fill (the names come from the first-run screen), once the form is open.
  useEffect(() => {
    if (!focusFirstEmpty || !loaded) return
    const empty = FIELDS.find((field) => !form.getFieldValue(field))
    if (empty) form.focusField(empty)
  }, [focusFirstEmpty, loaded, form])

  const { saving, generalError, submit } = useApiSubmit(form, async (values) => {
    const saved = await call('office.update', values)
    form.setFieldsValue(saved)
    rebase()
    void message.success(t('settingsUi.common.saved'))
    onSaved?.(saved)
  })

  return (
    <Spin spinning={!loaded && !loadFailure}>
      <Form<OfficeIdentity>
        form={form}
        layout="vertical"
        style={{ maxWidth: 880 }}
        // Closed until the saved values are in: typing before that would be overwritten by them.
        disabled={!loaded}
        initialValues={BLANK}
        onValuesChange={clearErrorsOnChange(form)}
        onFinish={submit}
        onKeyDown={saveOnCtrlEnter(submit)}
        data-testid="office-form"
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
        {actions ? (
          actions({ submit, saving, guard })
        ) : (
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Spin>
  )
}
