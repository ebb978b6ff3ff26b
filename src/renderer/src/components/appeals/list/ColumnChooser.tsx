import { Button, Checkbox, Popover } from 'antd'
import { useTranslation } from 'react-i18next'
import { ALWAYS_SHOWN, APPEAL_LIST_COLUMNS, type AppealListColumn } from '@shared/domain/appealColumns'

/**
 * The register's columns the user sees: a button opening a list of check boxes (Tab and Space
 * reach and switch them). The number stays, being the link to the card.
 */
export function ColumnChooser({
  shown,
  onChange,
}: {
  shown: readonly AppealListColumn[]
  onChange: (columns: AppealListColumn[]) => void
}) {
  const { t } = useTranslation()
  const options = APPEAL_LIST_COLUMNS.map((key) => ({
    value: key,
    label: t(`appealsUi.column.${key}`),
    disabled: key === ALWAYS_SHOWN,
  }))
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      content={
        <Checkbox.Group
          data-testid="column-chooser"
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={options}
          value={[...shown]}
          onChange={(values) => onChange(APPEAL_LIST_COLUMNS.filter((c) => c === ALWAYS_SHOWN || values.includes(c)))}
        />
      }
    >
      <Button size="small" data-testid="column-chooser-button">
        {t('appealsUi.list.columns')}
      </Button>
    </Popover>
  )
}
