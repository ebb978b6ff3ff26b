import { describe, expect, it } from 'vitest'
import { foldForSearch } from '@shared/domain/search'

// Code points are spelled out so that a Latin look-alike (e.g. Latin "i" for Kazakh "і")
// cannot slip into the test unnoticed.
const KAZAKH_FOLDS: [lower: string, upper: string, folded: string][] = [
  ['\u04D9', '\u04D8', '\u0430'], // ә Ә -> а
  ['\u0493', '\u0492', '\u0433'], // ғ Ғ -> г
  ['\u049B', '\u049A', '\u043A'], // қ Қ -> к
  ['\u04A3', '\u04A2', '\u043D'], // ң Ң -> н
  ['\u04E9', '\u04E8', '\u043E'], // ө Ө -> о
  ['\u04B1', '\u04B0', '\u0443'], // ұ Ұ -> у
  ['\u04AF', '\u04AE', '\u0443'], // ү Ү -> у
  ['\u04BB', '\u04BA', '\u0445'], // һ Һ -> х
  ['\u0456', '\u0406', '\u0438'], // і І -> и
]

describe('foldForSearch', () => {
  it('names typed without Kazakh letters match the Kazakh spelling', () => {
    expect(foldForSearch('Жұмабек')).toBe(foldForSearch('Жумабек'))
    expect(foldForSearch('Қайрат')).toBe(foldForSearch('Кайрат'))
    expect(foldForSearch('Өмірбек')).toBe(foldForSearch('Омирбек'))
  })

  it('gives the plain lower-case Russian-alphabet form', () => {
    expect(foldForSearch('Жұмабек')).toBe('жумабек')
    expect(foldForSearch('Қайрат')).toBe('кайрат')
    expect(foldForSearch('Өмірбек')).toBe('омирбек')
    expect(foldForSearch('Әсел Ғалымжанқызы')).toBe('асел галымжанкызы')
    expect(foldForSearch('Шаңырақ')).toBe('шанырак')
    expect(foldForSearch('Үшқоңыр')).toBe('ушконыр')
    expect(foldForSearch('Һ')).toBe('х')
  })

  it('folds case', () => {
    expect(foldForSearch('ҚАЙРАТ')).toBe('кайрат')
    expect(foldForSearch('ҚАЙРАТ')).toBe(foldForSearch('қайрат'))
    expect(foldForSearch('ЖҰМАБЕК ӨМІРБЕКҰЛЫ')).toBe('жумабек омирбекулы')
  })

  it('ё -> е (both cases)', () => {
    expect(foldForSearch('Пётр')).toBe('петр')
    expect(foldForSearch('ЁЛКА')).toBe('елка')
    expect(foldForSearch('Пётр')).toBe(foldForSearch('Петр'))
  })

  it('leaves Latin letters, digits and punctuation as they are (lower case)', () => {
    expect(foldForSearch('abc xyz 0123456789')).toBe('abc xyz 0123456789')
    expect(foldForSearch('IIN 900515301234, №5 — ok!')).toBe('iin 900515301234, №5 — ok!')
    // A Latin "i" is not the Kazakh "і" and stays Latin.
    expect(foldForSearch('i')).toBe('i')
  })

  it('leaves the Russian letters (other than ё) unchanged', () => {
    const russian = 'абвгдежзийклмнопрстуфхцчшщъыьэюя'
    expect(foldForSearch(russian)).toBe(russian)
  })

  it.each(KAZAKH_FOLDS)('%s and %s -> %s', (lower, upper, folded) => {
    expect(foldForSearch(lower)).toBe(folded)
    expect(foldForSearch(upper)).toBe(folded)
    // Inside a word too, and in every position.
    expect(foldForSearch(`а${lower}б${upper}`)).toBe(`а${folded}б${folded}`)
  })

  it('leaves no Kazakh-specific letter in the whole Kazakh alphabet', () => {
    const alphabet = 'АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ'
    const folded = foldForSearch(alphabet + alphabet.toLowerCase())
    expect(folded).toHaveLength(alphabet.length * 2)
    expect(folded).not.toMatch(/[\u04D9\u0493\u049B\u04A3\u04E9\u04B1\u04AF\u04BB\u0456\u0451]/)
    expect(folded).toMatch(/^[а-я]+$/)
  })

  it('is idempotent', () => {
    const once = foldForSearch('Қазақстан Республикасы, Өскемен')
    expect(foldForSearch(once)).toBe(once)
    expect(once).toBe('казакстан республикасы, оскемен')
  })
})
