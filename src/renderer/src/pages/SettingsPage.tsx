import type { ReactNode } from 'react'
import { Card, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { navigate, useRoute } from '../hooks/useRoute'
import { AboutCard } from '../components/settings/AboutCard'
import { CalendarTab } from '../components/settings/CalendarTab'
import { LocalityCatalog } from '../components/settings/LocalityCatalog'
import { OfficeForm } from '../components/settings/OfficeForm'
import { SectorCatalog } from '../components/settings/SectorCatalog'
import { StaffCatalog } from '../components/settings/StaffCatalog'
import { ConsolidationPanel } from '../components/consolidation'
import { ImportWizard } from '../components/dataImport'
import { DataSafetyTab } from '../components/dataSafety/DataSafetyTab'
import { UsersTab } from '../components/settings/UsersTab'
import { OpenSetupWizard } from '../components/setup/OpenSetupWizard'
import { useCan } from '../components/auth/AuthContext'
import type { Permission } from '@shared/auth/permissions'

/**
 * The tabs, in order; the key is the address (#/settings/staff), `label` its i18n key, and
 * `permission` what a role needs to see it (a tab's calls need the same on the dispatcher).
 */
const TABS: { key: string; label: string; permission: Permission | 'signedIn'; content: () => ReactNode }[] = [
  { key: 'sectors', label: 'settings.sectors', permission: 'settings.manage', content: () => <SectorCatalog /> },
  { key: 'staff', label: 'settingsUi.tabs.staff', permission: 'settings.manage', content: () => <StaffCatalog /> },
  {
    key: 'localities',
    label: 'settingsUi.tabs.localities',
    permission: 'settings.manage',
    content: () => <LocalityCatalog />,
  },
  { key: 'calendar', label: 'settingsUi.tabs.calendar', permission: 'settings.manage', content: () => <CalendarTab /> },
  {
    key: 'office',
    label: 'settingsUi.tabs.office',
    permission: 'settings.manage',
    content: () => (
      <>
        <OfficeForm />
        <OpenSetupWizard />
      </>
    ),
  },
  { key: 'users', label: 'users.tab', permission: 'users.manage', content: () => <UsersTab /> },
  { key: 'import', label: 'dataSafetyUi.tabs.import', permission: 'data.manage', content: () => <ImportWizard /> },
  {
    key: 'consolidation',
    label: 'dataSafetyUi.tabs.consolidation',
    permission: 'data.manage',
    content: () => <ConsolidationPanel />,
  },
  { key: 'data', label: 'dataSafetyUi.tabs.data', permission: 'data.manage', content: () => <DataSafetyTab /> },
  { key: 'about', label: 'settings.about', permission: 'signedIn', content: () => <AboutCard /> },
]

/**
 * Settings: the catalogs other pages choose from, the calendar, who the office is, and the
 * data coming in and kept safe (import, okrug packages, backups and history).
 */
export function SettingsPage() {
  const { t } = useTranslation()
  const [, tab] = useRoute()
  const { can } = useCan()
  const tabs = TABS.filter((item) => can(item.permission))
  const active = tabs.some((item) => item.key === tab) ? tab! : tabs[0]!.key

  return (
    <Card>
      <Tabs
        // Down the side: nine tabs do not fit a row in Russian on an office screen.
        tabPosition="left"
        activeKey={active}
        onChange={(key) => navigate('settings', key)}
        // Each tab loads its data when shown, and again when shown later (fresh after edits elsewhere).
        destroyOnHidden
        items={tabs.map(({ key, label, content }) => ({ key, label: t(label), children: content() }))}
      />
    </Card>
  )
}
