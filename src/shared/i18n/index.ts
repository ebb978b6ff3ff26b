import { en } from './en'
import { kk } from './kk'
import { ru } from './ru'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages'
import { domain } from './sections/domain'
import { receipt } from './sections/receipt'
import { appealsUi } from './sections/appealsUi'
import { meetingsUi } from './sections/meetingsUi'
import { settingsUi } from './sections/settingsUi'
import { calendarUi } from './sections/calendarUi'
import { reports } from './sections/reports'
import { reportsUi } from './sections/reportsUi'
import { importUi } from './sections/importUi'
import { consolidationUi } from './sections/consolidationUi'
import { dataSafetyUi } from './sections/dataSafetyUi'
import { auth } from './sections/auth'
import { personalData } from './sections/personalData'
import { desktop } from './sections/desktop'
import { recovery } from './sections/recovery'
import { noticesUi } from './sections/noticesUi'
import { passphraseUi } from './sections/passphraseUi'
import { serverUi } from './sections/serverUi'
import { formsUi } from './sections/formsUi'
import { myTasks } from './sections/myTasks'
import { appealListExport } from './sections/appealListExport'
import { setupWizard } from './sections/setupWizard'
import { desk } from './sections/desk'
import { applicantMerge } from './sections/applicantMerge'
import { dueFilter } from './sections/dueFilter'
import { attachments } from './sections/attachments'
import { answers } from './sections/answers'

export * from './languages'

/**
 * The catalog of a language: the core texts (kk.ts, ru.ts, en.ts) and the areas kept in
 * sections/ (all three languages side by side, see section.ts). A section's top-level keys
 * become the catalog's: `status.answered`, `receipt.title`. Add a new section here.
 */
const SECTIONS = [
  domain,
  receipt,
  reports,
  reportsUi,
  appealsUi,
  meetingsUi,
  settingsUi,
  calendarUi,
  consolidationUi,
  importUi,
  dataSafetyUi,
  auth,
  personalData,
  desktop,
  noticesUi,
  recovery,
  passphraseUi,
  serverUi,
  formsUi,
  myTasks,
  appealListExport,
  setupWizard,
  desk,
  applicantMerge,
  dueFilter,
  attachments,
  answers,
] as const
const CORE = { kk, ru, en }

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never
/** The full catalog: the core keys and every section's. */
export type Messages = typeof kk & UnionToIntersection<(typeof SECTIONS)[number]['kk']>

/** Every catalog, by language: used by the UI (i18next) and by report and receipt writers. */
export const catalogs = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, Object.assign({}, CORE[lang], ...SECTIONS.map((section) => section[lang]))]),
) as Record<Language, Messages>

/**
 * Translates a dotted key outside React (main process: reports, receipts, start-up errors).
 * Falls back to Kazakh, then to the key itself, so a missing key is visible, never blank.
 */
export function translate(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  const raw = lookup(catalogs[lang], key) ?? lookup(catalogs[DEFAULT_LANGUAGE], key) ?? key
  return raw.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`))
}

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}
