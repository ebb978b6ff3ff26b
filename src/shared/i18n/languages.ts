/** The interface languages. Kazakh is the default everywhere: UI, reports, errors. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'kk'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** Picks the name of a catalog item in the given language: `{nameKk, nameRu, nameEn}`. */
export function localizedName(item: { nameKk: string; nameRu: string; nameEn: string }, lang: Language): string {
  return lang === 'kk' ? item.nameKk : lang === 'ru' ? item.nameRu : item.nameEn
}
