import type { ComponentType, ReactNode } from 'react'
import { AppealsPage } from './appeals/AppealsPage'
import { DashboardPage } from './DashboardPage'
import { MeetingsPage } from './meetings/MeetingsPage'
import { ReportsPage } from './reports/ReportsPage'
import { SettingsPage } from './SettingsPage'

export type PageKey = 'dashboard' | 'appeals' | 'meetings' | 'reports' | 'settings'

/**
 * The navigation, in menu order. The page key is the first segment of its address
 * (#/appeals/42) and its i18n key (nav.appeals); a page reads the rest with useRoute().
 */
export const PAGES: Record<PageKey, { icon: ReactNode; component: ComponentType }> = {
  dashboard: { icon: <span aria-hidden>▦</span>, component: DashboardPage },
  appeals: { icon: <span aria-hidden>✉</span>, component: AppealsPage },
  meetings: { icon: <span aria-hidden>☷</span>, component: MeetingsPage },
  reports: { icon: <span aria-hidden>▤</span>, component: ReportsPage },
  settings: { icon: <span aria-hidden>⚙</span>, component: SettingsPage },
}

export function pageFromHash(hash: string): PageKey {
  const key = hash.replace(/^#\/?/, '').split('/')[0] ?? ''
  return key in PAGES ? (key as PageKey) : 'dashboard'
}
