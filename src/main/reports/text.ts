import { translate, type Language } from '@shared/i18n'

export type ReportText = (key: string, params?: Record<string, string | number>) => string

/** The report texts of a language (keys under `reports.`, see shared/i18n/sections/reports.ts). */
export function reportText(lang: Language): ReportText {
  return (key, params) => translate(lang, `reports.${key}`, params)
}

/** A catalog name inside a sentence: "Әлеуметтік сала" → "әлеуметтік сала". */
export function lowerFirst(name: string, lang: Language): string {
  return name.charAt(0).toLocaleLowerCase(lang === 'en' ? 'en' : lang) + name.slice(1)
}

/**
 * A noun's form for a number: `words.<noun>.{one,few,many,other}` chosen by the language's
 * plural rules (Russian: 1 вопрос, 2 вопроса, 5 вопросов; Kazakh keeps the singular).
 */
export function countWord(t: ReportText, lang: Language, noun: string, n: number): string {
  return t(`words.${noun}.${new Intl.PluralRules(lang).select(n)}`)
}
