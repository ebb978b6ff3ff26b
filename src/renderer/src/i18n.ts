import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import dayjs from 'dayjs'
import 'dayjs/locale/kk'
import 'dayjs/locale/ru'
import 'dayjs/locale/en'
import kkKZ from 'antd/locale/kk_KZ'
import ruRU from 'antd/locale/ru_RU'
import enUS from 'antd/locale/en_US'
import type { Locale } from 'antd/es/locale'
import { catalogs, DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@shared/i18n'

/** antd's own texts (date pickers, pagination, empty tables) in each interface language. */
export const ANTD_LOCALES: Record<Language, Locale> = { kk: kkKZ, ru: ruRU, en: enUS }

void i18next.use(initReactI18next).init({
  resources: Object.fromEntries(LANGUAGES.map((lang) => [lang, { translation: catalogs[lang] }])),
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
})

/** Switches every text at once: our catalogs, dayjs dates, the page's lang attribute. */
export function applyLanguage(lang: Language): void {
  void i18next.changeLanguage(lang)
  dayjs.locale(lang)
  document.documentElement.lang = lang
}

export default i18next
