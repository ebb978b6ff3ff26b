import { DEFAULT_LANGUAGE, isLanguage, localizedName, type Language } from '@shared/i18n'

/** The interface language i18next reports, as one of ours (Kazakh, the default, if it is anything else). */
export function languageOf(value: unknown): Language {
  return isLanguage(value) ? value : DEFAULT_LANGUAGE
}

/**
 * A record named in the office's languages. Kazakh is the source and always there; a locality
 * may have no English name, and an office or a data package's source has none at all.
 */
export interface Named {
  nameKk: string
  nameRu?: string | null
  nameEn?: string | null
}

/** The record's name in `lang`, or its Kazakh name when it has none (or an empty one) in that language. */
export function localName(item: Named, lang: Language): string {
  return localizedName(
    { nameKk: item.nameKk, nameRu: item.nameRu || item.nameKk, nameEn: item.nameEn || item.nameKk },
    lang,
  )
}
