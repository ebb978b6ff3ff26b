import { describe, expect, it } from 'vitest'
import { binProblem, checkDigitValid, iinBirthDate, iinProblem } from '@shared/domain/iin'

/**
 * An independent check-digit computation, written from the rule in DESIGN.md (not from
 * iin.ts): weights 1..11 over the first 11 digits, mod 11; if that is 10, weights
 * 3,4,5,6,7,8,9,10,11,1,2, mod 11; if still 10 there is no valid check digit (null).
 */
function checkDigitFor(first11: string): { digit: number | null; pass: 1 | 2 } {
  if (!/^\d{11}$/.test(first11)) throw new Error(`need 11 digits: ${first11}`)
  const digits = [...first11].map(Number)
  let first = 0
  for (let i = 0; i < 11; i++) first += (i + 1) * digits[i]!
  first %= 11
  if (first !== 10) return { digit: first, pass: 1 }
  const second = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
  let sum = 0
  for (let i = 0; i < 11; i++) sum += second[i]! * digits[i]!
  sum %= 11
  return { digit: sum === 10 ? null : sum, pass: 2 }
}

/** The 12-digit number with its check digit appended (fails when none exists). */
function withCheckDigit(first11: string): string {
  const { digit } = checkDigitFor(first11)
  if (digit === null) throw new Error(`${first11} has no valid check digit`)
  return first11 + String(digit)
}

/** Replaces the last digit with a different one. */
function wrongLastDigit(number: string): string {
  const last = Number(number[11])
  return number.slice(0, 11) + String((last + 1) % 10)
}

const TODAY = '2026-04-09'

describe('the independent check-digit helper (so the tests below rest on hand-checked values)', () => {
  it('first pass: 90051530123 -> 4', () => {
    // 9·1 + 0·2 + 0·3 + 5·4 + 1·5 + 5·6 + 3·7 + 0·8 + 1·9 + 2·10 + 3·11
    // = 9 + 20 + 5 + 30 + 21 + 9 + 20 + 33 = 147; 147 mod 11 = 147 - 143 = 4
    expect(checkDigitFor('90051530123')).toEqual({ digit: 4, pass: 1 })
  })

  it('second pass: 90051530090 -> first 10, then 8', () => {
    // first:  9·1 + 5·4 + 1·5 + 5·6 + 3·7 + 9·10 = 9+20+5+30+21+90 = 175; 175 mod 11 = 10
    // second: 9·3 + 5·6 + 1·7 + 5·8 + 3·9 + 9·1  = 27+30+7+40+27+9 = 140; 140 mod 11 = 8
    expect(checkDigitFor('90051530090')).toEqual({ digit: 8, pass: 2 })
  })

  it('both passes 10: 90051530091', () => {
    // first:  175 + 1·11 = 186; 186 mod 11 = 10
    // second: 140 + 1·2  = 142; 142 mod 11 = 10
    expect(checkDigitFor('90051530091')).toEqual({ digit: null, pass: 2 })
  })
})

describe('checkDigitValid and iinProblem accept valid IINs', () => {
  // Birth date 1990-05-15, century digit 3 (man born in the 1900s).
  const firstPass = withCheckDigit('90051530123')
  // Same birth date, serial chosen so that the first pass gives 10.
  const secondPass = withCheckDigit('90051530090')
  // Woman born 2005-03-12 (century digit 6), first pass.
  const born2005 = withCheckDigit('05031260045')
  // Born 1850-06-07 (century digit 1).
  const born1850 = withCheckDigit('50060710001')

  it('the numbers built are the ones worked out by hand', () => {
    expect(firstPass).toBe('900515301234')
    expect(secondPass).toBe('900515300908')
  })

  it.each([
    ['first pass', firstPass],
    ['second pass', secondPass],
    ['born 2005', born2005],
    ['born 1850', born1850],
  ])('%s: %s', (_label, iin) => {
    expect(checkDigitValid(iin)).toBe(true)
    expect(iinProblem(iin, TODAY)).toBeNull()
  })

  it('a second-pass number is not accepted with the first-pass result (10 is not a digit) nor any other digit', () => {
    for (let d = 0; d <= 9; d++) {
      const candidate = '90051530090' + String(d)
      expect(checkDigitValid(candidate)).toBe(d === 8)
    }
  })

  it('a changed last digit is a checksum problem', () => {
    for (const iin of [firstPass, secondPass, born2005, born1850]) {
      const bad = wrongLastDigit(iin)
      expect(checkDigitValid(bad)).toBe(false)
      expect(iinProblem(bad, TODAY)).toBe('checksum')
    }
  })

  it('a swapped pair of serial digits is a checksum problem', () => {
    // 900515301234 -> swap digits 9 and 10 ("12" -> "21"): sum changes by 9·(2-1) + 10·(1-2) = -1.
    expect(iinProblem('900515302134', TODAY)).toBe('checksum')
  })
})

