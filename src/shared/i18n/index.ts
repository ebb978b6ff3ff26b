import { en } from './en'
import { kk, type Messages } from './kk'
import { ru } from './ru'
import { DEFAULT_LANGUAGE, type Language } from './languages'

export * from './languages'
export type { Messages }

/** Every catalog, by language: used by the UI (i18next) and by report writers in main. */
export const catalogs: Record<Language, Messages> = { kk, ru, en }

/**
 * Translates a dotted key outside React (main process: reports, CLI, start-up errors).
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
