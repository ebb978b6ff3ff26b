import { afterEach, describe, expect, it } from 'vitest'
import { LANGUAGES, catalogs, translate, type Language } from '@shared/i18n'
import { kk } from '@shared/i18n/kk'

/** Every leaf of a catalog as [dotted key, value]. Non-string, non-object leaves are kept as-is. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (node === null || typeof node !== 'object') return [[prefix, node]]
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key))
}

const params = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort()

describe('message catalogs', () => {
  // The Kazakh catalog as served (core texts plus every section) is the reference.
  const kkLeaves = new Map(leaves(catalogs.kk))

  it('has one catalog per language, and the Kazakh one holds every core text', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...LANGUAGES].sort())
    for (const [key, value] of leaves(kk)) expect(kkLeaves.get(key), key).toBe(value)
  })

  it('has a sensible number of keys (the walk really reached the leaves)', () => {
    expect(kkLeaves.size).toBeGreaterThan(50)
    expect(kkLeaves.get('validation.tooLong')).toBe('Ең көбі {{max}} таңба')
  })

  it.each(['ru', 'en'] as const)('%s has exactly the same key set as kk, at every depth', (lang) => {
    const keys = leaves(catalogs[lang]).map(([key]) => key)
    expect(keys.sort()).toEqual([...kkLeaves.keys()].sort())
  })

  it.each(LANGUAGES)('every value of %s is a non-empty string', (lang) => {
    for (const [key, value] of leaves(catalogs[lang])) {
      expect(typeof value, `${lang}:${key}`).toBe('string')
      expect((value as string).trim(), `${lang}:${key}`).not.toBe('')
    }
  })

  it.each(['ru', 'en'] as const)('%s uses the same {{params}} as kk for every key', (lang) => {
    const other = new Map(leaves(catalogs[lang]))
    let withParams = 0
    for (const [key, value] of kkLeaves) {
      const expected = params(value as string)
      if (expected.length > 0) withParams++
      expect(params(String(other.get(key))), `${lang}:${key}`).toEqual(expected)
    }
    // tooShort, tooLong, tooSmall, tooBig, unknownField, dbTooNew at least
    expect(withParams).toBeGreaterThanOrEqual(6)
  })
})

describe('translate', () => {
  const restore: (() => void)[] = []
  afterEach(() => {
    while (restore.length > 0) restore.pop()!()
  })

  /** Removes one message from a catalog for the duration of the test. */
  function withoutMessage(lang: Language, group: 'validation', key: 'required'): void {
    const section = catalogs[lang][group] as unknown as Record<string, unknown>
    const saved = section[key]!
    delete section[key]
    restore.push(() => {
      section[key] = saved
    })
  }

  it('returns the message of the requested language', () => {
    expect(translate('kk', 'nav.settings')).toBe('Баптаулар')
    expect(translate('ru', 'nav.settings')).toBe('Настройки')
    expect(translate('en', 'nav.settings')).toBe('Settings')
  })

  it('fills in {{params}} and leaves a missing one visible', () => {
    expect(translate('en', 'validation.tooLong', { max: 200 })).toBe('At most 200 characters')
    expect(translate('ru', 'validation.unknownField', { keys: 'extra' })).toBe('Неизвестное поле: extra')
    expect(translate('en', 'validation.tooLong')).toBe('At most {{max}} characters')
  })

  it('falls back to Kazakh when the language lacks the key', () => {
    withoutMessage('en', 'validation', 'required')
    expect(translate('en', 'validation.required')).toBe('Толтыру міндетті')
    expect(translate('ru', 'validation.required')).toBe('Обязательное поле')
  })

  it('falls back to the key itself when no catalog has it', () => {
    withoutMessage('ru', 'validation', 'required')
    withoutMessage('kk', 'validation', 'required')
    expect(translate('ru', 'validation.required')).toBe('validation.required')
    expect(translate('en', 'no.such.key')).toBe('no.such.key')
    expect(translate('kk', 'nav.settings.deeper')).toBe('nav.settings.deeper')
  })

  it('does not return a group of messages as if it were one', () => {
    expect(translate('en', 'validation')).toBe('validation')
  })
})
