import { describe, expect, it } from 'vitest'
import { languageOf, localName } from '../../../src/renderer/src/lib/language'

describe('languageOf', () => {
  it('keeps each interface language', () => {
    expect(languageOf('kk')).toBe('kk')
    expect(languageOf('ru')).toBe('ru')
    expect(languageOf('en')).toBe('en')
  })

  it('falls back to Kazakh for anything else', () => {
    expect(languageOf('de')).toBe('kk')
    expect(languageOf('en-US')).toBe('kk')
    expect(languageOf('')).toBe('kk')
    expect(languageOf(undefined)).toBe('kk')
    expect(languageOf(null)).toBe('kk')
  })
})

describe('localName', () => {
  const sector = { nameKk: 'Білім беру', nameRu: 'Образование', nameEn: 'Education' }

  it('picks the name in each language', () => {
    expect(localName(sector, 'kk')).toBe('Білім беру')
    expect(localName(sector, 'ru')).toBe('Образование')
    expect(localName(sector, 'en')).toBe('Education')
  })

  it('shows the Kazakh name where a language has none', () => {
    const locality = { nameKk: 'Қарасу ауылы', nameRu: 'село Карасу', nameEn: null }
    expect(localName(locality, 'en')).toBe('Қарасу ауылы')
    expect(localName(locality, 'ru')).toBe('село Карасу')
    // an office has no English name at all
    const office = { nameKk: 'Қарасу ауылдық округі әкімінің аппараты', nameRu: 'Аппарат акима Карасуского с.о.' }
    expect(localName(office, 'en')).toBe(office.nameKk)
    expect(localName(office, 'ru')).toBe(office.nameRu)
  })

  it('treats an empty name as none', () => {
    expect(localName({ nameKk: 'Басқа', nameRu: '', nameEn: '' }, 'ru')).toBe('Басқа')
    expect(localName({ nameKk: 'Басқа', nameRu: '', nameEn: '' }, 'en')).toBe('Басқа')
  })
})
