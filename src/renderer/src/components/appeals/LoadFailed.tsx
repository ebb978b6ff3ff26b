import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { showApiError } from '../../api/formErrors'

/** An appeal page that could not load: what went wrong, a retry, and the way back to the list. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <Result
      status="warning"
      title={showApiError(error, t)}
      extra={[
        <Button key="retry" onClick={onRetry}>
          {t('common.retry')}
        </Button>,
        <Button key="list" type="primary" href="#/appeals">
          {t('appealsUi.backToList')}
        </Button>,
      ]}
    />
  )
}
