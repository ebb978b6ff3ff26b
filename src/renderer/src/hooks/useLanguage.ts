import { useTranslation } from 'react-i18next'
import type { Language } from '@shared/i18n'
import { languageOf } from '../lib/language'

/** The interface language; the component renders again when the user switches it. */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return languageOf(i18n.language)
}
