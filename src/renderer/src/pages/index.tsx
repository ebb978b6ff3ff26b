import type { ComponentType, ReactNode } from 'react'
import { ComingSoonPage } from './ComingSoonPage'
import { SettingsPage } from './SettingsPage'

export type PageKey = 'dashboard' | 'appeals' | 'meetings' | 'reports' | 'settings'

/** The navigation, in menu order. The page key is also its address (#/settings) and its i18n key (nav.settings). */
export const PAGES: Record<PageKey, { icon: ReactNode; component: ComponentType }> = {
  dashboard: { icon: <span aria-hidden>▦</span>, component: () => <ComingSoonPage section="dashboard" /> },
  appeals: { icon: <span aria-hidden>✉</span>, component: () => <ComingSoonPage section="appeals" /> },
  meetings: { icon: <span aria-hidden>☷</span>, component: () => <ComingSoonPage section="meetings" /> },
  reports: { icon: <span aria-hidden>▤</span>, component: () => <ComingSoonPage section="reports" /> },
  settings: { icon: <span aria-hidden>⚙</span>, component: SettingsPage },
}

export function pageFromHash(hash: string): PageKey {
  const key = hash.replace(/^#\/?/, '')
  return key in PAGES ? (key as PageKey) : 'dashboard'
}