describe('both passes giving 10 make the number invalid', () => {
  it('found by search over the serial digits of a valid birth date: no 12th digit is accepted', () => {
    // Search the serial (digits 8-11) of a man born 1990-05-15 for one with no check digit.
    let found: string | null = null
    for (let n = 0; n < 10000 && found === null; n++) {
      const first11 = '9005153' + String(n).padStart(4, '0')
      if (checkDigitFor(first11).digit === null) found = first11
    }
    expect(found).toBe('90051530091') // the first one, worked out by hand above
    for (let d = 0; d <= 9; d++) {
      const iin = found! + String(d)
      expect(checkDigitValid(iin)).toBe(false)
      expect(iinProblem(iin, TODAY)).toBe('checksum')
    }
  })
})

describe('iinProblem refusals', () => {
  const valid = '900515301234'

  it.each([
    ['11 digits', '90051530123'],
    ['13 digits', '9005153012345'],
    ['a letter', '90051530123a'],
    ['a space inside', '900515 301234'],
    ['leading space', ' 900515301234'],
    ['a dash', '900515-01234'],
    ['empty', ''],
    ['Arabic-Indic digits', '٩٠٠٥١٥٣٠١٢٣٤'],
  ])('%s -> format', (_label, iin) => {
    expect(iinProblem(iin, TODAY)).toBe('format')
    expect(checkDigitValid(iin)).toBe(false)
  })

  it.each(['0', '7', '8', '9'])('century digit %s -> century (even with a correct check digit)', (c) => {
    const iin = withCheckDigit(`900515${c}0456`) // serial 0456: a check digit exists for each
    expect(checkDigitValid(iin)).toBe(true) // only the century is wrong
    expect(iinProblem(iin, TODAY)).toBe('century')
  })

  it.each([
    ['month 13', '90131530123'],
    ['month 00', '90001530123'],
    ['30 February', '90023030123'],
    ['31 April', '90043130123'],
    ['day 00', '90050030123'],
    ['29 February 1900 (not a leap year: century digit 3)', '00022930123'],
    ['29 February 2025 (century digit 5)', '25022950123'],
  ])('%s -> birthDate (even with a correct check digit)', (_label, first11) => {
    const iin = withCheckDigit(first11)
    expect(checkDigitValid(iin)).toBe(true)
    expect(iinProblem(iin, TODAY)).toBe('birthDate')
  })

  it('29 February 2000 (leap year, century digit 5) is a real birth date', () => {
    const iin = withCheckDigit('00022950123')
    expect(iinBirthDate(iin)).toBe('2000-02-29')
    expect(iinProblem(iin, TODAY)).toBeNull()
  })

  it('a birth date after today -> futureBirthDate; born today is fine', () => {
    const iin = withCheckDigit('26041050123') // 2026-04-10
    expect(iinProblem(iin, '2026-04-09')).toBe('futureBirthDate')
    expect(iinProblem(iin, '2026-04-10')).toBeNull()
    expect(iinProblem(iin, '2027-01-01')).toBeNull()
  })

  it('the valid base number has no problem (so the refusals above are about what they change)', () => {
    expect(iinProblem(valid, TODAY)).toBeNull()
  })
})

