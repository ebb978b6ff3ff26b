import { useEffect } from 'react'
import { Button, Card, Col, Flex, Form, Input, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Draft } from '../../../lib/userDrafts'
import { clearErrorsOnChange, saveOnCtrlEnter } from '../../common/formHandlers'
import { ErrorAlert } from '../../common/ErrorAlert'
import { useApiSubmit } from '../../common/useApiSubmit'
import { useFormChanges, useUnsavedWork } from '../../common/useUnsavedWork'
import { AppealFields } from './AppealFields'
import { ApplicantFields } from './ApplicantFields'
import { ContentFields } from './ContentFields'
import { NameOnRecordNotice } from './NameOnRecordNotice'
import type { AppealFormValues } from './formValues'
import { RepeatNotice } from './RepeatNotice'
import { focusReturningCitizens, ReturningCitizenPanel } from './ReturningCitizenPanel'
import { useNameOnRecord } from './useNameOnRecord'

interface Props {
  /** Registration shows the received date-time and the returning-citizen panel; editing does not. */
  mode: 'register' | 'edit'
  initialValues: AppealFormValues
  /** The appeal being edited: left out of its own repeat candidates. */
  appealId?: number
  repeatedOfNumber?: string | null
  submitLabel: string
  /** Saves; a thrown API error is shown under the fields it names. */
  onSave: (values: AppealFormValues) => Promise<void>
  /** Editing: loads the appeal again after a stale save was refused (another desk saved first). */
  onReload?: () => void
  /** Where the changes are kept as they are typed (registration), so a reload or a remount loses nothing. */
  draft?: Draft<AppealFormValues>
  /** What counts as unchanged when the form starts from a restored draft: the blank form. */
  unchangedValues?: AppealFormValues
}

/**
 * The appeal form, for registration and for editing, made for the keyboard: focus starts in
 * the first field, Tab goes through the fields in reading order, Enter in a one-line field
 * saves, Ctrl+Enter saves from anywhere (the summary box keeps Enter for new lines), and
 * Enter in a select picks the option without saving (antd's select keeps the key to itself),
 * ↓ in the IIN, surname, BIN or name field goes to the returning applicants found.
 * The rules are the API's; its field issues appear under the fields in the current language.
 * Leaving it with changes asks first (useUnsavedWork).
 */
export function AppealForm({
  mode,
  initialValues,
  appealId,
  repeatedOfNumber,
  submitLabel,
  onSave,
  onReload,
  draft,
  unchangedValues,
}: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<AppealFormValues>()
  const { saving, generalError, stale, submit } = useApiSubmit(form, onSave)
  const { dirty, changedNow, values } = useFormChanges(form, unchangedValues ?? initialValues)
  useUnsavedWork(changedNow, { survivesReload: draft !== undefined, discard: draft?.clear })
  useEffect(() => {
    if (!draft || !values) return
    if (dirty) draft.save(values)
    else draft.clear()
  }, [draft, dirty, values])
  // A save waits for the clerk to confirm an IIN already on record under another name.
  const nameOnRecord = useNameOnRecord(form, appealId)
  const save = nameOnRecord.holdUntilConfirmed(submit)

  const registering = mode === 'register'
  return (
    <Form<AppealFormValues>
      form={form}
      name="appeal"
      layout="vertical"
      initialValues={initialValues}
      onFinish={save}
      onKeyDown={(event) => {
        saveOnCtrlEnter(save)(event)
        if (registering) focusReturningCitizens(event)
      }}
      onValuesChange={clearErrorsOnChange(form)}
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={registering ? 16 : 24} xxl={registering ? 16 : 18}>
          <Flex vertical gap={16}>
            {generalError && <ErrorAlert message={generalError} onReload={stale ? onReload : undefined} />}
            <Card size="small" title={t('appealsUi.form.sectionAppeal')}>
              <AppealFields registering={registering} />
            </Card>
            <Card size="small" title={t('appealsUi.form.sectionApplicant')}>
              <ApplicantFields registering={registering} />
              <NameOnRecordNotice state={nameOnRecord} />
            </Card>
            <Card size="small" title={t('appealsUi.form.sectionContent')}>
              <ContentFields />
            </Card>
            {/* Kept in the form but not typed in: set by the repeat notice, or by the meeting pages. */}
            <Form.Item name="repeatedOfId" hidden>
              <Input />
            </Form.Item>
            <Form.Item name="meetingId" hidden>
              <Input />
            </Form.Item>
            <RepeatNotice appealId={appealId} repeatedOfNumber={repeatedOfNumber} />
            <Flex gap={16} align="center" wrap>
              <Button type="primary" htmlType="submit" loading={saving}>
                {submitLabel}
              </Button>
              <Typography.Text type="secondary">{t('appealsUi.form.keyboardHint')}</Typography.Text>
            </Flex>
          </Flex>
        </Col>
        {registering && (
          <Col xs={24} xl={8}>
            <ReturningCitizenPanel />
          </Col>
        )}
      </Row>
    </Form>
  )
}
