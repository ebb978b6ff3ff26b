import { Alert, Checkbox, Form } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../lib/format'
import { NAME_CONFIRMED_FIELD, type NameOnRecordState } from './useNameOnRecord'

/**
 * The warning under the applicant's fields when the IIN/BIN typed is on record under another
 * name, with the confirmation the save waits for. The other name is shown when the API gives
 * it (to a role that sees personal data); otherwise the warning says only that it differs.
 */
export function NameOnRecordNotice({ state }: { state: NameOnRecordState }) {
  const { t } = useTranslation()
  const { found } = state
  const confirmation = (
    <Form.Item name={NAME_CONFIRMED_FIELD} valuePropName="checked" hidden={!found} style={{ marginBottom: 0 }}>
      <Checkbox>{t('appealsUi.nameOnRecord.confirm')}</Checkbox>
    </Form.Item>
  )
  if (!found) return confirmation
  const params = { name: found.name, count: found.appealsCount, lastOn: formatDate(found.lastOn) }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="name-on-record"
      style={{ marginTop: 8 }}
      title={t(found.name === null ? 'appealsUi.nameOnRecord.unnamed' : 'appealsUi.nameOnRecord.named', params)}
      description={confirmation}
    />
  )
}
