import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { NOTICE_FILTERS, REDIRECT_FILTERS } from '@shared/api/areas/appeals'
import type { AppealListFilters } from './listQuery'

const capitalized = (word: string) => `${word[0]!.toUpperCase()}${word.slice(1)}`

/**
 * Two selects of the register's filter bar: extensions whose applicant is to be told (or is
 * overdue), and appeals to be redirected (overdue, or redirected late), by their stored dates.
 */
export function NoticeRedirectFilters({
  value,
  onChange,
}: {
  value: AppealListFilters
  onChange: (next: AppealListFilters) => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <Select<(typeof NOTICE_FILTERS)[number]>
        allowClear
        style={{ width: 230 }}
        placeholder={t('noticesUi.filter.notice')}
        aria-label={t('noticesUi.filter.notice')}
        data-testid="notice-filter"
        value={value.notice}
        options={NOTICE_FILTERS.map((choice) => ({
          value: choice,
          label: t(`noticesUi.filter.notice${capitalized(choice)}`),
        }))}
        onChange={(notice) => onChange({ ...value, notice })}
      />
      <Select<(typeof REDIRECT_FILTERS)[number]>
        allowClear
        style={{ width: 260 }}
        placeholder={t('noticesUi.filter.redirect')}
        aria-label={t('noticesUi.filter.redirect')}
        data-testid="redirect-filter"
        value={value.redirect}
        options={REDIRECT_FILTERS.map((choice) => ({
          value: choice,
          label: t(`noticesUi.filter.redirect${capitalized(choice)}`),
        }))}
        onChange={(redirect) => onChange({ ...value, redirect })}
      />
    </>
  )
}
