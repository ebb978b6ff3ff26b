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

/** The tabs, in order; the key is the address (#/settings/staff) and `label` its i18n key. */
const TABS: { key: string; label: string; content: () => ReactNode }[] = [
  { key: 'sectors', label: 'settings.sectors', content: () => <SectorCatalog /> },
  { key: 'staff', label: 'settingsUi.tabs.staff', content: () => <StaffCatalog /> },
  { key: 'localities', label: 'settingsUi.tabs.localities', content: () => <LocalityCatalog /> },
  { key: 'calendar', label: 'settingsUi.tabs.calendar', content: () => <CalendarTab /> },
  { key: 'office', label: 'settingsUi.tabs.office', content: () => <OfficeForm /> },
  { key: 'import', label: 'dataSafetyUi.tabs.import', content: () => <ImportWizard /> },
  { key: 'consolidation', label: 'dataSafetyUi.tabs.consolidation', content: () => <ConsolidationPanel /> },
  { key: 'data', label: 'dataSafetyUi.tabs.data', content: () => <DataSafetyTab /> },
  { key: 'about', label: 'settings.about', content: () => <AboutCard /> },
]

/**
 * Settings: the catalogs other pages choose from, the calendar, who the office is, and the
 * data coming in and kept safe (import, okrug packages, backups and history).
 */
export function SettingsPage() {
  const { t } = useTranslation()
  const [, tab] = useRoute()
  const active = TABS.some((item) => item.key === tab) ? tab! : TABS[0]!.key

  return (
    <Card>
      <Tabs
        // Down the side: nine tabs do not fit a row in Russian on an office screen.
        tabPosition="left"
        activeKey={active}
        onChange={(key) => navigate('settings', key)}
        // Each tab loads its data when shown, and again when shown later (fresh after edits elsewhere).
        destroyOnHidden
        items={TABS.map(({ key, label, content }) => ({ key, label: t(label), children: content() }))}
      />
    </Card>
  )
}
