import type { ComponentType, ReactNode } from 'react'
import type { Permission } from '@shared/auth/permissions'
import { AppealsPage } from './appeals/AppealsPage'
import { DashboardPage } from './DashboardPage'
import { MeetingsPage } from './meetings/MeetingsPage'
import { ReportsPage } from './reports/ReportsPage'
import { SettingsPage } from './SettingsPage'

export type PageKey = 'dashboard' | 'appeals' | 'meetings' | 'reports' | 'settings'

/**
 * The navigation, in menu order. The page key is the first segment of its address
 * (#/appeals/42) and its i18n key (nav.appeals); a page reads the rest with useRoute(). A page
 * is in the menu only for roles with its permission (the dispatcher refuses the rest anyway).
 */
export const PAGES: Record<
  PageKey,
  { icon: ReactNode; component: ComponentType; permission: Permission | 'signedIn' }
> = {
  dashboard: { icon: <span aria-hidden>▦</span>, component: DashboardPage, permission: 'records.read' },
  appeals: { icon: <span aria-hidden>✉</span>, component: AppealsPage, permission: 'records.read' },
  meetings: { icon: <span aria-hidden>☷</span>, component: MeetingsPage, permission: 'records.read' },
  reports: { icon: <span aria-hidden>▤</span>, component: ReportsPage, permission: 'reports.use' },
  // Every role has at least "About" (and its own tabs, each with its permission: SettingsPage).
  settings: { icon: <span aria-hidden>⚙</span>, component: SettingsPage, permission: 'signedIn' },
}

export function pageFromHash(hash: string): PageKey {
  const key = hash.replace(/^#\/?/, '').split('/')[0] ?? ''
  return key in PAGES ? (key as PageKey) : 'dashboard'
}
