import { defineSection } from '../section'

/** Settings: staff, localities, calendar, office identity; choosing the operator. Keys live under `settingsUi.`. */
export const settingsUi = defineSection({
  kk: { settingsUi: {} },
  ru: { settingsUi: {} },
  en: { settingsUi: {} },
})
