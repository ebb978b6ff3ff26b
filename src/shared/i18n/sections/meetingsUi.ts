import { defineSection } from '../section'

/** The report meetings pages, the questions grid, and the dashboard. Keys live under `meetingsUi.`. */
export const meetingsUi = defineSection({
  kk: { meetingsUi: {} },
  ru: { meetingsUi: {} },
  en: { meetingsUi: {} },
})
