/**
 * IIN (ЖСН, individual) and BIN (БСН, organisation) numbers: 12 digits with a check digit.
 * The check: weights 1..11 over the first 11 digits, mod 11; if that gives 10, weights
 * 3,4,5,6,7,8,9,10,11,1,2, mod 11; if still 10 the number is invalid; else it equals digit 12.
 */
export type IdNumberProblem = 'format' | 'checksum' | 'birthDate' | 'futureBirthDate' | 'century' | 'entityType'

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]

export function checkDigitValid(number: string): boolean {
  if (!/^\d{12}$/.test(number)) return false
  const digits = [...number].map(Number)
  const sum = (weights: number[]) => weights.reduce((acc, w, i) => acc + w * digits[i]!, 0) % 11
  let check = sum(FIRST_WEIGHTS)
  if (check === 10) check = sum(SECOND_WEIGHTS)
  return check !== 10 && check === digits[11]
}

/** Birth date encoded in an IIN: digits 1-6 are YYMMDD, digit 7 the century (and sex). */
export function iinBirthDate(iin: string): string | null {
  const centuryDigit = Number(iin[6])
  if (!(centuryDigit >= 1 && centuryDigit <= 6)) return null
  const century = centuryDigit <= 2 ? 1800 : centuryDigit <= 4 ? 1900 : 2000
  const year = century + Number(iin.slice(0, 2))
  const month = Number(iin.slice(2, 4))
  const day = Number(iin.slice(4, 6))
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return date.toISOString().slice(0, 10)
}

/**
 * Why an IIN is not acceptable, or null when it is. `today` (YYYY-MM-DD) also refuses a birth
 * date in the future; null skips that check (the API schema has no clock; the service checks it).
 */
export function iinProblem(iin: string, today: string | null): IdNumberProblem | null {
  if (!/^\d{12}$/.test(iin)) return 'format'
  const centuryDigit = Number(iin[6])
  if (!(centuryDigit >= 1 && centuryDigit <= 6)) return 'century'
  const birth = iinBirthDate(iin)
  if (!birth) return 'birthDate'
  if (today !== null && birth > today) return 'futureBirthDate'
  if (!checkDigitValid(iin)) return 'checksum'
  return null
}

/**
 * The 5th digit of a BIN names what was registered: 4 a resident legal entity, 5 a non-resident
 * one (its branch or representative office), 6 an individual entrepreneur in joint
 * entrepreneurship. Any other digit is a typo (often an IIN typed into the BIN field).
 */
const BIN_ENTITY_TYPES = ['4', '5', '6']

/** Why a BIN is not acceptable, or null. Digits 3-4 are the registration month, 5 the entity type. */
export function binProblem(bin: string): IdNumberProblem | null {
  if (!/^\d{12}$/.test(bin)) return 'format'
  const month = Number(bin.slice(2, 4))
  if (month < 1 || month > 12) return 'birthDate'
  if (!BIN_ENTITY_TYPES.includes(bin[4]!)) return 'entityType'
  if (!checkDigitValid(bin)) return 'checksum'
  return null
}
