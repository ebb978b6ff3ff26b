import { useEffect, useState } from 'react'
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Row, Space, Spin } from 'antd'
import { DateField } from '../../components/common/DateField'
import { useTranslation } from 'react-i18next'
import dayjs, { type Dayjs } from 'dayjs'
import { MEETING_FORMATS, type MeetingFormat } from '@shared/api/areas/meetings'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { clearErrorsOnChange } from '../../components/common/formHandlers'
import { useApiSubmit } from '../../components/common/useApiSubmit'
import { ErrorAlert } from '../../components/common/ErrorAlert'
import { useFormChanges, useUnsavedWork } from '../../components/common/useUnsavedWork'
import { DATE_FORMAT } from '../../lib/format'
import { navigate } from '../../hooks/useRoute'
import { useCatalogs } from '../../hooks/useCatalogs'
import { LocalitySelect } from '../../components/meetings/LocalitySelect'

/** The form's values; the names are the API's (meetings.create / meetings.update), so its issues land on them. */
interface Values {
  heldOn: Dayjs
  localityId: number | null
  place: string
  speakerName: string
  speakerPosition: string
  format: MeetingFormat
  attendance: number | null
  broadcastLink: string
  notes: string
}

/** A new meeting starts today, in person. */
const newMeeting = (): Values => ({
  heldOn: dayjs(),
  localityId: null,
  place: '',
  speakerName: '',
  speakerPosition: '',
  format: 'in_person',
  attendance: null,
  broadcastLink: '',
  notes: '',
})

/** Logs a report meeting (`meetingId` null) or edits one; then shows the meeting, ready for its questions. */
export function MeetingFormPage({ meetingId }: { meetingId: number | null }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { localities } = useCatalogs()
  const [form] = Form.useForm<Values>()
  const [loaded, setLoaded] = useState(false)
  const [loadFailure, setLoadFailure] = useState<unknown>(null)
  /** The version of the meeting as loaded, sent with the save; a reload after a stale save reads it again. */
  const [version, setVersion] = useState<number | null>(null)
  const [loads, setLoads] = useState(0)
  // Changes count from the record as loaded (rebase), so leaving with edits asks first.
  const { changedNow, rebase } = useFormChanges(form, newMeeting())
  useUnsavedWork(() => loaded && changedNow())

  // Loads once per meeting (not again on a language switch, which would wipe what was typed).
  useEffect(() => {
    const load = async () => {
      if (meetingId === null) {
        // The akim usually reports in person: start from the head of office named in Settings.
        const office = await call('office.get', {})
        form.setFieldsValue({ speakerName: office.headName, speakerPosition: office.headPosition })
      } else {
        const meeting = await call('meetings.get', { id: meetingId })
        setVersion(meeting.version)
        // Only the form's own fields: the store is sent as it is, and the API refuses unknown ones.
        form.setFieldsValue({
          heldOn: dayjs(meeting.heldOn),
          localityId: meeting.localityId,
          place: meeting.place,
          speakerName: meeting.speakerName,
          speakerPosition: meeting.speakerPosition,
          format: meeting.format,
          attendance: meeting.attendance,
          broadcastLink: meeting.broadcastLink ?? '',
          notes: meeting.notes ?? '',
        })
      }
    }
    load().then(() => {
      rebase()
      setLoaded(true)
    }, setLoadFailure)
  }, [meetingId, form, rebase, loads])

  const { saving, generalError, stale, submit } = useApiSubmit(form, async ({ heldOn, ...rest }) => {
    const input = { ...rest, heldOn: heldOn.format('YYYY-MM-DD') }
    const meeting =
      meetingId === null
        ? await call('meetings.create', input)
        : await call('meetings.update', { id: meetingId, version, ...input })
    void message.success(t('meetingsUi.form.saved'))
    navigate('meetings', meeting.id)
  })

  const hasLocalities = localities.some((l) => l.active)

  return (
    <Card title={meetingId === null ? t('meetingsUi.form.newTitle') : t('meetingsUi.form.editTitle')}>
      <Spin spinning={!loaded && !loadFailure}>
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ maxWidth: 960 }}
          // Closed until the meeting (or the head's name) is in: typing before that would be overwritten.
          disabled={!loaded}
          initialValues={newMeeting()}
          onValuesChange={clearErrorsOnChange(form)}
          onFinish={submit}
        >
          {loadFailure !== null && (
            <Alert type="error" showIcon title={showApiError(loadFailure, t)} style={{ marginBottom: 16 }} />
          )}
          {generalError && (
            <Flex vertical style={{ marginBottom: 16 }}>
              <ErrorAlert message={generalError} onReload={stale ? () => setLoads((n) => n + 1) : undefined} />
            </Flex>
          )}
          <Row gutter={24}>
            <Col xs={24} md={8}>
              <Form.Item name="heldOn" label={t('meetingsUi.form.heldOn')}>
                <DateField
                  format={DATE_FORMAT}
                  allowClear={false}
                  disabledDate={(day) => day.isAfter(dayjs(), 'day')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="localityId"
                label={t('meetingsUi.form.locality')}
                extra={
                  hasLocalities ? undefined : <a href="#/settings/localities">{t('meetingsUi.form.noLocalities')}</a>
                }
              >
                <LocalitySelect />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="place" label={t('meetingsUi.form.place')}>
            <Input placeholder={t('meetingsUi.form.placeHint')} maxLength={300} />
          </Form.Item>
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item name="speakerName" label={t('meetingsUi.form.speakerName')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="speakerPosition" label={t('meetingsUi.form.speakerPosition')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item name="format" label={t('meetingsUi.form.format')}>
                <Radio.Group
                  optionType="button"
                  options={MEETING_FORMATS.map((value) => ({ value, label: t(`meetingFormat.${value}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="attendance" label={t('meetingsUi.form.attendance')}>
                <InputNumber min={0} precision={0} style={{ width: 180 }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="broadcastLink" label={t('meetingsUi.form.broadcastLink')}>
            <Input type="url" placeholder="https://" maxLength={500} />
          </Form.Item>
          <Form.Item name="notes" label={t('meetingsUi.form.notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('common.save')}
            </Button>
            <Button href={meetingId === null ? '#/meetings' : `#/meetings/${meetingId}`}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Spin>
    </Card>
  )
}
