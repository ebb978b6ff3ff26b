/**
 * How personal data (law 94-V) is shown to a reader who may not see it in full: lists, search
 * results, reports and cards show these forms; the full values only reach a permitted role
 * through a recorded reveal. Every masked form contains '•', which no real value holds.
 */

const BULLET = '•'

/**
 * An IIN or BIN as `900215•••••3`: the first six digits, five bullets, the last digit. A value
 * not of 12 digits (typed before the check existed) keeps only its last character.
 */
export function maskIin(value: string): string {
  const digits = value.replace(/\s+/g, '')
  if (/^\d{12}$/.test(digits)) return `${digits.slice(0, 6)}${BULLET.repeat(5)}${digits.slice(11)}`
  return digits.length <= 1 ? BULLET : `${BULLET.repeat(digits.length - 1)}${digits.slice(-1)}`
}

/**
 * A phone number as its last two digits after a bullet per digit hidden: `+7 701 123 4567` →
 * `•••••••••67`. Spaces, dashes and any words typed in the field are left out, so nothing but
 * those two digits can be read; with fewer than three digits nothing is kept.
 */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '')
  if (digits.length < 3) return BULLET.repeat(Math.max(digits.length, 2))
  return `${BULLET.repeat(digits.length - 2)}${digits.slice(-2)}`
}

/**
 * An address as its settlement only: the first word, when it is a word (a place name, not a
 * house number), then bullets: `Ақсу ауылы, Абай к-сі 12` → `Ақсу •••`. An address that begins
 * with a number keeps nothing.
 */
export function maskAddress(value: string): string {
  const first = value.trim().split(/[\s,;]+/u)[0] ?? ''
  const word = first.replace(/[^\p{L}-]+$/u, '')
  return /^\p{L}[\p{L}-]*$/u.test(word) ? `${word} ${BULLET.repeat(3)}` : BULLET.repeat(3)
}
