import { Alert, Col, Form, Input, Radio, Row } from 'antd'
import { useTranslation } from 'react-i18next'
import { APPLICANT_KINDS, type ApplicantKind } from '@shared/domain/appeal'

const field = (name: string) => ['applicant', name]

/**
 * Who appeals: an individual (IIN first: a returning citizen is found by it and the rest
 * filled in), an organisation (BIN first, for the same reason), or anonymous.
 */
export function ApplicantFields({ registering }: { registering: boolean }) {
  const { t } = useTranslation()
  const kind = Form.useWatch<ApplicantKind | undefined>(field('kind'))
  const meetingId = Form.useWatch<number | null | undefined>('meetingId', { preserve: true })
  // nameless: anonymous outside a meeting (not considered), raised at a meeting inside one
  const kinds = APPLICANT_KINDS.filter((k) => k !== (meetingId ? 'anonymous' : 'at_meeting'))
  const label = (name: string) => t(`appealsUi.field.${name}`)

  const contacts = (
    <>
      <Col xs={24} md={8}>
        <Form.Item name={field('phone')} label={label('phone')}>
          <Input inputMode="tel" maxLength={32} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name={field('address')} label={label('address')}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
    </>
  )

  return (
    <>
      <Form.Item name={field('kind')} label={label('applicantKind')}>
        <Radio.Group
          optionType="button"
          options={kinds.map((value) => ({ value, label: t(`applicantKind.${value}`) }))}
        />
      </Form.Item>
      {kind === 'individual' && (
        <Row gutter={12}>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name={field('iin')} label={label('iin')}>
              <Input inputMode="numeric" autoComplete="off" data-returning-lookup />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name={field('surname')} label={label('surname')}>
              <Input maxLength={100} autoComplete="off" data-returning-lookup />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name={field('firstName')} label={label('firstName')}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name={field('patronymic')} label={label('patronymic')}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          {contacts}
        </Row>
      )}
      {kind === 'organisation' && (
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name={field('bin')} label={label('bin')}>
              <Input inputMode="numeric" autoComplete="off" data-returning-lookup />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name={field('name')} label={label('organisationName')}>
              <Input maxLength={300} autoComplete="off" data-returning-lookup />
            </Form.Item>
          </Col>
          {contacts}
        </Row>
      )}
      {kind === 'anonymous' && (
        <>
          <Alert type="info" showIcon title={t('appealsUi.form.anonymousNote')} style={{ marginBottom: 16 }} />
          {registering && (
            <Form.Item
              name="crimeReportTo"
              label={`${t('appealsUi.form.crimeReport')}: ${t('appealsUi.form.crimeReportTo')}`}
              extra={t('appealsUi.form.crimeReportToHint')}
            >
              <Input maxLength={300} autoComplete="off" />
            </Form.Item>
          )}
        </>
      )}
    </>
  )
}
