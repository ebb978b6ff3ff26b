import { useEffect, useState } from 'react'
import { Alert, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CalendarOverview } from '@shared/api/contract'
import { call } from '../../api/client'
import { formatDate } from '../../lib/format'

/**
 * What is wrong with the calendar, as calendar.overview says: this year or next year missing
 * (deadlines running into them are provisional), and years that lack statutory holidays.
 * `years` limits the holiday warnings to the years a screen is about (all when absent);
 * `reload` reads the overview again when it changes (after an edit).
 */
export function CalendarWarnings({ years, reload = 0 }: { years?: number[]; reload?: number }) {
  const { t } = useTranslation()
  const [overview, setOverview] = useState<CalendarOverview | null>(null)

  useEffect(() => {
    // A warning that cannot be read is no reason to break the screen it sits on.
    call('calendar.overview', {}).then(setOverview, () => setOverview(null))
  }, [reload])

  if (!overview) return null
  const lacking = overview.years.filter((y) => y.missing.length > 0 && (!years || years.includes(y.year)))
  if (overview.missingYears.length === 0 && lacking.length === 0) return null
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="calendar-warnings">
      {overview.missingYears.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-missing-years"
          title={t('calendarUi.missingYears', { years: overview.missingYears.join(', ') })}
        />
      )}
      {lacking.map(({ year, missing }) => (
        <Alert
          key={year}
          type="warning"
          showIcon
          data-testid="calendar-missing-holidays"
          title={t('calendarUi.missingHolidays', {
            year,
            holidays: missing.map((m) => `${t(`holiday.${m.holiday}`)} (${formatDate(m.date)})`).join(', '),
          })}
        />
      ))}
    </Space>
  )
}
