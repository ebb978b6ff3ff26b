import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { FOLDED_SEARCH } from '../../../lib/foldedSearch'
import { useCatalogs } from '../../../hooks/useCatalogs'
import { localityOptions } from '../../../lib/localityOptions'

/**
 * The locality a report is limited to; empty means the whole office. A rural okrug includes
 * its settlements (the core widens the scope). Deactivated localities stay choosable: old
 * appeals carry them, and a report is about the past.
 */
export function LocalitySelect({
  value,
  onChange,
}: {
  value: number | null | undefined
  onChange: (id: number | null) => void
}) {
  const { t } = useTranslation()
  const { localities, localityName } = useCatalogs()
  return (
    <Select<number>
      allowClear
      showSearch={FOLDED_SEARCH}
      aria-label={t('reportsUi.params.locality')}
      placeholder={t('reportsUi.params.wholeOffice')}
      options={localityOptions(localities, localityName).map((option) => ({ ...option, disabled: false }))}
      value={value ?? undefined}
      onChange={(id) => onChange(id ?? null)}
      style={{ width: '100%' }}
    />
  )
}
