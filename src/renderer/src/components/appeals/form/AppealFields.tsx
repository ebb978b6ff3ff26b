import { Col, Form, Input, Row, Select } from 'antd'
import { DateField } from '../../common/DateField'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { DATE_TIME_FORMAT } from '../../../lib/format'
import { localDateTimeItem } from '../../../lib/dateInputs'
import { FOLDED_SEARCH } from '../../../lib/foldedSearch'
import { useAppealOptions } from '../useAppealOptions'
import type { AppealFormValues } from './formValues'

/**
 * How the appeal came and what it is about: channel, when it was received (registration
 * only), the e-Otinish number, type, sector, locality. Selects open as the clerk types and
 * find names typed without Kazakh letters.
 */
export function AppealFields({ registering }: { registering: boolean }) {
  const { t } = useTranslation()
  const options = useAppealOptions()
  const channel = Form.useWatch<AppealFormValues['channel']>('channel')
  const meetingId = Form.useWatch<AppealFormValues['meetingId']>('meetingId', { preserve: true })
  // a meeting question keeps its channel; any other appeal is offered every channel but that one
  const channels = meetingId ? options.channels.filter((o) => o.value === 'report_meeting') : options.receptionChannels

  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Form.Item name="channel" label={t('appealsUi.field.channel')}>
          <Select autoFocus showSearch={FOLDED_SEARCH} options={channels} />
        </Form.Item>
      </Col>
      {registering && (
        <Col xs={24} md={8}>
          <Form.Item name="receivedAt" label={t('appealsUi.field.receivedAt')} {...localDateTimeItem}>
            <DateField
              showTime={{ format: 'HH:mm' }}
              format={DATE_TIME_FORMAT}
              // Typed values count when the clerk tabs on, without an OK click.
              needConfirm={false}
              allowClear={false}
              disabledDate={(date) => date.isAfter(dayjs(), 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      )}
      {channel === 'e_otinish' && (
        <Col xs={24} md={8}>
          <Form.Item name="externalNumber" label={t('appealsUi.field.externalNumber')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={8}>
        <Form.Item name="appealType" label={t('appealsUi.field.appealType')}>
          <Select showSearch={FOLDED_SEARCH} options={options.appealTypes} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="sectorId" label={t('appealsUi.field.sectorId')}>
          <Select showSearch={FOLDED_SEARCH} options={options.sectors} placeholder={t('appealsUi.form.choose')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="localityId" label={t('appealsUi.field.localityId')}>
          <Select
            allowClear
            showSearch={FOLDED_SEARCH}
            options={options.localities}
            placeholder={t('appealsUi.form.choose')}
          />
        </Form.Item>
      </Col>
    </Row>
  )
}
