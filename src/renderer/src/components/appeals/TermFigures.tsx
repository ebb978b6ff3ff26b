import { useTranslation } from 'react-i18next'
import type { DashboardSummary } from '@shared/api/contract'
import { FigureCard } from '../common/FigureCard'
import { FigureLink } from '../common/FigureLink'
import { openFilteredList, type AppealListFilters } from './list/listQuery'

/**
 * The dashboard's row of the law's 3-day terms: extension notices due and redirects due (every
 * year: a late one stays late), each with its overdue count. A figure opens the register
 * filtered by the same condition the core counts with (services/appeals/noticeAndRedirect.ts),
 * so the number and the list agree.
 */
const TERM_FIGURES: {
  key: 'noticesDue' | 'redirectsDue'
  overdue: 'noticesOverdue' | 'redirectsOverdue'
  due: Partial<AppealListFilters>
  late: Partial<AppealListFilters>
}[] = [
  { key: 'noticesDue', overdue: 'noticesOverdue', due: { notice: 'due' }, late: { notice: 'overdue' } },
  { key: 'redirectsDue', overdue: 'redirectsOverdue', due: { redirect: 'due' }, late: { redirect: 'overdue' } },
]

export function TermFigures({ summary }: { summary: DashboardSummary }) {
  const { t } = useTranslation()
  return (
    // The same tracks as the figures above (auto-fill keeps the empty ones), so cards line up.
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 16 }}>
      {TERM_FIGURES.map(({ key, overdue, due, late }) => (
        <FigureCard
          key={key}
          testId={`term-figure-${key}`}
          title={
            <FigureLink href="#/appeals" onOpen={() => openFilteredList(due)}>
              {t(`noticesUi.dashboard.${key}`)}
            </FigureLink>
          }
          period={t('meetingsUi.dashboard.allYears')}
          value={summary[key]}
          color="#d46b08"
          footer={
            <FigureLink
              href="#/appeals"
              type={summary[overdue] > 0 ? 'danger' : 'secondary'}
              testId={`term-overdue-${overdue}`}
              onOpen={() => openFilteredList(late)}
            >
              {t('noticesUi.dashboard.overdue', { count: summary[overdue] })}
            </FigureLink>
          }
        />
      ))}
    </div>
  )
}
