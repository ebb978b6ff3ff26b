import { defineSection } from '../section'

/** The appeals pages: list, registration (reception) form, appeal card. Keys live under `appealsUi.`. */
export const appealsUi = defineSection({
  kk: { appealsUi: {} },
  ru: { appealsUi: {} },
  en: { appealsUi: {} },
})
