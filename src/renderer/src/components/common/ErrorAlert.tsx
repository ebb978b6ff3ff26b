import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'

/**
 * A form's general error above its fields. `onReload` (given when the API refused a stale edit:
 * another desk saved the record first) adds the choice to load the record as it now stands;
 * what was typed is then dropped, since it was made on the older record.
 */
export function ErrorAlert({ message, onReload }: { message: string; onReload?: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      action={
        onReload && (
          <Button size="small" onClick={onReload}>
            {t('common.reload')}
          </Button>
        )
      }
    />
  )
}
