import { Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { FOLDED_SEARCH } from '../../../lib/foldedSearch'
import { useAppealOptions } from '../useAppealOptions'

/** The substance of the appeal, whether it is collective (and how many signed), and who executes it. */
export function ContentFields() {
  const { t } = useTranslation()
  const options = useAppealOptions()
  const collective = Form.useWatch<boolean | undefined>('collective')

  return (
    <Row gutter={12}>
      <Col span={24}>
        <Form.Item name="summary" label={t('appealsUi.field.summary')} extra={t('appealsUi.form.summaryHint')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="collective" valuePropName="checked" label=" ">
          <Checkbox>{t('appealsUi.field.collective')}</Checkbox>
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        {collective && (
          <Form.Item name="signatories" label={t('appealsUi.field.signatories')}>
            <InputNumber min={2} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="executorId" label={t('appealsUi.field.executorId')}>
          <Select
            allowClear
            showSearch={FOLDED_SEARCH}
            options={options.executors}
            placeholder={t('appealsUi.form.choose')}
          />
        </Form.Item>
      </Col>
    </Row>
  )
}
