import { useEffect, useState } from 'react'
import { Alert, Card, Space, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DashboardSummary } from '@shared/api/contract'
import { localNow } from '@shared/domain/dates'
import { call } from '../api/client'
import { showApiError } from '../api/formErrors'
import { useCatalogs } from '../hooks/useCatalogs'
import { BarChart } from '../components/charts/BarChart'
import { sectorSeries } from '../components/charts/sectorSeries'
import { LoadSampleDataButton } from '../components/reports/LoadSampleDataButton'
import { useDatabaseEmpty } from '../hooks/useDatabaseEmpty'
import { CalendarWarnings } from '../components/calendar/CalendarWarnings'
import { TermFigures } from '../components/appeals/TermFigures'
import { useDataRevision } from '../hooks/useDataRevision'
import { FigureCard } from '../components/common/FigureCard'
import { FigureLink } from '../components/common/FigureLink'
import { openFilteredList, type AppealListFilters } from '../components/appeals/list/listQuery'
import { OPEN_STATUSES } from '@shared/domain/appeal'
import { MyTasksPanel } from '../components/appeals/myTasks/MyTasksPanel'
import { useCan } from '../components/auth/AuthContext'

type Figure = 'total' | 'open' | 'overdue' | 'dueThisWeek' | 'meetingsHeld' | 'measuresOverdue'

/**
 * The six numbers, in reading order; open and overdue count every year (a late appeal or
 * promise stays late). Each opens the list it counts: the appeals' figures the register with
 * the filter the core counts by (services/dashboard.ts), the meetings' their list.
 */
const FIGURES: {
  key: Figure
  color?: string
  allYears?: boolean
  href?: string
  filters?: (year: number) => Partial<AppealListFilters>
}[] = [
  { key: 'total', filters: (year) => ({ from: `${year}-01-01`, to: `${year}-12-31` }) },
  { key: 'open', allYears: true, filters: () => ({ statuses: [...OPEN_STATUSES] }) },
  { key: 'overdue', allYears: true, color: '#cf1322', filters: () => ({ overdue: true }) },
  { key: 'dueThisWeek', allYears: true, color: '#d46b08', filters: () => ({ dueThisWeek: true }) },
  { key: 'meetingsHeld', href: '#/meetings' },
  { key: 'measuresOverdue', allYears: true, color: '#cf1322', href: '#/meetings/overdue' },
]

/** The first screen: this year's appeals and meetings at a glance (dashboard.summary). */
export function DashboardPage() {
  const { t } = useTranslation()
  const { sectors, sectorName } = useCatalogs()
  const year = Number(localNow().date.slice(0, 4))
  const [summary, setSummary] = useState<DashboardSummary | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [loads, setLoads] = useState(0)
  const empty = useDatabaseEmpty()
  const { mayCall } = useCan()
  // the year's figures follow what every desk saves
  useDataRevision(() => setLoads((n) => n + 1))

  useEffect(() => {
    call('dashboard.summary', { year }).then(setSummary, setFailure)
  }, [year, loads])

  if (failure) return <Alert type="error" showIcon title={showApiError(failure, t)} />
  if (!summary) return <Spin />

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {/* This year's or next year's calendar missing (deadlines there are provisional), or lacking holidays. */}
      <CalendarWarnings years={[year, year + 1]} />
      {/* The first-run screen: an empty register offers the sample district to try things on. */}
      {empty && (
        <Card title={t('dataSafetyUi.sampleTitle')} data-testid="first-run">
          <Typography.Paragraph>{t('dataSafetyUi.welcome')}</Typography.Paragraph>
          <LoadSampleDataButton onLoaded={() => setLoads((n) => n + 1)} />
        </Card>
      )}
      {/* Six equal cards in a row on an office screen (1366 px), wrapping on a narrower one. */}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: 16 }}>
        {FIGURES.map(({ key, color, allYears, href, filters }) => (
          <FigureCard
            key={key}
            testId={`figure-${key}`}
            title={
              <FigureLink
                href={href ?? '#/appeals'}
                onOpen={filters && (() => openFilteredList(filters(year)))}
                testId={`figure-link-${key}`}
              >
                {t(`meetingsUi.dashboard.${key}`)}
              </FigureLink>
            }
            period={allYears ? t('meetingsUi.dashboard.allYears') : t('meetingsUi.dashboard.year', { year })}
            value={summary[key]}
            color={color}
          />
        ))}
      </div>
      <TermFigures summary={summary} />
      {/* The signed-in executor's own deadlines, under the figures: it arrives after them and
          grows with its rows, and above them it would push every figure down under a click. */}
      {mayCall('appeals.myTasks') && <MyTasksPanel reload={loads} />}
      <Card title={t('meetingsUi.dashboard.bySector', { year })}>
        <BarChart
          title={t('meetingsUi.dashboard.bySector', { year })}
          emptyText={t('meetingsUi.dashboard.empty')}
          items={sectorSeries(sectors, summary.bySector).map(({ sector, count }) => ({
            key: sector.id,
            label: sectorName(sector.id),
            value: count,
          }))}
        />
      </Card>
    </Space>
  )
}
