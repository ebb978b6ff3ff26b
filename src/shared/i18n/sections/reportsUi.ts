import { defineSection } from '../section'

/** The Reports page: choosing a report, its parameters, preview and export. Keys live under `reportsUi.`. */
export const reportsUi = defineSection({
  kk: { reportsUi: {} },
  ru: { reportsUi: {} },
  en: { reportsUi: {} },
})
