import { defineSection } from '../section'

/** The register's filter by the day a deadline falls on: what "My tasks" opens, chosen by hand too. */
export const dueFilter = defineSection({
  kk: { dueFilter: { label: 'Мерзімі күні', today: 'Мерзімі бүгін', tomorrow: 'Мерзімі ертең' } },
  ru: { dueFilter: { label: 'День срока', today: 'Срок сегодня', tomorrow: 'Срок завтра' } },
  en: { dueFilter: { label: 'Deadline day', today: 'Due today', tomorrow: 'Due tomorrow' } },
})