describe('iinBirthDate', () => {
  it.each([
    ['1', '1850-06-07'],
    ['2', '1850-06-07'],
    ['3', '1950-06-07'],
    ['4', '1950-06-07'],
    ['5', '2050-06-07'],
    ['6', '2050-06-07'],
  ])('century digit %s -> %s', (c, expected) => {
    expect(iinBirthDate(`500607${c}01234`)).toBe(expected)
  })

  it('years 00 and 99 of each century', () => {
    expect(iinBirthDate('000101100000')).toBe('1800-01-01')
    expect(iinBirthDate('991231200000')).toBe('1899-12-31')
    expect(iinBirthDate('000101300000')).toBe('1900-01-01')
    expect(iinBirthDate('991231400000')).toBe('1999-12-31')
    expect(iinBirthDate('000101500000')).toBe('2000-01-01')
    expect(iinBirthDate('991231600000')).toBe('2099-12-31')
  })

  it('null for century digits 0, 7-9 and for impossible dates', () => {
    expect(iinBirthDate('500607001234')).toBeNull()
    expect(iinBirthDate('500607701234')).toBeNull()
    expect(iinBirthDate('500607901234')).toBeNull()
    expect(iinBirthDate('501307301234')).toBeNull()
    expect(iinBirthDate('500230301234')).toBeNull()
  })
})

describe('binProblem', () => {
  // BIN: YY MM (registration year and month), then type digits and serial, then the check digit.
  it('accepts a valid BIN (first pass) worked out by hand', () => {
    // 0·1 + 5·2 + 0·3 + 4·4 + 4·5 + 0·6 + 0·7 + 0·8 + 1·9 + 2·10 + 3·11
    // = 10 + 16 + 20 + 9 + 20 + 33 = 108; 108 mod 11 = 108 - 99 = 9
    const bin = withCheckDigit('05044000123')
    expect(bin).toBe('050440001239')
    expect(checkDigitValid(bin)).toBe(true)
    expect(binProblem(bin)).toBeNull()
  })

  it('accepts a valid BIN whose check digit needs the second weights', () => {
    // 10124000001: first 1·1 + 0 + 1·3 + 2·4 + 4·5 + 1·11 = 43; 43 mod 11 = 10
    //              second 1·3 + 1·5 + 2·6 + 4·7 + 1·2 = 50; 50 mod 11 = 6
    expect(checkDigitFor('10124000001')).toEqual({ digit: 6, pass: 2 })
    expect(binProblem('101240000016')).toBeNull()
  })

  it.each([
    ['month 00', '05004000123'],
    ['month 13', '05134000123'],
  ])('refuses %s (with an otherwise correct check digit)', (_label, first11) => {
    const bin = withCheckDigit(first11)
    expect(checkDigitValid(bin)).toBe(true)
    expect(binProblem(bin)).toBe('birthDate')
  })

  // Digit 5 is the entity type: 4 resident legal entity, 5 non-resident, 6 joint entrepreneurship.
  it.each([
    ['a resident legal entity (4)', '05124000123', null],
    ['a non-resident entity (5)', '05125000123', null],
    ['joint entrepreneurship (6)', '05126000123', null],
    ['type 0', '05120000123', 'entityType'],
    ['type 3 (an IIN-like number)', '05123000123', 'entityType'],
    ['type 9', '05129000123', 'entityType'],
  ])('reads digit 5 as the entity type: %s', (_label, first11, problem) => {
    const bin = withCheckDigit(first11)
    expect(checkDigitValid(bin)).toBe(true)
    expect(binProblem(bin)).toBe(problem)
  })

  it('refuses a bad check digit', () => {
    expect(binProblem('050440001238')).toBe('checksum')
    expect(binProblem('101240000010')).toBe('checksum')
  })

  it('refuses a wrong format', () => {
    expect(binProblem('05044000123')).toBe('format')
    expect(binProblem('05044000123X')).toBe('format')
  })
})
