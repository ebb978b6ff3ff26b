/**
 * Personal data shown where its full value is not needed (law 94-V): in lists and outputs for
 * roles without the right to see it, and in the history, which keeps what changed without
 * keeping the number itself. One rule per kind of data, used by every output.
 */

/** What stands for a hidden character. */
export const MASK = '•'

/**
 * An IIN/BIN: the first 6 digits (the birth date of a person; for a BIN, the registration
 * month) and the last one, the rest hidden: `900215•••••3`. Anything that is not 12 digits
 * (a number typed wrong in an old register) keeps only its last character.
 */
export function maskIin(value: string): string
export function maskIin(value: string | null): string | null
export function maskIin(value: string | null): string | null {
  if (!value) return value
  if (/^\d{12}$/.test(value)) return `${value.slice(0, 6)}${MASK.repeat(5)}${value.slice(11)}`
  return MASK.repeat(Math.max(value.length - 1, 0)) + value.slice(-1)
}

/**
 * A phone number: its last two digits, every other digit hidden, spacing and signs kept so it
 * still reads as a phone: `+7 701 123 45 67` → `+• ••• ••• •• 67`.
 */
export function maskPhone(value: string): string
export function maskPhone(value: string | null): string | null
export function maskPhone(value: string | null): string | null {
  if (!value) return value
  const digits = value.replace(/\D/g, '').length
  let seen = 0
  return value.replace(/\d/g, (digit) => (++seen > digits - 2 ? digit : MASK))
}

/**
 * A postal address: its first part (the settlement, as addresses are written here: "Қоянды
 * ауылы, Абай көшесі 12, 5-пәтер") and nothing of the street or house: `Қоянды ауылы, •••`.
 * An address in one part keeps its first word.
 */
export function maskAddress(value: string): string
export function maskAddress(value: string | null): string | null
export function maskAddress(value: string | null): string | null {
  if (!value) return value
  const trimmed = value.trim()
  const comma = trimmed.indexOf(',')
  const kept = comma >= 0 ? trimmed.slice(0, comma) : (trimmed.split(/\s+/)[0] ?? '')
  return kept === trimmed ? MASK.repeat(3) : `${kept}, ${MASK.repeat(3)}`
}
